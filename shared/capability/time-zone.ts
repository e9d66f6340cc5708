/** Site time-zone helpers for the capability report and the services; the zone rules themselves live in shared/time (luxon). */
import { isKnownZone, offsetLabel, offsetMinutesAt } from '../time/zone-rules';

/** Offset of an IANA time zone from UTC at an instant, in minutes east of UTC (DST included). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  return offsetMinutesAt(timeZone, at.getTime());
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return isKnownZone(timeZone);
}

/** "UTC+1", "UTC−5:30", "UTC" for an offset in minutes. */
export function formatOffset(minutes: number): string {
  return offsetLabel(minutes);
}
