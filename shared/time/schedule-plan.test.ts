import { describe, expect, it } from 'vitest';
import { phaseAt, planTimeBoundCode, statusAt, yearDaySchedule, type SchedulePlan } from './schedule-plan';

const BERLIN = 'Europe/Berlin';
// Sat 14 Mar 2026 15:00 CET → Mon 16 Mar 2026 11:00 CET
const window = { startsAt: '2026-03-14T14:00:00.000Z', endsAt: '2026-03-16T10:00:00.000Z' };
const now = new Date('2026-03-10T12:00:00Z');

describe('planTimeBoundCode, native scheduling', () => {
  it('preloads 72 h before the start when the start is further away', () => {
    const plan = planTimeBoundCode({ ...window, now, nativeScheduling: true, siteZone: BERLIN });
    expect(plan).toMatchObject({
      kind: 'native',
      needsOnlineActor: false,
      preloadAt: '2026-03-11T14:00:00.000Z',
      preloadsNow: false,
      clearAt: '2026-03-16T10:00:00.000Z',
    });
    expect(plan.message).toContain('Lockbench loads it onto the lock from 15:00 Wed (72 h before its start): this laptop must reach the lock');
    expect(plan.message).not.toMatch(/cloud/i);
    expect(plan.message).toContain('from 15:00 Sat until 11:00 Mon');
  });

  it('preloads now when the start is less than 72 h away', () => {
    const soon = new Date('2026-03-12T09:00:00Z');
    const plan = planTimeBoundCode({ ...window, now: soon, nativeScheduling: true, siteZone: BERLIN });
    expect(plan).toMatchObject({ preloadAt: '2026-03-12T09:00:00.000Z', preloadsNow: true });
    expect(plan.message).toMatch(/^Loaded on the lock now/);
  });

  it('preloads exactly now at exactly 72 h', () => {
    const plan = planTimeBoundCode({ ...window, now: new Date('2026-03-11T14:00:00Z'), nativeScheduling: true, siteZone: BERLIN });
    expect(plan).toMatchObject({ preloadAt: '2026-03-11T14:00:00.000Z', preloadsNow: true });
  });

  it('refuses a window that ends before it starts', () => {
    expect(() =>
      planTimeBoundCode({ startsAt: window.endsAt, endsAt: window.startsAt, now, nativeScheduling: true, siteZone: BERLIN }),
    ).toThrow(RangeError);
  });
});

describe('statusAt', () => {
  const native = planTimeBoundCode({ ...window, now, nativeScheduling: true, siteZone: BERLIN });
  const cases: Array<[string, string, boolean, string, string]> = [
    ['before preload', '2026-03-11T13:59:00Z', false, 'waiting', 'unset'],
    ['preloaded, on the lock', '2026-03-12T00:00:00Z', true, 'preloaded', 'unset'],
    ['preloaded, not yet on the lock', '2026-03-12T00:00:00Z', false, 'preloaded', 'unset'],
    ['one minute before start', '2026-03-14T13:59:00Z', true, 'preloaded', 'unset'],
    ['at start, confirmed', '2026-03-14T14:00:00Z', true, 'active', 'set'],
    ['at start, not confirmed', '2026-03-14T14:00:00Z', false, 'active', 'setting'],
    ['during, confirmed', '2026-03-15T12:00:00Z', true, 'active', 'set'],
    ['at end, still on the lock', '2026-03-16T10:00:00Z', true, 'ended', 'removing'],
    ['after end, cleared', '2026-03-16T11:00:00Z', false, 'ended', 'unset'],
  ];
  it.each(cases)('native: %s', (_label, at, isOnLock, phase, status) => {
    expect(phaseAt(native, at)).toBe(phase);
    expect(statusAt(native, at, { isOnLock })).toBe(status);
  });

  it('non-native: unset before start, set/setting during, removing/unset after', () => {
    const plan: SchedulePlan = planTimeBoundCode({ ...window, now, nativeScheduling: false, siteZone: BERLIN });
    expect(statusAt(plan, '2026-03-12T00:00:00Z', { isOnLock: false })).toBe('unset');
    expect(phaseAt(plan, '2026-03-12T00:00:00Z')).toBe('waiting');
    expect(statusAt(plan, '2026-03-14T14:00:00Z', { isOnLock: false })).toBe('setting');
    expect(statusAt(plan, '2026-03-14T14:00:00Z', { isOnLock: true })).toBe('set');
    expect(statusAt(plan, '2026-03-16T10:00:00Z', { isOnLock: true })).toBe('removing');
    expect(statusAt(plan, '2026-03-16T10:00:00Z', { isOnLock: false })).toBe('unset');
  });
});

