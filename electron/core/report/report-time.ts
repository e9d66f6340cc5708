import { instantToLocal } from '../../../shared/time/site-time';
import { offsetMinutesAt, wallFieldsAtFixedOffset, zoneAbbrevAt } from '../../../shared/time/zone-rules';

/**
 * Times in the report, at the property: "30 Nov 2026, 10:00 CET". A report shows a thousand of them, and asking the
 * zone rules afresh for each costs ~0.7 ms (a new Intl formatter per question), so the zone's offset is asked once per
 * UTC day (twice: at its start and end; a day whose offset changes is asked per instant) and its short name once per
 * offset. The wall time is then read at that fixed offset.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Cached answers are dropped past this many, so a long-running app does not grow them without end. */
const CACHE_LIMIT = 5_000;

const offsetsByDay = new Map<string, number | null>();
const abbrevs = new Map<string, string>();

/** An instant as people read it at the property, with the year and the zone's short name; the input as is if not an instant. */
export function reportTime(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const offset = offsetAt(zone, ms);
  const f = wallFieldsAtFixedOffset(offset, ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${f.day} ${MONTHS[f.month - 1]} ${f.year}, ${pad(f.hour)}:${pad(f.minute)} ${abbrevAt(zone, offset, ms)}`;
}

/** The date at the property, "2026-11-30" (file names). */
export function reportDate(iso: string, zone: string): string {
  return instantToLocal(iso, zone).date;
}

function offsetAt(zone: string, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const key = `${zone}|${day}`;
  let offset = offsetsByDay.get(key);
  if (offset === undefined) {
    const start = offsetMinutesAt(zone, day * DAY_MS);
    offset = start === offsetMinutesAt(zone, (day + 1) * DAY_MS - 1) ? start : null;
    remember(offsetsByDay, key, offset);
  }
  return offset ?? offsetMinutesAt(zone, ms);
}

function abbrevAt(zone: string, offset: number, ms: number): string {
  const key = `${zone}|${offset}`;
  let abbrev = abbrevs.get(key);
  if (abbrev === undefined) {
    abbrev = zoneAbbrevAt(zone, ms);
    remember(abbrevs, key, abbrev);
  }
  return abbrev;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
