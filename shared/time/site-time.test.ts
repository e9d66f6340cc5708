import { describe, expect, it } from 'vitest';
import { formatInSite, instantToLocal, localToInstant, siteNow } from './site-time';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

describe('localToInstant', () => {
  it('turns a plain wall time into the UTC instant, using the offset in force that day', () => {
    expect(localToInstant({ date: '2026-01-15', time: '15:00' }, NY)).toEqual({ ok: true, instant: '2026-01-15T20:00:00.000Z' });
    expect(localToInstant({ date: '2026-07-15', time: '15:00' }, NY)).toEqual({ ok: true, instant: '2026-07-15T19:00:00.000Z' });
    expect(localToInstant({ date: '2026-03-14', time: '15:00' }, BERLIN)).toEqual({ ok: true, instant: '2026-03-14T14:00:00.000Z' });
  });

  it('handles the hours right next to a New York spring-forward gap', () => {
    expect(localToInstant({ date: '2026-03-08', time: '01:59' }, NY)).toEqual({ ok: true, instant: '2026-03-08T06:59:00.000Z' });
    expect(localToInstant({ date: '2026-03-08', time: '03:00' }, NY)).toEqual({ ok: true, instant: '2026-03-08T07:00:00.000Z' });
  });

  it('refuses 02:30 on 2026-03-08 in New York (spring forward), naming the gap and suggesting 03:00', () => {
    const r = localToInstant({ date: '2026-03-08', time: '02:30' }, NY);
    expect(r).toMatchObject({
      ok: false,
      reason: 'nonexistent_local_time',
      suggestion: { date: '2026-03-08', time: '03:00', instant: '2026-03-08T07:00:00.000Z' },
    });
    if (r.ok) throw new Error('unreachable');
    expect(r.message).toBe(
      '02:30 does not exist on Sun 8 Mar 2026 at the property (America/New_York): clocks jump from 02:00 EST to 03:00 EDT. The next valid time is 03:00.',
    );
  });

  it('takes the EARLIER 01:30 on 2026-11-01 in New York (fall back) and says so', () => {
    const r = localToInstant({ date: '2026-11-01', time: '01:30' }, NY);
    expect(r).toMatchObject({
      ok: true,
      instant: '2026-11-01T05:30:00.000Z',
      note: { code: 'ambiguous_local_time', laterInstant: '2026-11-01T06:30:00.000Z' },
    });
    if (!r.ok) throw new Error('unreachable');
    expect(r.note?.message).toContain('01:30 happens twice on Sun 1 Nov 2026');
    expect(r.note?.message).toContain('Using the first, 01:30 EDT (UTC−4)');
    expect(r.note?.message).toContain('01:30 EST, is 60 minutes later');
  });

  it('does not call 00:30 or 02:00 on the New York fall-back day ambiguous', () => {
    expect(localToInstant({ date: '2026-11-01', time: '00:30' }, NY)).toEqual({ ok: true, instant: '2026-11-01T04:30:00.000Z' });
    expect(localToInstant({ date: '2026-11-01', time: '02:00' }, NY)).toEqual({ ok: true, instant: '2026-11-01T07:00:00.000Z' });
  });

  it('Europe/Berlin: refuses 02:30 on 2026-03-29 and takes the earlier 02:30 on 2026-10-25', () => {
    expect(localToInstant({ date: '2026-03-29', time: '02:30' }, BERLIN)).toMatchObject({
      ok: false,
      reason: 'nonexistent_local_time',
      suggestion: { date: '2026-03-29', time: '03:00', instant: '2026-03-29T01:00:00.000Z' },
    });
    expect(localToInstant({ date: '2026-10-25', time: '02:30' }, BERLIN)).toMatchObject({
      ok: true,
      instant: '2026-10-25T00:30:00.000Z',
      note: { laterInstant: '2026-10-25T01:30:00.000Z' },
    });
  });

  it('Australia/Lord_Howe: a 30-minute gap and a 30-minute overlap', () => {
    const gap = localToInstant({ date: '2026-10-04', time: '02:15' }, 'Australia/Lord_Howe');
    expect(gap).toMatchObject({
      ok: false,
      reason: 'nonexistent_local_time',
      suggestion: { date: '2026-10-04', time: '02:30', instant: '2026-10-03T15:30:00.000Z' },
    });
    if (gap.ok) throw new Error('unreachable');
    expect(gap.message).toContain('clocks jump from 02:00 LHST to 02:30 LHDT');
    const overlap = localToInstant({ date: '2026-04-05', time: '01:45' }, 'Australia/Lord_Howe');
    expect(overlap).toMatchObject({ ok: true, instant: '2026-04-04T14:45:00.000Z', note: { laterInstant: '2026-04-04T15:15:00.000Z' } });
    if (!overlap.ok) throw new Error('unreachable');
    expect(overlap.note?.message).toContain('30 minutes later');
  });

  it('Asia/Kolkata (+5:30, no DST): every wall time exists exactly once', () => {
    expect(localToInstant({ date: '2026-03-08', time: '02:30' }, 'Asia/Kolkata')).toEqual({ ok: true, instant: '2026-03-07T21:00:00.000Z' });
    expect(localToInstant({ date: '2026-11-01', time: '01:30' }, 'Asia/Kolkata')).toEqual({ ok: true, instant: '2026-10-31T20:00:00.000Z' });
  });

  it('refuses bad input with a reason', () => {
    expect(localToInstant({ date: '2026-02-30', time: '10:00' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_date' });
    expect(localToInstant({ date: '14/03/2026', time: '10:00' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_date' });
    expect(localToInstant({ date: '2026-03-14', time: '24:00' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_time' });
    expect(localToInstant({ date: '2026-03-14', time: '9:00' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_time' });
    expect(localToInstant({ date: '2026-03-14', time: '10:60' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_time' });
    expect(localToInstant({ date: '2026-03-14', time: '10:00' }, 'Mars/Olympus_Mons')).toMatchObject({ ok: false, reason: 'unknown_zone' });
    expect(localToInstant({ date: '2026-03-14', time: '10:00' }, '')).toMatchObject({ ok: false, reason: 'unknown_zone' });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(localToInstant({ date: '2028-02-29', time: '12:00' }, BERLIN)).toMatchObject({ ok: true });
    expect(localToInstant({ date: '2026-02-29', time: '12:00' }, BERLIN)).toMatchObject({ ok: false, reason: 'invalid_date' });
  });
});

describe('instantToLocal', () => {
  it('gives the wall time, offset and zone name at the property', () => {
    expect(instantToLocal('2026-03-14T14:00:00.000Z', BERLIN)).toEqual({ date: '2026-03-14', time: '15:00', offsetMinutes: 60, zoneAbbrev: 'CET' });
    expect(instantToLocal('2026-07-14T13:00:00Z', BERLIN)).toEqual({ date: '2026-07-14', time: '15:00', offsetMinutes: 120, zoneAbbrev: 'CEST' });
    expect(instantToLocal('2026-11-01T05:30:00Z', NY)).toEqual({ date: '2026-11-01', time: '01:30', offsetMinutes: -240, zoneAbbrev: 'EDT' });
    expect(instantToLocal('2026-11-01T06:30:00Z', NY)).toEqual({ date: '2026-11-01', time: '01:30', offsetMinutes: -300, zoneAbbrev: 'EST' });
    expect(instantToLocal('2026-03-07T21:00:00Z', 'Asia/Kolkata')).toEqual({ date: '2026-03-08', time: '02:30', offsetMinutes: 330, zoneAbbrev: 'IST' });
  });

  it('accepts an instant written with an offset, and a Date', () => {
    expect(instantToLocal('2026-03-14T10:00:00-04:00', BERLIN).time).toBe('15:00');
    expect(instantToLocal(new Date(Date.UTC(2026, 2, 14, 14, 0)), BERLIN).time).toBe('15:00');
  });

  it('falls back to "UTC+9" where Intl has no abbreviation', () => {
    expect(instantToLocal('2026-03-14T06:00:00Z', 'Asia/Tokyo').zoneAbbrev).toBe('UTC+9');
  });

  it('throws for an instant without an offset (it would mean "the machine\'s zone") or an unknown zone', () => {
    expect(() => instantToLocal('2026-03-14T15:00:00', BERLIN)).toThrow(RangeError);
    expect(() => instantToLocal('not a date', BERLIN)).toThrow(RangeError);
    expect(() => instantToLocal(new Date(NaN), BERLIN)).toThrow(RangeError);
    expect(() => instantToLocal('2026-03-14T14:00:00Z', 'Nowhere/Land')).toThrow(RangeError);
  });

  it('round-trips every quarter hour across both New York DST days (overlap hours map to the earlier reading)', () => {
    for (const date of ['2026-03-08', '2026-11-01']) {
      for (let m = 0; m < 24 * 60; m += 15) {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const r = localToInstant({ date, time }, NY);
        if (!r.ok) {
          expect(r.reason).toBe('nonexistent_local_time');
          expect(date === '2026-03-08' && time >= '02:00' && time < '03:00').toBe(true);
          continue;
        }
        expect(instantToLocal(r.instant, NY)).toMatchObject({ date, time });
      }
    }
  });
});

describe('formatInSite', () => {
  it('shows an instant as the installer reads it at the property', () => {
    expect(formatInSite('2026-03-14T14:00:00Z', BERLIN)).toBe('Sat 14 Mar, 15:00 CET');
    expect(formatInSite('2026-03-14T14:00:00Z', BERLIN, 'long')).toBe('Sat 14 Mar 2026, 15:00 CET (UTC+1)');
    expect(formatInSite('2026-03-14T14:00:00Z', BERLIN, 'time')).toBe('15:00 CET');
    expect(formatInSite('2026-03-14T14:00:00Z', BERLIN, 'time-day')).toBe('15:00 Sat');
    expect(formatInSite('2026-07-04T19:00:00Z', NY)).toBe('Sat 4 Jul, 15:00 EDT');
    expect(formatInSite('2026-09-12T09:30:00Z', 'Asia/Kolkata', 'long')).toBe('Sat 12 Sep 2026, 15:00 IST (UTC+5:30)');
    expect(formatInSite('2026-11-01T06:30:00Z', NY, 'long')).toBe('Sun 1 Nov 2026, 01:30 EST (UTC−5)');
  });
});

describe('siteNow', () => {
  it('is the given clock read at the property, not on the laptop', () => {
    expect(siteNow('Pacific/Auckland', new Date('2026-03-14T14:00:00Z'))).toEqual({
      instant: '2026-03-14T14:00:00.000Z',
      date: '2026-03-15',
      time: '03:00',
      offsetMinutes: 780,
      zoneAbbrev: 'NZDT',
    });
  });
});
