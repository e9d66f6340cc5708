import type { AccessCode } from '../../../shared/domain/access-code';
import { yearDaySchedule } from '../../../shared/time';
import { zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import type { LockNetwork, YearDayWindow } from '../zwave/lock-network';
import { attemptSet, type AttemptOutcome } from './lock-attempts';

/**
 * A time-bound code on a lock with native scheduling: the year-day schedule goes in BEFORE the PIN, so the code is
 * never usable outside its window, not even for the seconds between the two commands. The window is written in the
 * lock's own time (its time-zone offset; the site's when the lock does not report one).
 */
export async function attemptScheduledSet(
  network: LockNetwork,
  nodeId: number,
  code: AccessCode & { slot: number },
  siteZone: string,
  lockOffsetMinutes: number | null,
  readFirst: boolean,
): Promise<AttemptOutcome> {
  const offset = lockOffsetMinutes ?? zoneOffsetMinutes(siteZone, new Date(code.starts_at!));
  const result = yearDaySchedule(code.starts_at!, code.ends_at!, offset, siteZone);
  if (!result.ok) return { kind: 'permanent', error: 'failed_to_set_on_device', message: result.message };
  const f = result.fields;
  const window: YearDayWindow = {
    start: { year: f.startYear, month: f.startMonth, day: f.startDay, hour: f.startHour, minute: f.startMinute },
    stop: { year: f.stopYear, month: f.stopMonth, day: f.stopDay, hour: f.stopHour, minute: f.stopMinute },
  };
  try {
    await network.setYearDaySchedule(nodeId, code.slot, window);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'transient', message: `the schedule did not go in (${message})`, mayHaveReached: true };
  }
  return attemptSet(network, nodeId, code.slot, code.code, readFirst);
}
