import { describe, expect, it } from 'vitest';
import { addDays, formatSiteDay, formatSiteMoment, siteDayStartMs, siteInstant, siteLocalAt, zoneWithOffset } from './site-time';

describe('site time', () => {
  it('formats instants in the site zone, not the laptop zone, DST included', () => {
    expect(formatSiteMoment('2026-03-14T14:00:00.000Z', 'Europe/Berlin')).toBe('15:00 Sat 14 Mar');
    expect(formatSiteMoment('2026-07-14T14:00:00.000Z', 'Europe/Berlin')).toBe('16:00 Tue 14 Jul');
    expect(formatSiteMoment('2026-03-14T14:00:00.000Z', 'America/New_York')).toBe('10:00 Sat 14 Mar');
    expect(formatSiteDay('2026-03-14T23:30:00.000Z', 'Europe/Berlin')).toBe('Sun 15 Mar');
  });

  it('keeps unreadable input as it is instead of throwing', () => {
    expect(formatSiteMoment('not a date', 'Europe/Berlin')).toBe('not a date');
    expect(formatSiteMoment('2026-03-14T14:00:00.000Z', 'Mars/Olympus')).toBe('2026-03-14T14:00:00.000Z');
  });

  it('names the zone with its offset now', () => {
    expect(zoneWithOffset('Europe/Berlin', new Date('2026-01-10T12:00:00Z'))).toBe('Europe/Berlin (UTC+1)');
    expect(zoneWithOffset('Europe/Berlin', new Date('2026-07-10T12:00:00Z'))).toBe('Europe/Berlin (UTC+2)');
    expect(zoneWithOffset('Asia/Kolkata', new Date('2026-07-10T12:00:00Z'))).toBe('Asia/Kolkata (UTC+5:30)');
  });

  it('reads the wall time at the property and does date arithmetic without zones', () => {
    expect(siteLocalAt(new Date('2026-03-14T23:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-15', time: '00:30' });
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
  });

  it('turns typed wall times into instants and refuses a DST gap with the next valid time', () => {
    expect(siteInstant({ date: '2026-03-14', time: '15:00' }, 'Europe/Berlin')).toMatchObject({ ok: true, instant: '2026-03-14T14:00:00.000Z' });
    const gap = siteInstant({ date: '2026-03-29', time: '02:30' }, 'Europe/Berlin');
    expect(gap).toMatchObject({ ok: false, reason: 'nonexistent_local_time', suggestion: { time: '03:00' } });
  });

  it('finds the first moment of a site day', () => {
    expect(new Date(siteDayStartMs('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(siteDayStartMs('2026-03-30', 'Europe/Berlin') - siteDayStartMs('2026-03-29', 'Europe/Berlin')).toBe(23 * 3_600_000);
  });
});
