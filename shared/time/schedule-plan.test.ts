import { describe, expect, it } from 'vitest';
import { phaseAt, planTimeBoundCode, statusAt, type SchedulePlan } from './schedule-plan';

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