describe('planTimeBoundCode, no native scheduling', () => {
  it('names who adds and removes the code, in the site\'s time', () => {
    const plan = planTimeBoundCode({ ...window, now, nativeScheduling: false, siteZone: BERLIN });
    expect(plan).toEqual({
      kind: 'online_actor',
      needsOnlineActor: true,
      startsAt: window.startsAt,
      endsAt: window.endsAt,
      addAt: window.startsAt,
      removeAt: window.endsAt,
      message:
        'This lock cannot switch a code on and off by itself, so Lockbench does it: it puts the code on at 15:00 Sat and ' +
        'takes it off at 11:00 Mon. This laptop must reach the lock at both times; until then the change waits in the queue.',
    });
  });

  it('says Lockbench puts it on now when the window starts now, and that the PIN works until it reaches the lock', () => {
    const plan = planTimeBoundCode({ ...window, now: new Date('2026-03-14T14:05:00Z'), nativeScheduling: false, siteZone: BERLIN });
    expect(plan.message).toContain('it puts the code on now and takes it off at 11:00 Mon');
    expect(plan.message).toContain('until it does, the PIN keeps working');
    expect(plan.message).not.toMatch(/cloud/i);
  });
});

describe('yearDaySchedule', () => {
  it('gives lock-local fields with a two-digit year and no warning for a window without a DST change', () => {
    expect(yearDaySchedule(window.startsAt, window.endsAt, 60, BERLIN)).toEqual({
      ok: true,
      fields: {
        startYear: 26, startMonth: 3, startDay: 14, startHour: 15, startMinute: 0,
        stopYear: 26, stopMonth: 3, stopDay: 16, stopHour: 11, stopMinute: 0,
      },
    });
  });

  it('warns when the window crosses the New York fall-back (EDT at start, EST at end)', () => {
    // Fri 30 Oct 2026 15:00 EDT → Mon 2 Nov 2026 11:00 EST; the lock is set to UTC−4.
    const r = yearDaySchedule('2026-10-30T19:00:00Z', '2026-11-02T16:00:00Z', -240, 'America/New_York');
    expect(r).toMatchObject({
      ok: true,
      fields: { startYear: 26, startMonth: 10, startDay: 30, startHour: 15, stopMonth: 11, stopDay: 2, stopHour: 12 },
      dstWarning: { code: 'dst_change_in_window' },
    });
    if (!r.ok) throw new Error('unreachable');
    expect(r.dstWarning?.message).toContain('(UTC−4 at the start, UTC−5 at the end)');
    expect(r.dstWarning?.message).toContain('off by 60 minutes');
    expect(r.offsetWarning).toBeUndefined();
  });

  it('warns when the lock\'s offset is not the site\'s at the start', () => {
    const r = yearDaySchedule(window.startsAt, window.endsAt, 0, BERLIN);
    expect(r).toMatchObject({ ok: true, fields: { startHour: 14, stopHour: 10 }, offsetWarning: { code: 'lock_offset_differs' } });
  });

  it('drops seconds (whole minutes on the lock)', () => {
    const r = yearDaySchedule('2026-03-14T14:03:27Z', '2026-03-14T16:59:59Z', 60, BERLIN);
    expect(r).toMatchObject({ ok: true, fields: { startHour: 15, startMinute: 3, stopHour: 17, stopMinute: 59 } });
  });

  it('refuses years a two-digit field cannot hold, judged in the lock\'s time', () => {
    expect(yearDaySchedule('1999-12-31T10:00:00Z', '2000-01-02T10:00:00Z', 0, 'UTC')).toMatchObject({ ok: false, reason: 'year_out_of_range' });
    // 23:30 UTC on 31 Dec 2099 is already 00:30 on 1 Jan 2100 for a lock at UTC+1.
    expect(yearDaySchedule('2099-12-30T10:00:00Z', '2099-12-31T23:30:00Z', 60, BERLIN)).toMatchObject({ ok: false, reason: 'year_out_of_range' });
    expect(yearDaySchedule('2099-12-30T10:00:00Z', '2099-12-31T22:30:00Z', 60, BERLIN)).toMatchObject({
      ok: true,
      fields: { startYear: 99, stopYear: 99, stopHour: 23, stopMinute: 30 },
    });
    expect(yearDaySchedule('2000-01-01T00:00:00Z', '2000-01-01T01:00:00Z', 0, 'UTC')).toMatchObject({ ok: true, fields: { startYear: 0 } });
  });

  it('refuses a malformed window, lock offset or zone', () => {
    expect(yearDaySchedule(window.endsAt, window.startsAt, 60, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_window' });
    expect(yearDaySchedule('2026-03-14T15:00', window.endsAt, 60, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_window' });
    expect(yearDaySchedule(window.startsAt, window.endsAt, 60.5, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_lock_offset' });
    expect(yearDaySchedule(window.startsAt, window.endsAt, 60, 'Berlin')).toMatchObject({ ok: false, reason: 'unknown_zone' });
  });
});
