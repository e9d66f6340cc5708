import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDSTInfo } from '@zwave-js/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualStick } from '../demo/virtual-stick';
import type { LockNetwork, YearDayWindow } from './lock-network';
import { openZWaveNetwork } from './open-network';
import { createTempDir } from './test-support';
import { expectedUserCodeChecksum } from './user-code-checksum';

/**
 * Schedules, clock, checksum, keypad unlocks and radio accounting against the virtual stick. Demo locks with steady
 * radios; lock 4 masks PINs here. (a) = 2: S2, native scheduling, User Code v2; (b) = 3: no security, User Code v1;
 * (c) = 4: S2, User Code v2.
 */
const LOCKS = DEMO_LOCKS.map((l) => ({ ...l, dropRate: 0, revealsCodes: l.nodeId !== 4 }));
const WINDOW: YearDayWindow = { start: { year: 26, month: 12, day: 24, hour: 15, minute: 0 }, stop: { year: 27, month: 1, day: 2, hour: 11, minute: 30 } };

describe('LockNetwork lock features against the virtual stick', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let network: LockNetwork;
  const stateFile = (): string => join(dir.path, 'locks.json');
  const cacheDir = (): string => join(dir.path, 'cache');

  beforeAll(async () => {
    dir = await createTempDir('features');
    stick = await createVirtualStick({ stateFile: stateFile(), locks: LOCKS, seed: 1 });
    network = await openZWaveNetwork({ port: stick.port, cacheDir: cacheDir(), securityKeys: stick.securityKeys });
  });

  afterAll(async () => {
    await network?.close();
    await stick?.close();
    await dir?.remove();
  });

  it('year-day schedule: set → read back → in lock memory with scheduling enabled', async () => {
    const before = network.commandsSent();
    await network.setCode(2, 5, '480213');
    await network.setYearDaySchedule(2, 5, WINDOW);
    expect(network.commandsSent() - before).toBe(3); // code set + schedule set + enable set
    expect(await network.readYearDaySchedule(2, 5)).toEqual(WINDOW);
    expect(stick.locks.get(2)?.storedSchedules()['5']).toEqual({
      enabled: true,
      yearDay: { '1': { startYear: 26, startMonth: 12, startDay: 24, startHour: 15, startMinute: 0, stopYear: 27, stopMonth: 1, stopDay: 2, stopHour: 11, stopMinute: 30 } },
    });
    expect(await network.readYearDaySchedule(2, 6)).toBeNull();
  });

  it('refuses a four-digit year or an inverted window before sending anything', async () => {
    const before = network.commandsSent();
    const wrongYear = { ...WINDOW, start: { ...WINDOW.start, year: 2026 } };
    await expect(network.setYearDaySchedule(2, 6, wrongYear)).rejects.toMatchObject({ code: 'codes.invalid_window' });
    await expect(network.setYearDaySchedule(2, 6, { start: WINDOW.stop, stop: WINDOW.start })).rejects.toMatchObject({ code: 'codes.invalid_window' });
    expect(network.commandsSent()).toBe(before);
  });

  it("clock: zwave-js's interview wrote the laptop's zone → set the site's → read back; the profile shows it", async () => {
    const first = await network.readLockClock(2);
    // The virtual lock starts at UTC+0, but zwave-js's first interview sets the laptop's zone (getDSTInfo).
    const laptop = getDSTInfo();
    expect(first.offsetMinutes).toBe(laptop.dstOffset + 0);
    expect(Math.abs(Date.parse(first.lockTime ?? '') - Date.now())).toBeLessThan(5_000); // zwave-js's interview set the time
    const utc = new Date(Date.now() - 3_600_000); // an hour slow, to see the clock really moved
    await network.setLockClock(2, { utc, offsetMinutes: -300, dstOffsetMinutes: 60 });
    const after = await network.readLockClock(2);
    expect(after).toMatchObject({ offsetMinutes: -240, dstOffsetMinutes: 60 });
    expect(Math.abs(Date.parse(after.lockTime ?? '') - utc.getTime())).toBeLessThan(5_000);
    expect(stick.locks.get(2)?.storedClock()).toMatchObject({ standardOffset: -300, dstOffset: -240 }); // zwave-js: dstOffset = total
    expect((await network.readProfile(2)).clockOffsetMinutes).toBe(-240);
  });

  it('checksum equals the expected one for the codes we set, and changes when a code is planted behind our back', async () => {
    const known = [
      { slot: 1, status: 'enabled' as const, code: '2580' },
      { slot: 2, status: 'enabled' as const, code: '913746' },
      { slot: 9, status: 'enabled' as const, code: '70318254' },
    ];
    for (const k of known) await network.setCode(4, k.slot, k.code);
    const before = network.commandsSent();
    const checksum = await network.readChecksum(4);
    expect(network.commandsSent() - before).toBe(1);
    expect(checksum).toBe(expectedUserCodeChecksum(known));
    stick.locks.get(4)?.plantCode(12, '66021');
    const changed = await network.readChecksum(4);
    expect(changed).not.toBe(checksum);
    expect(changed).toBe(expectedUserCodeChecksum([...known, { slot: 12, status: 'enabled', code: '66021' }]));
  });

  it('masked lock: read-back reports the slot status and the masked string, so verification goes by status', async () => {
    expect(await network.readCode(4, 2)).toEqual({ slot: 2, status: 'enabled', code: '******' });
    expect(await network.readCode(4, 3)).toEqual({ slot: 3, status: 'available', code: null });
    expect((await network.readProfile(4)).supportsChecksum).toBe(true);
  });

  it.each([2, 3])('keypad unlock on lock %i arrives with the right slot', async (nodeId) => {
    const events: { nodeId: number; slot: number; at: Date }[] = [];
    const unsubscribe = network.onKeypadUnlock((n, slot, at) => events.push({ nodeId: n, slot, at }));
    try {
      const started = Date.now();
      await stick.locks.get(nodeId)?.simulateKeypadUnlock(5);
      await expect.poll(() => events.length, { timeout: 3_000 }).toBe(1);
      expect(events[0]).toMatchObject({ nodeId, slot: 5 });
      expect(events[0]?.at.getTime()).toBeGreaterThanOrEqual(started - 1);
    } finally {
      unsubscribe();
    }
  });

  it('lock (b) without checksum or scheduling: readChecksum → null, schedules → lock.unsupported, clock → nulls', async () => {
    const before = network.commandsSent();
    expect(await network.readChecksum(3)).toBeNull();
    expect(await network.readLockClock(3)).toEqual({ offsetMinutes: null, dstOffsetMinutes: null, lockTime: null });
    expect(network.commandsSent()).toBe(before); // nothing was sent
    await expect(network.readYearDaySchedule(3, 1)).rejects.toMatchObject({ code: 'lock.unsupported' });
    await expect(network.setYearDaySchedule(3, 1, WINDOW)).rejects.toMatchObject({ code: 'lock.unsupported' });
    await expect(network.setLockClock(3, { utc: new Date(), offsetMinutes: 60 })).rejects.toMatchObject({ code: 'lock.unsupported' });
    expect((await network.readProfile(3)).supportsChecksum).toBe(false);
  });

  it('schedules and clock survive a stick restart; clearSchedules then erases and disables', async () => {
    await network.close();
    await stick.close();
    stick = await createVirtualStick({ stateFile: stateFile(), locks: LOCKS, seed: 1 });
    expect(stick.locks.get(2)?.storedSchedules()['5']?.enabled).toBe(true);
    expect(stick.locks.get(2)?.storedClock()).toMatchObject({ standardOffset: -300, dstOffset: -240 });
    network = await openZWaveNetwork({ port: stick.port, cacheDir: cacheDir(), securityKeys: stick.securityKeys });
    expect(await network.readYearDaySchedule(2, 5)).toEqual(WINDOW);
    expect((await network.readLockClock(2)).offsetMinutes).toBe(-240);

    await network.clearSchedules(2, 5);
    expect(await network.readYearDaySchedule(2, 5)).toBeNull();
    expect(stick.locks.get(2)?.storedSchedules()['5']).toBeUndefined();
    await stick.save();
    const saved = JSON.parse(await readFile(stateFile(), 'utf8')) as { locks: Record<string, { schedules?: unknown }> };
    expect(saved.locks['2']?.schedules).toEqual({});
  });
});
