import { describe, expect, it } from 'vitest';
import { expectSameInEveryMachineZone, restoreMachineZoneAfterEach, withoutLocalTime } from '../../../shared/testing/machine-zone';
import { yearDaySchedule } from './year-day-schedule';

const BERLIN = 'Europe/Berlin';
// Sat 14 Mar 2026 15:00 CET → Mon 16 Mar 2026 11:00 CET
const window = { startsAt: '2026-03-14T14:00:00.000Z', endsAt: '2026-03-16T10:00:00.000Z' };

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

/**
 * The laptop's own time zone must never leak into the lock's fields (as for shared/time, see
 * shared/time/machine-zone.test.ts): results are identical after switching the process zone (Node re-reads
 * process.env.TZ when it is assigned), and Date's local-time getters are never called.
 */
describe('yearDaySchedule, independence from the machine time zone', () => {
  // Fri 30 Oct 2026 15:00 EDT → Mon 2 Nov 2026 11:00 EST, across the New York fall-back; the lock is set to UTC−4.
  const sample = () => yearDaySchedule('2026-10-30T19:00:00Z', '2026-11-02T16:00:00Z', -240, 'America/New_York');
  restoreMachineZoneAfterEach();

  it('gives identical results with the process in UTC, Pacific/Auckland and America/Los_Angeles', () => {
    expectSameInEveryMachineZone(sample);
  });

  it('never calls Date\'s local-time getters', () => {
    expect(withoutLocalTime(sample)).toMatchObject({ ok: true, fields: { startHour: 15, stopHour: 12 }, dstWarning: { code: 'dst_change_in_window' } });
  });
});
