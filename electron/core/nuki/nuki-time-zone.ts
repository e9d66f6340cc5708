import { isKnownTimeZone, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import type { LockClockSetting } from '../ports/lock-port';
import type { NukiTimeZone } from './client/nuki-client';
import { DST_MODE, TIMEZONE_ID_NONE } from './protocol/config-codec';

/**
 * A Nuki lock's time zone (nuki-ble.md §6): Set Config carries an offset in minutes, a DST mode (0 off, 1 European)
 * and a timezoneId from the API PDF's fixed list of 46 zones (0xFFFF: none). Lockbench writes the site's zone:
 *
 *   zone follows the EU rule (last Sunday of March / October, 01:00 UTC) ─▶ standard offset, dstMode 1
 *   any other zone, or none given                                      ─▶ the offset in effect now, dstMode 0
 *   timezoneId: the zone's number when the zone is on the list, else 0xFFFF
 */

/** The PDF's time-zone list (Nuki Smart Lock API v2.1, TimeZoneId 0–45), by IANA name. */
const NUKI_TIME_ZONE_IDS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'Africa/Cairo', 'Africa/Lagos', 'Africa/Maputo', 'Africa/Nairobi', 'America/Anchorage', 'America/Argentina/Buenos_Aires',
    'America/Chicago', 'America/Denver', 'America/Halifax', 'America/Los_Angeles', 'America/Manaus', 'America/Mexico_City',
    'America/New_York', 'America/Phoenix', 'America/Regina', 'America/Santiago', 'America/Sao_Paulo', 'America/St_Johns',
    'Asia/Bangkok', 'Asia/Dubai', 'Asia/Hong_Kong', 'Asia/Jerusalem', 'Asia/Karachi', 'Asia/Kathmandu', 'Asia/Kolkata',
    'Asia/Riyadh', 'Asia/Seoul', 'Asia/Shanghai', 'Asia/Tehran', 'Asia/Tokyo', 'Asia/Yangon', 'Australia/Adelaide',
    'Australia/Brisbane', 'Australia/Darwin', 'Australia/Hobart', 'Australia/Perth', 'Australia/Sydney', 'Europe/Berlin',
    'Europe/Helsinki', 'Europe/Istanbul', 'Europe/London', 'Europe/Moscow', 'Pacific/Auckland', 'Pacific/Guam',
    'Pacific/Honolulu', 'Pacific/Pago_Pago',
  ].map((zone, id) => [zone, id]),
);

/** Older IANA spellings of zones on the list. */
const ALIASES: Readonly<Record<string, string>> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Tel_Aviv': 'Asia/Jerusalem',
};

/** The PDF's timezoneId of an IANA zone, or 0xFFFF when it is not on the list. */
export function nukiTimeZoneId(zone: string | undefined): number {
  if (!zone) return TIMEZONE_ID_NONE;
  return NUKI_TIME_ZONE_IDS[zone] ?? NUKI_TIME_ZONE_IDS[ALIASES[zone] ?? ''] ?? TIMEZONE_ID_NONE;
}

const HOUR_MS = 3_600_000;

/** The EU switch instants of a UTC year: the last Sundays of March and October, 01:00 UTC. */
function euSwitches(year: number): { start: number; end: number } {
  const lastSundayAt1 = (month: number): number => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 24 * HOUR_MS;
  };
  return { start: lastSundayAt1(2), end: lastSundayAt1(9) };
}

/** True when EU summer time is in effect at `at` (what a lock in dstMode 1 adds an hour for). */
export function isEuropeanSummerTime(at: Date): boolean {
  const { start, end } = euSwitches(at.getUTCFullYear());
  return at.getTime() >= start && at.getTime() < end;
}

/**
 * True when `zone` keeps the EU rule in `at`'s year: one hour more from the last Sunday of March, 01:00 UTC, to the
 * last Sunday of October, 01:00 UTC, and its standard offset the rest of the year.
 */
export function followsEuropeanDst(zone: string, at: Date): boolean {
  if (!isKnownTimeZone(zone)) return false;
  const { start, end } = euSwitches(at.getUTCFullYear());
  const offset = (ms: number): number => zoneOffsetMinutes(zone, new Date(ms));
  const standard = offset(Date.UTC(at.getUTCFullYear(), 0, 15));
  const checks: Array<[number, number]> = [
    [start - 1000, standard],
    [start, standard + 60],
    [Date.UTC(at.getUTCFullYear(), 6, 15), standard + 60],
    [end - 1000, standard + 60],
    [end, standard],
    [Date.UTC(at.getUTCFullYear(), 11, 15), standard],
  ];
  return checks.every(([ms, expected]) => offset(ms) === expected);
}

/** What Set Config gets for a clock setting (see the diagram above). */
export function nukiTimeZoneFor(setting: LockClockSetting): NukiTimeZone {
  const zone = setting.timeZone;
  const isEuropean = zone !== undefined && followsEuropeanDst(zone, setting.utc);
  return {
    tzOffsetMinutes: isEuropean ? setting.offsetMinutes : setting.offsetMinutes + (setting.dstOffsetMinutes ?? 0),
    dstMode: isEuropean ? DST_MODE.EUROPEAN : DST_MODE.OFF,
    timezoneId: nukiTimeZoneId(zone),
  };
}

/**
 * The offset a lock's clock applies at `at`: its configured offset, plus the EU hour in summer when its DST mode is
 * European (the config keeps the standard offset then). This is what the site's offset now is compared with.
 */
export function effectiveLockOffset(config: { timezoneOffsetMinutes: number; dstMode: number }, at: Date): number {
  const summer = config.dstMode === DST_MODE.EUROPEAN && isEuropeanSummerTime(at) ? 60 : 0;
  return config.timezoneOffsetMinutes + summer;
}
