import { describe, expect, it } from 'vitest';
import { checkWindow, isStartingNow } from './time-window';

const now = new Date('2026-03-10T12:00:00Z');
const reasons = (r: ReturnType<typeof checkWindow>) => (r.ok ? [] : r.problems.map((p) => p.reason));

describe('checkWindow', () => {
  it('accepts a future window and says how long the code is usable', () => {
    expect(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-16T10:00:00Z' }, now)).toEqual({ ok: true, usableMinutes: 2640 });
  });

  it('refuses an end at or before the start', () => {
    expect(reasons(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-14T14:00:00Z' }, now))).toEqual(['ends_before_start']);
    expect(reasons(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-14T13:00:00Z' }, now))).toEqual(['ends_before_start']);
  });

  it('refuses a start in the past unless the installer chose "starts now"', () => {
    const w = { startsAt: '2026-03-10T11:58:00Z', endsAt: '2026-03-10T18:00:00Z' };
    const refused = checkWindow(w, now);
    expect(reasons(refused)).toEqual(['starts_in_past']);
    expect(refused.ok ? '' : refused.problems[0]?.message).toContain('the current time');
    expect(checkWindow(w, now, { startsNow: true })).toEqual({ ok: true, usableMinutes: 360 });
  });

  it('a start typed as the current time a moment ago is "starts now" (up to 15 minutes), the same rule in main and the form', () => {
    expect(isStartingNow('2026-03-10T11:58:00Z', now)).toBe(true);
    expect(isStartingNow(now.toISOString(), now)).toBe(true);
    expect(isStartingNow('2026-03-10T11:45:00Z', now)).toBe(false);
    expect(isStartingNow('2026-03-10T12:01:00Z', now)).toBe(false);
    expect(isStartingNow('not a date', now)).toBe(false);
  });

  it('refuses a window that has already ended, even for "starts now"', () => {
    const r = checkWindow({ startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T11:00:00Z' }, now, { startsNow: true });
    expect(reasons(r)).toEqual(['ends_in_past']);
  });

  it('needs at least 15 usable minutes, counted from now for a "starts now" window', () => {
    expect(reasons(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-14T14:10:00Z' }, now))).toEqual(['too_short']);
    expect(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-14T14:15:00Z' }, now)).toMatchObject({ ok: true, usableMinutes: 15 });
    const stale = checkWindow({ startsAt: '2026-03-10T09:00:00Z', endsAt: '2026-03-10T12:10:00Z' }, now, { startsNow: true });
    expect(reasons(stale)).toEqual(['too_short']);
    expect(stale.ok ? '' : stale.problems[0]?.message).toBe('The code must be usable for at least 15 minutes; this window gives 10.');
    expect(checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-14T14:10:00Z' }, now, { minMinutes: 5 }).ok).toBe(true);
  });

  it('reports malformed instants and every problem at once', () => {
    expect(reasons(checkWindow({ startsAt: '2026-03-14 15:00', endsAt: 'soon' }, now))).toEqual(['invalid_starts_at', 'invalid_ends_at']);
    expect(reasons(checkWindow({ startsAt: '2026-03-09T10:00:00Z', endsAt: '2026-03-09T09:00:00Z' }, now))).toEqual([
      'ends_before_start',
      'starts_in_past',
      'ends_in_past',
    ]);
  });
});
