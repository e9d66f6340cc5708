import { describe, expect, it } from 'vitest';
import type { BleAdvertisement } from '../ble/ble-radio';
import { readNukiAdvertisement } from './nuki-advertisement';

/** Apple iBeacon as it is on air: 4C 00 | 02 15 | proximity UUID (16, big-endian) | major | minor | TX power. */
const beacon = (uuidHex: string, txPower: number): Uint8Array =>
  Uint8Array.from([0x4c, 0x00, 0x02, 0x15, ...Buffer.from(uuidHex, 'hex'), 0x00, 0x01, 0x00, 0x02, txPower]);
const KEYTURNER_HEX = 'a92ee200550111e4916c0800200c9a66';

const advertisement = (fields: Partial<BleAdvertisement>): BleAdvertisement => ({
  address: 'aa:bb:cc:dd:ee:ff',
  localName: null,
  rssi: -61,
  serviceUuids: [],
  serviceData: [],
  manufacturerData: null,
  ...fields,
});

describe('readNukiAdvertisement', () => {
  it('reads a paired lock from its iBeacon and the Nuki ID from its name', () => {
    const read = readNukiAdvertisement(advertisement({ localName: 'Nuki_3C8862ED', manufacturerData: beacon(KEYTURNER_HEX, 0xc4) }));
    expect(read).toEqual({
      isNuki: true,
      name: 'Nuki_3C8862ED',
      nukiId: 1015571181,
      rssi: -61,
      mode: 'paired',
      stateChanged: false,
      variant: 'smart_lock',
    });
  });

  it('sees "state changed" in bit 0 of the iBeacon TX-power byte', () => {
    expect(readNukiAdvertisement(advertisement({ manufacturerData: beacon(KEYTURNER_HEX, 0xc5) }))).toMatchObject({
      isNuki: true,
      mode: 'paired',
      stateChanged: true,
      name: null,
      nukiId: null,
    });
  });

  it('reads pairing mode from the pairing service data, on a Smart Lock and on an Ultra', () => {
    const classic = readNukiAdvertisement(
      advertisement({ localName: 'Nuki_1A2B3C4D', serviceData: [{ uuid: 'a92ee100-5501-11e4-916c-0800200c9a66', data: Uint8Array.of(0x01) }] }),
    );
    expect(classic).toMatchObject({ isNuki: true, mode: 'pairing', variant: 'smart_lock', nukiId: 0x1a2b3c4d, stateChanged: false });
    const ultra = readNukiAdvertisement(advertisement({ serviceData: [{ uuid: 'A92EE300-5501-11E4-916C-0800200C9A66', data: new Uint8Array() }] }));
    expect(ultra).toMatchObject({ isNuki: true, mode: 'pairing', variant: 'ultra' });
  });

  it('reads pairing mode from the advertised pairing service, and prefers it over a merged-in iBeacon', () => {
    const read = readNukiAdvertisement(
      advertisement({ serviceUuids: ['a92ee100-5501-11e4-916c-0800200c9a66'], manufacturerData: beacon(KEYTURNER_HEX, 0xc5) }),
    );
    expect(read).toMatchObject({ isNuki: true, mode: 'pairing', stateChanged: false });
  });

  it('says unknown for a Nuki name without beacon or pairing service, and no ID for a name without 8 hex digits', () => {
    expect(readNukiAdvertisement(advertisement({ localName: 'Nuki Opener' }))).toMatchObject({ isNuki: true, mode: 'unknown', nukiId: null });
  });

  it('is not fooled by other iBeacons or malformed manufacturer data', () => {
    const other = readNukiAdvertisement(advertisement({ localName: 'Tile', manufacturerData: beacon('f7826da64fa24e988024bc5b71e0893e', 0xc5) }));
    expect(other).toMatchObject({ isNuki: false, mode: 'unknown', stateChanged: false });
    const notApple = beacon(KEYTURNER_HEX, 0xc5);
    notApple[0] = 0x59; // Nordic's company id
    expect(readNukiAdvertisement(advertisement({ manufacturerData: notApple })).mode).toBe('unknown');
    expect(readNukiAdvertisement(advertisement({ manufacturerData: beacon(KEYTURNER_HEX, 0xc5).subarray(0, 20) })).mode).toBe('unknown');
    const notProximity = beacon(KEYTURNER_HEX, 0xc5);
    notProximity[2] = 0x03;
    expect(readNukiAdvertisement(advertisement({ manufacturerData: notProximity })).isNuki).toBe(false);
  });
});
