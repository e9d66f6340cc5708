/**
 * Property-local wall times ⇄ UTC instants, for a site's IANA time zone (DST included).
 *
 *   installer types "2026-03-14" + "15:00"  ──localToInstant(site zone)──▶  "2026-03-14T14:00:00.000Z"  (stored, sent to Seam)
 *   stored instant                          ──formatInSite(site zone)───▶  "Sat 14 Mar, 15:00 CET"    (shown)
 *
 * Nothing here depends on the machine's time zone: the laptop may be set to Auckland while the site is in Berlin.
 * Zone rules come from `zone-rules.ts` (luxon over Intl); no offsets are written by hand.
 */
import {
  formatWall,
  isKnownZone,
  offsetLabel,
  offsetMinutesAt,
  parseInstantMs,
  toIsoUtc,
  wallFieldsAsUtcMs,
  wallFieldsAt,
  wallFieldsAtFixedOffset,
  zoneAbbrevAt,
  type WallFields,
} from './zone-rules';

/** A wall time at the property as the installer types it: `date` 'YYYY-MM-DD', `time` 'HH:mm' (24 h). */
export interface SiteLocalTime {
  date: string;
  time: string;
}

/** An instant as ISO 8601 with `Z` or an offset (as stored and as Seam sends it), or a Date. */
export type InstantInput = string | Date;

/** Why a typed wall time cannot become an instant. */
export type LocalTimeRefusal = 'invalid_date' | 'invalid_time' | 'unknown_zone' | 'nonexistent_local_time';

/** Said alongside an accepted wall time that happens twice (DST fall-back): which of the two was taken. */
export interface AmbiguousTimeNote {
  code: 'ambiguous_local_time';
  message: string;
  /** The other reading, one DST step later, for a UI that offers "use the second 01:30 instead". */
  laterInstant: string;
}

/** Result of {@link localToInstant}. On a DST gap `suggestion` is the first wall time after it. */
export type LocalToInstantResult =
  | { ok: true; instant: string; note?: AmbiguousTimeNote }
  | { ok: false; reason: LocalTimeRefusal; message: string; suggestion?: SiteLocalTime & { instant: string } };

/** A wall time at the property with its offset and zone name, for display. Seconds are dropped (floored). */
export interface SiteWallTime extends SiteLocalTime {
  offsetMinutes: number;
  zoneAbbrev: string;
}

/** Display styles: short "Sat 14 Mar, 15:00 CET"; long "Sat 14 Mar 2026, 15:00 CET (UTC+1)"; time "15:00 CET"; time-day "15:00 Sat". */
export type SiteTimeStyle = 'short' | 'long' | 'time' | 'time-day';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Converts a wall time typed for the property into the UTC instant it names in `zone`.
 *
 * DST policy:
 * - **Gap** (spring forward; 02:30 on 2026-03-08 in New York never shows on a clock): REFUSED with
 *   `nonexistent_local_time`, a message naming the gap, and `suggestion` = the first valid time after it (03:00).
 *   Why refuse rather than shift: a window is a promise to a guest or a contractor, and the installer is right there
 *   to confirm; silently moving "02:30" to 03:30 (luxon's default) would change when a door opens without anyone
 *   having chosen it, and a note is easy to miss with gloves on. The UI offers the suggestion as one tap.
 * - **Overlap** (fall back; 01:30 on 2026-11-01 in New York happens twice): the EARLIER instant (01:30 EDT) is
 *   taken, with a note saying so and `laterInstant` for the other reading. luxon alone picks by the offset in
 *   force *today*, so the answer would change with the season; this function decides explicitly.
 */
export function localToInstant(local: SiteLocalTime, zone: string): LocalToInstantResult {
  if (!isKnownZone(zone)) {
    return refuse('unknown_zone', `"${zone}" is not a time zone this app knows. Set the site's zone (e.g. Europe/Berlin).`);
  }
  const dateMatch = DATE_RE.exec(local.date ?? '');
  if (!dateMatch) return refuse('invalid_date', `"${local.date}" is not a date; use YYYY-MM-DD.`);
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number];
  if (wallFieldsAsUtcMs({ year, month, day, hour: 0, minute: 0, second: 0 }) === null) {
    return refuse('invalid_date', `${local.date} is not a day on the calendar.`);
  }
  const timeMatch = TIME_RE.exec(local.time ?? '');
  const [hour, minute] = (timeMatch?.slice(1).map(Number) ?? [NaN, NaN]) as [number, number];
  if (!timeMatch || hour > 23 || minute > 59) {
    return refuse('invalid_time', `"${local.time}" is not a time of day; use HH:mm, 00:00–23:59.`);
  }

  // The wall time read as UTC; each offset the zone uses around that day yields a candidate instant, kept only if
  // the zone really shows this wall time at it. Zero candidates = gap, two = overlap.
  const wallMs = wallFieldsAsUtcMs({ year, month, day, hour, minute, second: 0 }) as number;
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((d) => offsetMinutesAt(zone, wallMs + d)));
  const instants = [...offsets]
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((ms) => wallMs - offsetMinutesAt(zone, ms) * MINUTE_MS === ms)
    .sort((a, b) => a - b);

  const [first, second] = instants;
  if (first === undefined) return refuseGap(local, zone, wallMs);
  if (second === undefined) return { ok: true, instant: toIsoUtc(first) };
  return { ok: true, instant: toIsoUtc(first), note: overlapNote(local, zone, first, second) };
}

