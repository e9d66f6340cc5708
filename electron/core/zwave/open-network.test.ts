import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualStick } from '../demo/virtual-stick';
import type { LockNetwork } from './lock-network';
import { openZWaveNetwork, startZWaveNetwork } from './open-network';
import { createTempDir } from './test-support';

/** The demo site with the flaky lock made deterministic (drops are tested separately). */
const LOCKS = DEMO_LOCKS.map((l) => ({ ...l, dropRate: 0 }));
const PLANTED = { nodeId: 2, slot: 7, pin: '80417' };

describe('openZWaveNetwork against the virtual stick (demo site)', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let network: LockNetwork;
  const cwdCacheExisted = existsSync(join(process.cwd(), 'cache'));
  let openMs = 0;

  beforeAll(async () => {
    dir = await createTempDir('zwave');
    stick = await createVirtualStick({ stateFile: join(dir.path, 'locks.json'), locks: LOCKS, seed: 1 });
    // A code that is on the lock before Lockbench ever connected (another tool, the keypad): must survive the interview.
    stick.locks.get(PLANTED.nodeId)?.plantCode(PLANTED.slot, PLANTED.pin);
    const started = Date.now();
    network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys });
    openMs = Date.now() - started;
  });

  afterAll(async () => {
    await network?.close();
    await stick?.close();
    await dir?.remove();
  });

  it('finds the three locks and interviews them in bounded time', () => {
    expect(network.lockNodeIds()).toEqual([2, 3, 4]);
    expect(network.homeId).toMatch(/^[0-9a-f]{8}$/);
    expect(openMs).toBeLessThan(30_000);
  });

  it('CRITICAL: a code planted before the first connection survives the first interview', async () => {
    expect(stick.locks.get(PLANTED.nodeId)?.storedCodes().get(PLANTED.slot)).toBe(PLANTED.pin);
    expect(network.cachedSlots(PLANTED.nodeId)[PLANTED.slot - 1]).toEqual({ slot: PLANTED.slot, status: 'enabled', code: PLANTED.pin });
    expect(await network.readCode(PLANTED.nodeId, PLANTED.slot)).toEqual({ slot: PLANTED.slot, status: 'enabled', code: PLANTED.pin });
  });

  it.each(LOCKS.map((l) => [l.nodeId, l] as const))('profile of lock %i matches its spec', async (nodeId, spec) => {
    const profile = await network.readProfile(nodeId);
    expect(profile).toMatchObject({
      address: String(nodeId),
      model: spec.reportedName,
      securityClass: spec.secure ? 'S2_AccessControl' : 'none',
      isOnline: true,
      supportsAccessCodes: true,
      slotCount: spec.slotCount,
      // Neutral ids: no device file, no length setting — the lengths are unknown (Z-Wave's 4–10) until the lock shows them.
      supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10],
      codeLengthsSource: 'unknown',
      reservedSlots: [],
      pinCharset: 'digits',
      nativeScheduling: spec.nativeScheduling,
      supportsChecksum: spec.userCodeVersion !== 1,
      batteryLevel: spec.batteryLevel,
      isBatteryLow: spec.batteryLevel <= 20,
      doorState: 'unlocked',
      clockOffsetMinutes: spec.nativeScheduling ? 0 : null,
    });
    expect(profile.manufacturer).toMatch(/0xffff/);
    // The demo locks' factory codes (codes from elsewhere) and the code planted before the first connection.
    const factory = Object.keys(spec.factoryCodes ?? {}).map(Number);
    expect(profile.occupiedSlots).toEqual([...factory, ...(nodeId === PLANTED.nodeId ? [PLANTED.slot] : [])].sort((a, b) => a - b));
  });

  it.each([2, 3, 4])('lock %i: set → read back → clear → available', async (nodeId) => {
    await network.setCode(nodeId, 3, '52917');
    expect(await network.readCode(nodeId, 3)).toEqual({ slot: 3, status: 'enabled', code: '52917' });
    expect(stick.locks.get(nodeId)?.storedCodes().get(3)).toBe('52917');
    await network.clearCode(nodeId, 3);
    expect(await network.readCode(nodeId, 3)).toEqual({ slot: 3, status: 'available', code: null });
    expect(stick.locks.get(nodeId)?.storedCodes().has(3)).toBe(false);
  });

  it('refuses a slot the lock does not have, and an unknown node', async () => {
    await expect(network.setCode(3, 11, '1234')).rejects.toMatchObject({ code: 'lock.unsupported' });
    await expect(network.readProfile(42)).rejects.toMatchObject({ code: 'lock.not_found' });
  });

  it('keeps the zwave-js cache in the given cacheDir, not in the working directory', () => {
    const files = readdirSync(join(dir.path, 'cache'));
    expect(files.some((f) => f.endsWith('.jsonl') || f.endsWith('.json'))).toBe(true);
    expect(existsSync(join(process.cwd(), 'cache'))).toBe(cwdCacheExisted);
  });

  it('a lock that stops answering: setCode rejects with no_answer/node_dead in bounded time, readCode gives null', async () => {
    const lock = stick.locks.get(3);
    const offline: number[] = [];
    const unsubscribe = network.onLockAvailability((nodeId, isOnline) => {
      if (!isOnline) offline.push(nodeId);
    });
    lock?.setAnswering(false);
    try {
      const started = Date.now();
      const error = await network.setCode(3, 2, '4455').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: expect.stringMatching(/^lock\.(no_answer|offline)$/) });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await network.readCode(3, 2)).toBeNull();
      expect(offline).toContain(3);
      expect((await network.readProfile(3)).isOnline).toBe(false);
    } finally {
      unsubscribe();
      lock?.setAnswering(true);
    }
  });
});

describe('startZWaveNetwork: the controller opens before its locks are interviewed', () => {
  it('resolves at driver ready on a fresh cache, then reports each lock as its interview ends', async () => {
    const dir = await createTempDir('zwave-start');
    const stick = await createVirtualStick({ stateFile: null, locks: LOCKS.filter((l) => l.nodeId !== 2), seed: 1 });
    const progress: string[] = [];
    const { network, readiness } = await startZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys, onProgress: (m) => progress.push(m) });
    try {
      expect(network.lockNodeIds()).toEqual([3, 4]);
      expect([readiness.settlement(3), readiness.settlement(4)]).toEqual([null, null]);
      const order: number[] = [];
      readiness.onSettled((nodeId, how) => how === 'ready' && order.push(nodeId));
      await readiness.allSettled();
      expect(order.sort()).toEqual([3, 4]);
      expect(progress).toContain('Lock 3: ready (1 of 2)');
      expect((await network.readProfile(3)).slotCount).toBe(10);
    } finally {
      await network.close();
      await stick.close();
      await dir.remove();
    }
  });
});
