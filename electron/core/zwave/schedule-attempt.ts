import { zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { describeFailure } from '../ports/lock-failures';
import type { AttemptOutcome, CodeWindow } from '../ports/lock-port';
import type { YearDayWindow } from './lock-network';
import { decideBeforeSet, readSlot, setAndReadBack, type AttemptTarget } from './slot-attempts';
import { yearDaySchedule } from './year-day-schedule';

/** The year-day window for a code, in the lock's own time (its offset; the site's when the lock reports none). */
function windowFor(w: CodeWindow): YearDayWindow | string {
  const offset = w.lockOffsetMinutes ?? zoneOffsetMinutes(w.siteTimeZone, new Date(w.startsAt));
  const result = yearDaySchedule(w.startsAt, w.endsAt, offset, w.siteTimeZone);
  if (!result.ok) return result.message;
  const f = result.fields;
  return {
    start: { year: f.startYear, month: f.startMonth, day: f.startDay, hour: f.startHour, minute: f.startMinute },
    stop: { year: f.stopYear, month: f.stopMonth, day: f.stopDay, hour: f.stopHour, minute: f.stopMinute },
  };
}

const sameWindow = (a: YearDayWindow | null, b: YearDayWindow) => a !== null && JSON.stringify(a) === JSON.stringify(b);

/**
 * A time-bound code on a lock with native scheduling:
 *
 *   read the slot ─▶ free (or ours)? ─▶ write the year-day schedule ─▶ read the schedule back ─▶ Set the PIN ─▶ read back
 *
 * The slot is read FIRST (a schedule written to a slot that holds somebody else's code would restrict their code),
 * and the schedule goes in BEFORE the PIN, so the code is never usable outside its window, not even for the seconds
 * between the two commands. The window is written in the lock's own time.
 */
export async function attemptScheduledSet(
  target: AttemptTarget,
  code: { slot: number; pin: string; window: CodeWindow },
  mayBeThere: boolean,
): Promise<AttemptOutcome> {
  const window = windowFor(code.window);
  if (typeof window === 'string') return { kind: 'permanent', error: 'failed_to_set_on_device', message: window };
  const { network, nodeId } = target;
  const before = await readSlot(network, nodeId, code.slot);
  if (!before) return { kind: 'transient', message: 'the lock is not answering', mayHaveReached: false };
  const decided = decideBeforeSet(before, code.slot, code.pin, mayBeThere);
  if (decided?.kind === 'slot_taken') return decided;
  if (!(await target.onAir())) return { kind: 'transient', message: 'the change was withdrawn before it was sent', mayHaveReached: false };
  try {
    // Also when our PIN is already there (an earlier attempt landed): its schedule must be in force, or it works at any time.
    await network.setYearDaySchedule(nodeId, code.slot, window);
  } catch (error) {
    const failure = describeFailure(error);
    return { kind: 'transient', message: `the schedule did not go in (${failure.message})`, mayHaveReached: true };
  }
  const stored = await network.readYearDaySchedule(nodeId, code.slot).catch(() => null);
  if (!sameWindow(stored, window)) {
    return { kind: 'transient', message: 'the lock did not read its schedule back as written', mayHaveReached: true };
  }
  return decided ?? setAndReadBack(target, code.slot, code.pin);
}
