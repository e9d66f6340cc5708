import { describe, expect, it } from 'vitest';
import { KNOWN_STICKS, normaliseUsbId, recogniseStick } from './known-sticks';
import { listSerialPorts } from './list-serial-ports';

describe('recogniseStick', () => {
  it('names vendor-specific Z-Wave sticks outright', () => {
    expect(recogniseStick('0658', '0200')?.name).toMatch(/Aeotec Z-Stick Gen5/);
    expect(recogniseStick('10c4', '8a2a')?.name).toMatch(/HUSBZB-1/);
    expect(recogniseStick('0658', '0200')?.isGenericBridge).toBe(false);
  });

  it('marks generic bridge chips as "probably"', () => {
    const cp210x = recogniseStick('10C4', 'EA60');
    expect(cp210x?.isGenericBridge).toBe(true);
    expect(cp210x?.name).toMatch(/^Probably/);
    expect(recogniseStick('1a86', '55d4')?.name).toMatch(/ZST39/);
  });

  it('accepts 0x prefixes and upper case, rejects unknown or missing ids', () => {
    expect(recogniseStick('0x0658', '0x0200')).not.toBeNull();
    expect(recogniseStick('1234', '5678')).toBeNull();
    expect(recogniseStick(undefined, '0200')).toBeNull();
    expect(normaliseUsbId('zz')).toBeNull();
    expect(normaliseUsbId('658')).toBe('0658');
  });

  it('has no duplicate ids', () => {
    const keys = KNOWN_STICKS.map((s) => `${s.vendorId}:${s.productId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('listSerialPorts', () => {
  it('returns listError instead of throwing when listing fails', async () => {
    const list = await listSerialPorts(() => Promise.reject(new Error('spawn udevadm ENOENT')));
    expect(list.ports).toEqual([]);
    expect(list.listError).toMatch(/udevadm/);
    expect(list.listError).toMatch(/Type the stick's port path/);
  });

  it('maps ports and recognises sticks', async () => {
    const list = await listSerialPorts(() =>
      Promise.resolve([
        { path: '/dev/ttyACM0', manufacturer: 'Silicon Labs', vendorId: '10C4', productId: 'EA60' },
        { path: '/dev/ttyS0' },
      ]),
    );
    expect(list.listError).toBeNull();
    expect(list.ports).toEqual([
      { path: '/dev/ttyACM0', manufacturer: 'Silicon Labs', vendorId: '10c4', productId: 'ea60', stickName: expect.stringMatching(/CP210x/) },
      { path: '/dev/ttyS0', manufacturer: null, vendorId: null, productId: null, stickName: null },
    ]);
  });

  it('never throws with the real lister either', async () => {
    const list = await listSerialPorts();
    expect(Array.isArray(list.ports)).toBe(true);
    if (list.ports.length === 0) expect(list.listError === null || typeof list.listError === 'string').toBe(true);
  });
});