/** The wall time at the property for a stored instant. Throws RangeError for a malformed instant or unknown zone. */
export function instantToLocal(instant: InstantInput, zone: string): SiteWallTime {
  const ms = instantMs(instant);
  return { ...localOf(wallFieldsAt(zone, ms)), offsetMinutes: offsetMinutesAt(zone, ms), zoneAbbrev: zoneAbbrevAt(zone, ms) };
}

/** An instant as the installer reads it at the property (see {@link SiteTimeStyle}). Throws RangeError like instantToLocal. */
export function formatInSite(instant: InstantInput, zone: string, style: SiteTimeStyle = 'short'): string {
  const ms = instantMs(instant);
  switch (style) {
    case 'time':
      return `${formatWall(zone, ms, 'HH:mm')} ${zoneAbbrevAt(zone, ms)}`;
    case 'time-day':
      return formatWall(zone, ms, 'HH:mm ccc');
    case 'long':
      return `${formatWall(zone, ms, 'ccc d LLL yyyy, HH:mm')} ${zoneAbbrevAt(zone, ms)} (${offsetLabel(offsetMinutesAt(zone, ms))})`;
    case 'short':
      return `${formatWall(zone, ms, 'ccc d LLL, HH:mm')} ${zoneAbbrevAt(zone, ms)}`;
  }
}

/** "Now" at the property: the instant (UTC ISO) plus its wall time there. `now` is passed in (a clock), never read. */
export function siteNow(zone: string, now: Date): SiteWallTime & { instant: string } {
  return { instant: toIsoUtc(instantMs(now)), ...instantToLocal(now, zone) };
}

/** Epoch ms of an instant; RangeError for a Date that is invalid or a string without `Z`/offset. */
export function instantMs(instant: InstantInput): number {
  const ms = instant instanceof Date ? instant.getTime() : parseInstantMs(instant);
  if (ms === null || Number.isNaN(ms)) throw new RangeError(`Not an instant with a time zone offset: ${String(instant)}`);
  return ms;
}

function refuseGap(local: SiteLocalTime, zone: string, wallMs: number): LocalToInstantResult {
  const before = offsetMinutesAt(zone, wallMs - DAY_MS);
  const transitionMs = findTransition(zone, wallMs - DAY_MS, wallMs + DAY_MS);
  const gapStart = localOf(wallFieldsAtFixedOffset(before, transitionMs));
  const next = instantToLocal(new Date(transitionMs), zone);
  const dayLabel = formatWall(zone, transitionMs, 'ccc d LLL yyyy');
  return {
    ok: false,
    reason: 'nonexistent_local_time',
    message:
      `${local.time} does not exist on ${dayLabel} at the property (${zone}): clocks jump from ${gapStart.time} ` +
      `${zoneAbbrevAt(zone, transitionMs - 1000)} to ${next.time} ${next.zoneAbbrev}. The next valid time is ${next.time}.`,
    suggestion: { date: next.date, time: next.time, instant: toIsoUtc(transitionMs) },
  };
}

function overlapNote(local: SiteLocalTime, zone: string, earlierMs: number, laterMs: number): AmbiguousTimeNote {
  const earlier = instantToLocal(new Date(earlierMs), zone);
  const later = instantToLocal(new Date(laterMs), zone);
  const minutes = Math.round((laterMs - earlierMs) / MINUTE_MS);
  return {
    code: 'ambiguous_local_time',
    message:
      `${local.time} happens twice on ${formatWall(zone, earlierMs, 'ccc d LLL yyyy')} at the property (${zone}), ` +
      `because clocks go back. Using the first, ${earlier.time} ${earlier.zoneAbbrev} (${offsetLabel(earlier.offsetMinutes)}); ` +
      `the second, ${later.time} ${later.zoneAbbrev}, is ${minutes} minutes later.`,
    laterInstant: toIsoUtc(laterMs),
  };
}

/** First whole second in (loMs, hiMs] at which the zone's offset differs from its offset at loMs (binary search). */
function findTransition(zone: string, loMs: number, hiMs: number): number {
  const startOffset = offsetMinutesAt(zone, loMs);
  let lo = Math.floor(loMs / 1000);
  let hi = Math.ceil(hiMs / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutesAt(zone, mid * 1000) === startOffset) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

function localOf(f: WallFields): SiteLocalTime {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return { date: `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}

function refuse(reason: LocalTimeRefusal, message: string): LocalToInstantResult {
  return { ok: false, reason, message };
}
