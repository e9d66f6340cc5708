import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLengthsSource } from '../../../shared/domain/lock';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { withDeviceFileParams } from '../demo/device-file-params';
import { REAL_LOCK_MODELS } from '../demo/real-lock-models';
import type { VirtualStick } from '../demo/virtual-stick';
import type { LockNetwork } from './lock-network';
import { openZWaveNetwork } from './open-network';
import { createTempDir } from './test-support';

/**
 * Real lock models as zwave-js sees them: virtual locks with the models' real ids, so zwave-js applies each model's
 * own device file (quirks included) and reads the lock's settings during the interview; the profile must say what the
 * device file and the lock say. One virtual stick, thirteen locks, a fast virtual radio (1 ms per frame).
 */
const ANY = [4, 5, 6, 7, 8, 9, 10]; // Z-Wave's range: nothing says more
const ADMIN = [{ slot: 251, reason: "the lock's admin (master) code" }];
interface Expected {
  ids: [string, string, string];
  lengths: number[];
  source: CodeLengthsSource;
  slots: number;
  reserved?: typeof ADMIN;
  scheduling?: boolean;
}
const EXPECTED: Record<number, Expected> = {
  10: { ids: ['0x003b', '0x6341', '0x5044'], lengths: [6], source: 'lock_setting', slots: 30 }, // BE469, param 16 = 6
  11: { ids: ['0x003b', '0x6349', '0x5044'], lengths: [4], source: 'lock_setting', slots: 30 }, // BE468, default 4
  12: { ids: ['0x003b', '0x0001', '0x0469'], lengths: [8], source: 'lock_setting', slots: 30 }, // BE469ZP
  13: { ids: ['0x003b', '0x0001', '0x0468'], lengths: [5], source: 'lock_setting', slots: 30 }, // BE468ZP
  14: { ids: ['0x003b', '0x0004', '0x2109'], lengths: [4], source: 'lock_setting', slots: 30 }, // JBE109
  15: { ids: ['0x003b', '0x634b', '0x504c'], lengths: ANY, source: 'unknown', slots: 30 }, // FE599: no setting
  16: { ids: ['0x0129', '0x8002', '0x0600'], lengths: ANY, source: 'unknown', slots: 251, reserved: ADMIN }, // YRD256 ZW2
  17: { ids: ['0x0129', '0x8002', '0x46d5'], lengths: ANY, source: 'unknown', slots: 250, scheduling: true }, // YRD256-ZW3
  18: { ids: ['0x0129', '0x0004', '0x0209'], lengths: ANY, source: 'unknown', slots: 250 }, // YRD210
  19: { ids: ['0x0129', '0x0007', '0x0000'], lengths: ANY, source: 'unknown', slots: 20, scheduling: false }, // P-KFCON-MOD
  20: { ids: ['0x0090', '0x0001', '0x0001'], lengths: ANY, source: 'unknown', slots: 30 }, // Kwikset 910
  21: { ids: ['0x0090', '0x0001', '0x0642'], lengths: ANY, source: 'unknown', slots: 30 }, // Kwikset 916
  22: { ids: ['0x0090', '0x0811', '0x03a8'], lengths: ANY, source: 'unknown', slots: 250 }, // Kwikset HC620
};

describe('real lock models described as they are', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let network: LockNetwork;

  beforeAll(async () => {
    dir = await createTempDir('real-models');
    const specs = (await withDeviceFileParams(REAL_LOCK_MODELS)).map((s) => ({ ...s, radioDelayMs: 1 }));
    stick = await createVirtualStick({ stateFile: join(dir.path, 'locks.json'), locks: specs, seed: 1 });
    network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys });
  });

  afterAll(async () => {
    await network?.close();
    await stick?.close();
    await dir?.remove();
  });

  it('runs at least ten real models, each with its own device file', () => {
    expect(Object.keys(EXPECTED).map(Number)).toEqual(REAL_LOCK_MODELS.map((m) => m.nodeId));
    expect(network.lockNodeIds()).toEqual(REAL_LOCK_MODELS.map((m) => m.nodeId));
    expect(REAL_LOCK_MODELS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(EXPECTED).map(([id, e]) => [Number(id), e] as const))('lock %i: lengths and their source, slots, reserved slots, scheduling', async (nodeId, e) => {
    const profile = await network.readProfile(nodeId);
    const [manufacturerId, productType, productId] = e.ids;
    expect(profile.deviceIds).toEqual({ manufacturerId, productType, productId });
    expect(profile.manufacturer).not.toMatch(/Unregistered|Unknown/); // zwave-js knows the device
    expect(profile).toMatchObject({ supportedCodeLengths: e.lengths, codeLengthsSource: e.source, slotCount: e.slots, reservedSlots: e.reserved ?? [] });
    expect(profile.nativeScheduling).toBe(e.scheduling ?? false);
    if (e.source === 'lock_setting') expect(profile.codeLengthsNote).toBe(`the lock's "User Code PIN Length" setting, configuration parameter 16, is ${e.lengths[0]}`);
    else expect(profile.codeLengthsNote).toBeNull();
  });

  it('the Yale ZW2 reports 250 users; zwave-js counts 251 by its device file, and 251 is reserved', async () => {
    const yale = await network.readProfile(16);
    expect(stick.locks.get(16)?.spec.reportedUserCount).toBe(250);
    expect(yale.slotCount - yale.reservedSlots.length).toBe(250);
  });

  it('the P-KFCON-MOD has Schedule Entry Lock, but its device file leaves it no year-day slots: no native scheduling', async () => {
    expect(stick.locks.get(19)?.spec).toMatchObject({ nativeScheduling: true, claimedYearDaySlots: 20 });
    expect((await network.readProfile(19)).nativeScheduling).toBe(false);
  });

  it('a Schlage set to 6 acknowledges a 4-digit PIN but keeps the slot empty; a 6-digit one it keeps', async () => {
    await network.setCode(10, 1, '4829'); // no error: the lock acknowledged it
    expect(await network.readCode(10, 1)).toEqual({ slot: 1, status: 'available', code: null });
    expect(stick.locks.get(10)?.storedCodes().has(1)).toBe(false);
    await network.setCode(10, 1, '482913');
    expect(await network.readCode(10, 1)).toEqual({ slot: 1, status: 'enabled', code: '482913' });
  });

  it('a lock of unknown lengths shows what its keypad refuses only on read-back (the FE599 takes 4–8)', async () => {
    await network.setCode(15, 2, '4829135702');
    expect(await network.readCode(15, 2)).toEqual({ slot: 2, status: 'available', code: null });
  });

  it('a lock that stops answering keeps its last battery reading and when it answered, not a new time', async () => {
    const before = await network.readProfile(21);
    expect(before.batteryLevel).toBe(80);
    stick.locks.get(21)?.setAnswering(false);
    try {
      const silent = await network.readProfile(21);
      expect(silent).toMatchObject({ batteryLevel: 80, batteryReadAt: before.batteryReadAt, readAt: before.readAt });
    } finally {
      stick.locks.get(21)?.setAnswering(true);
      await network.ping(21);
    }
    const back = await network.readProfile(21);
    expect(Date.parse(back.readAt ?? '')).toBeGreaterThan(Date.parse(before.readAt ?? ''));
  });
});
