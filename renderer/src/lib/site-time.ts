import { formatOffset, isKnownTimeZone, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { instantToLocal, localToInstant, type LocalToInstantResult, type SiteLocalTime } from '../../../shared/time';

/**
 * Instants and wall times at the property, for the screen. Everything is shown in the SITE's IANA zone (never the
 * laptop's): formatting with Intl.DateTimeFormat + timeZone, and typed wall times turned into instants by
 * shared/time's localToInstant (which refuses a DST gap and names the next valid time).
 */

export type { SiteLocalTime, LocalToInstantResult };

const DAY_MS = 86_400_000;

function parts(at: Date, zone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone }).formatToParts(at)) out[part.type] = part.value;
  return out;
}

function toDate(instant: string | Date): Date | null {
  const date = instant instanceof Date ? instant : new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "15:00 Sat 14 Mar" at the property; the raw text back when the instant or zone is unreadable. */
export function formatSiteMoment(instant: string | Date, zone: string): string {
  const date = toDate(instant);
  if (!date || !isKnownTimeZone(zone)) return String(instant);
  const p = parts(date, zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute} ${p.weekday} ${p.day} ${p.month}`;
}

/**
 * A moment near now, as short as it can be read: "14:02" on the same day at the property, else "14:02 Sat 14 Mar".
 * For proof lines ("read back by the lock 14:02") and "not answering since …".
 */
export function formatSiteNear(instant: string | Date, zone: string, now: Date): string {
  const date = toDate(instant);
  if (!date || !isKnownTimeZone(zone)) return String(instant);
  const sameDay = siteLocalAt(date, zone).date === siteLocalAt(now, zone).date;
  if (!sameDay) return formatSiteMoment(date, zone);
  const p = parts(date, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** "Sat 14 Mar" at the property (for timeline day labels). */
export function formatSiteDay(instant: string | Date, zone: string): string {
  const date = toDate(instant);
  if (!date || !isKnownTimeZone(zone)) return String(instant);
  const p = parts(date, zone, { weekday: 'short', day: 'numeric', month: 'short' });
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** The zone's offset from UTC at `at`, e.g. "UTC+1" (summer and winter differ). */
export function zoneOffsetLabel(zone: string, at: Date): string {
  return isKnownTimeZone(zone) ? formatOffset(zoneOffsetMinutes(zone, at)) : '';
}

/** "Europe/Berlin (UTC+1)": the site's zone with its offset now, for every screen that asks for a time. */
export function zoneWithOffset(zone: string, at: Date): string {
  const offset = zoneOffsetLabel(zone, at);
  return offset && offset !== zone ? `${zone} (${offset})` : zone;
}

/** The wall time at the property at `at`, as the form fields take it ('YYYY-MM-DD', 'HH:mm'). */
export function siteLocalAt(at: Date, zone: string): SiteLocalTime {
  const { date, time } = instantToLocal(at, zone);
  return { date, time };
}

/** A calendar date `days` later ('YYYY-MM-DD' arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A typed wall time at the property as a UTC instant (see shared/time localToInstant for the DST policy). */
export function siteInstant(local: SiteLocalTime, zone: string): LocalToInstantResult {
  return localToInstant(local, zone);
}

/** Epoch ms of the first moment of a day at the property (the first valid time when midnight falls in a DST gap). */
export function siteDayStartMs(date: string, zone: string): number {
  const result = localToInstant({ date, time: '00:00' }, zone);
  if (result.ok) return Date.parse(result.instant);
  if (result.suggestion) return Date.parse(result.suggestion.instant);
  throw new RangeError(result.message);
}

/** True when `zone` is an IANA zone this runtime knows. */
export const isKnownZone = isKnownTimeZone;
