/**
 * The only module that imports luxon (enforced by `time-boundary.test.ts`). Everything else in the app asks these
 * small functions about a zone's rules, so the date library can be swapped (e.g. for Temporal) in one place.
 *
 * Nothing here reads the machine's own time zone: every call names an IANA zone or a fixed offset, and instants
 * travel as epoch milliseconds. luxon answers IANA questions through Intl (the tz database shipped with the
 * runtime: Node's ICU, Chromium's ICU in Electron).
 */
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** Calendar and clock fields of a wall time (month 1–12, weekday 1 = Monday … 7 = Sunday). */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** An ISO 8601 instant must say where it is: `Z` or an offset. A bare local time would mean "the machine's zone". */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Locales tried for a zone's short name, in order; Intl only knows "EST", "CET", "IST", "AEST" in some of them. */
const ABBREV_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'] as const;

/** Intl's placeholder when a locale has no short name for a zone: "GMT+1", "GMT-5", "GMT+5:30". */
const GENERIC_GMT = /^GMT[+\-−]/;

/** True when `zone` is an IANA zone name the runtime's tz database knows ("Europe/Berlin", "UTC"). */
export function isKnownZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

function ianaZone(zone: string): Zone {
  if (!isKnownZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
  return IANAZone.create(zone);
}

/** Epoch ms of an ISO 8601 instant that carries `Z` or an offset; null for anything else (bare local times too). */
export function parseInstantMs(iso: string): number | null {
  if (typeof iso !== 'string' || !ISO_WITH_OFFSET.test(iso)) return null;
  const parsed = DateTime.fromISO(iso, { zone: 'utc' });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** The canonical stored form of an instant: ISO 8601 in UTC with milliseconds, as Seam returns it. */
export function toIsoUtc(ms: number): string {
  const iso = DateTime.fromMillis(ms, { zone: 'utc' }).toISO();
  if (iso === null) throw new RangeError(`Instant out of range: ${ms}`);
  return iso;
}

/** Minutes east of UTC that `zone` uses at instant `ms` (DST included). Throws RangeError for an unknown zone. */
export function offsetMinutesAt(zone: string, ms: number): number {
  return ianaZone(zone).offset(ms);
}

/** The wall clock in `zone` at instant `ms`. Throws RangeError for an unknown zone. */
export function wallFieldsAt(zone: string, ms: number): WallFields {
  return fieldsOf(DateTime.fromMillis(ms, { zone: ianaZone(zone) }));
}

/**
 * The wall clock of a device that keeps a fixed offset (a lock's time-zone setting) at instant `ms`. This is not a
 * hand-made zone rule: a lock really has one offset until someone changes it.
 */
export function wallFieldsAtFixedOffset(offsetMinutes: number, ms: number): WallFields {
  return fieldsOf(DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offsetMinutes) }));
}

/**
 * Wall fields read as if they were UTC, in epoch ms: the "local timeline" value used to search a zone's offsets.
 * Returns null when the fields are not a real calendar date and clock time (31 April, 24:00).
 */
export function wallFieldsAsUtcMs(fields: Omit<WallFields, 'weekday'>): number | null {
  const dt = DateTime.fromObject(fields, { zone: 'utc' });
  return dt.isValid ? dt.toMillis() : null;
}

/** Short zone name at an instant ("EST", "CEST", "IST", "LHDT"), or "UTC+9" when Intl knows no abbreviation. */
export function zoneAbbrevAt(zone: string, ms: number): string {
  const dt = DateTime.fromMillis(ms, { zone: ianaZone(zone) });
  for (const locale of ABBREV_LOCALES) {
    const name = dt.setLocale(locale).offsetNameShort;
    if (name && !GENERIC_GMT.test(name)) return name;
  }
  return offsetLabel(dt.offset);
}

/** "UTC", "UTC+1", "UTC−4", "UTC+5:30" for an offset in minutes east of UTC. */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  return `UTC${FixedOffsetZone.instance(offsetMinutes).formatOffset(0, 'narrow').replace('-', '−')}`;
}

/**
 * Formats instant `ms` on the wall clock of `zone` with a luxon token pattern ("ccc d LLL, HH:mm"). Month and day
 * names are English (en-US spells September "Sep"; en-GB now says "Sept"); the order comes from the pattern.
 */
export function formatWall(zone: string, ms: number, pattern: string): string {
  return DateTime.fromMillis(ms, { zone: ianaZone(zone), locale: 'en-US' }).toFormat(pattern);
}

function fieldsOf(dt: DateTime): WallFields {
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
  };
}
