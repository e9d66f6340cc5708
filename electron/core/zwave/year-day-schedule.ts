/**
 * A time-bound window as a Z-Wave Schedule Entry Lock year-day schedule: the fields zwave-js's
 * `ScheduleEntryLockYearDaySchedule` takes, in the LOCK's local time, with a two-digit year (26, not 2026: a
 * four-digit year is silently stored wrong).
 */
import { instantMs, type InstantInput } from '../../../shared/time/site-time';
import { isKnownZone, offsetLabel, offsetMinutesAt, wallFieldsAtFixedOffset } from '../../../shared/time/zone-rules';

/**
 * One year-day schedule as zwave-js's Schedule Entry Lock CC takes and reports it (flat start/stop fields), in the
 * lock's local time. Years are two-digit (0–99 = 2000–2099). The lock network speaks `YearDayWindow` (lock-network.ts).
 */
export interface ZWaveYearDaySchedule {
  startYear: number;
  startMonth: number;
  startDay: number;
  startHour: number;
  startMinute: number;
  stopYear: number;
  stopMonth: number;
  stopDay: number;
  stopHour: number;
  stopMinute: number;
}

/** Something the installer should read before relying on the lock's own schedule. */
export interface ScheduleWarning {
  code: 'dst_change_in_window' | 'lock_offset_differs';
  message: string;
}

/** Result of {@link yearDaySchedule}. */
export type YearDayResult =
  | { ok: true; fields: ZWaveYearDaySchedule; dstWarning?: ScheduleWarning; offsetWarning?: ScheduleWarning }
  | { ok: false; reason: 'invalid_window' | 'invalid_lock_offset' | 'unknown_zone' | 'year_out_of_range'; message: string };

const MINUTE_MS = 60_000;

/**
 * Converts a window (UTC instants) into year-day fields on the lock's clock, which runs at the fixed offset
 * `lockOffsetMinutes` (its Schedule Entry Lock time-zone setting, minutes east of UTC). Seconds are dropped: the
 * lock counts whole minutes, so the start may open and the end close up to 59 s early.
 *
 * Why DST matters here: an IANA zone changes offset twice a year, a lock does not. It keeps one offset until
 * someone sets another. The fields below are exact while the lock's clock stays at `lockOffsetMinutes` for the
 * whole window. If the window crosses a DST change in the site's zone and the lock's clock is then moved to the new
 * local time (by a hub's time sync, the lock's own DST setting, or a visit) without reprogramming the schedule, the
 * part after the change is off by the DST step — usually an hour: the guest is let in an hour early or shut out an
 * hour early. So `dstWarning` is returned whenever the site's offset at `startsAt` differs from its offset at
 * `endsAt`, for the caller to show; `offsetWarning` when the lock's offset is not the site's at start (check the
 * lock's clock and time zone in the capability check). Refuses years outside 2000–2099 (two digits can't say them).
 */
export function yearDaySchedule(
  startsAt: InstantInput,
  endsAt: InstantInput,
  lockOffsetMinutes: number,
  siteZone: string,
): YearDayResult {
  let start: number;
  let end: number;
  try {
    start = instantMs(startsAt);
    end = instantMs(endsAt);
  } catch {
    return { ok: false, reason: 'invalid_window', message: 'The window is not a pair of valid instants.' };
  }
  if (end <= start) return { ok: false, reason: 'invalid_window', message: 'The window must end after it starts.' };
  if (!isKnownZone(siteZone)) return { ok: false, reason: 'unknown_zone', message: `"${siteZone}" is not a known time zone.` };
  if (!Number.isInteger(lockOffsetMinutes) || lockOffsetMinutes < -12 * 60 || lockOffsetMinutes > 14 * 60) {
    return { ok: false, reason: 'invalid_lock_offset', message: `The lock's offset (${lockOffsetMinutes} min) is not a real time zone offset.` };
  }

  const from = wallFieldsAtFixedOffset(lockOffsetMinutes, Math.floor(start / MINUTE_MS) * MINUTE_MS);
  const to = wallFieldsAtFixedOffset(lockOffsetMinutes, Math.floor(end / MINUTE_MS) * MINUTE_MS);
  for (const year of [from.year, to.year]) {
    if (year < 2000 || year > 2099) {
      return {
        ok: false,
        reason: 'year_out_of_range',
        message: `A lock's year-day schedule stores a two-digit year (2000–2099); ${year} cannot be programmed.`,
      };
    }
  }
  const fields: ZWaveYearDaySchedule = {
    startYear: from.year - 2000,
    startMonth: from.month,
    startDay: from.day,
    startHour: from.hour,
    startMinute: from.minute,
    stopYear: to.year - 2000,
    stopMonth: to.month,
    stopDay: to.day,
    stopHour: to.hour,
    stopMinute: to.minute,
  };

  const siteAtStart = offsetMinutesAt(siteZone, start);
  const siteAtEnd = offsetMinutesAt(siteZone, end);
  const result: YearDayResult = { ok: true, fields };
  if (siteAtStart !== siteAtEnd) {
    const step = Math.abs(siteAtEnd - siteAtStart);
    result.dstWarning = {
      code: 'dst_change_in_window',
      message:
        `The property changes clocks during this window (${offsetLabel(siteAtStart)} at the start, ${offsetLabel(siteAtEnd)} ` +
        `at the end). The lock keeps one offset (${offsetLabel(lockOffsetMinutes)}): if its clock is moved to the new local ` +
        `time without reprogramming this code, the end will be off by ${step} minutes on the lock.`,
    };
  }
  if (lockOffsetMinutes !== siteAtStart) {
    result.offsetWarning = {
      code: 'lock_offset_differs',
      message:
        `The lock's time zone is ${offsetLabel(lockOffsetMinutes)} but the property is at ${offsetLabel(siteAtStart)} when ` +
        "this code starts. The schedule is right only if the lock's clock is right for its own setting: check it.",
    };
  }
  return result;
}
