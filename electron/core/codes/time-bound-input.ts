import type { LocalDateTime } from '../../../shared/domain/local-time';
import type { LockProfile } from '../../../shared/domain/lock';
import { checkWindow, isStartingNow, localToInstant, planTimeBoundCode, type SchedulePlan } from '../../../shared/time';
import { CodedError } from '../../../shared/result';
import { formatOffset, zoneOffsetMinutes } from '../../../shared/capability/time-zone';

/** A time-bound request as it arrives: the window in the site's wall time, and the installer's confirmation. */
export interface WindowInput {
  window: { starts: LocalDateTime; ends: LocalDateTime };
  confirmLockbenchScheduling?: boolean;
  /** The door is linked to a cloud device that programs codes online: the cloud switches the code on and off. */
  cloudSchedules?: boolean;
}

/** What a time-bound code will be: its instants, who schedules it, its first status, and when to load it. */
export interface TimeBoundDecision {
  startsAt: string;
  endsAt: string;
  scheduledBy: 'lock' | 'lockbench' | 'cloud';
  status: 'unset' | 'setting';
  /** When the set_code operation may run: null = now; else its preload time (native) or its start (Lockbench). */
  loadAt: Date | null;
  /** Why the set_code operation exists (for the queue panel). */
  reason: 'new_code' | 'preload' | 'window_start';
  plan: SchedulePlan;
}

/**
 * A lock enforces a year-day window on its own clock: if its time-zone offset is not the site's (now), the window
 * opens at the wrong hour. Refused until the installer sets the lock's clock (doors.setClock), naming both offsets.
 * A later DST change does not matter: the window is written in the lock's own fixed offset, exact in instants.
 */
function assertLockClock(profile: LockProfile, zone: string, now: Date): void {
  const siteOffset = zoneOffsetMinutes(zone, now);
  if (profile.clockOffsetMinutes === null || profile.clockOffsetMinutes === siteOffset) return;
  throw new CodedError(
    'codes.lock_clock_mismatch',
    `The lock's clock is on ${formatOffset(profile.clockOffsetMinutes)} but the site is on ${formatOffset(siteOffset)}. Set the lock's clock first.`,
    { lockOffsetMinutes: profile.clockOffsetMinutes, siteOffsetMinutes: siteOffset },
  );
}

function instant(local: LocalDateTime, zone: string, which: 'start' | 'end'): string {
  const result = localToInstant(local, zone);
  if (result.ok) return result.instant;
  const hint = result.suggestion ? ` The next valid time is ${result.suggestion.time}.` : '';
  throw new CodedError('codes.invalid_window', `The ${which} (${local.date} ${local.time}): ${result.message}${hint}`, { field: which, reason: result.reason });
}

/**
 * Turns the installer's window (site wall times) into instants and a plan, refusing what cannot work with the rule
 * named: a wall time that does not exist (DST gap), an end before the start or in the past, a too-short window, and
 * — on a lock without native scheduling — a window Lockbench's queue must switch on and off, which works only while
 * this laptop reaches the lock: refused unless the installer confirms (`confirmLockbenchScheduling`).
 */
export function decideTimeBound(input: WindowInput, profile: LockProfile, zone: string, now: Date): TimeBoundDecision {
  const startsAt = instant(input.window.starts, zone, 'start');
  const endsAt = instant(input.window.ends, zone, 'end');
  const startsNow = isStartingNow(startsAt, now);
  const check = checkWindow({ startsAt, endsAt }, now, { startsNow });
  if (!check.ok) {
    const first = check.problems[0]!;
    throw new CodedError('codes.invalid_window', check.problems.map((p) => p.message).join(' '), { reason: first.reason });
  }
  const plan = planTimeBoundCode({ startsAt, endsAt, now, nativeScheduling: profile.nativeScheduling, siteZone: zone });
  if (plan.kind === 'native') assertLockClock(profile, zone, now);
  const hasStarted = new Date(startsAt) <= now;
  if (plan.kind === 'native') {
    const loadAt = plan.preloadsNow ? null : new Date(plan.preloadAt);
    return { startsAt, endsAt, scheduledBy: 'lock', status: hasStarted ? 'setting' : 'unset', loadAt, reason: loadAt ? 'preload' : 'new_code', plan };
  }
  if (input.cloudSchedules) return { startsAt, endsAt, scheduledBy: 'cloud', status: 'unset', loadAt: null, reason: 'new_code', plan };
  if (!input.confirmLockbenchScheduling) throw new CodedError('codes.needs_confirmation', plan.message, { rule: 'native_scheduling' });
  const loadAt = hasStarted ? null : new Date(startsAt);
  return { startsAt, endsAt, scheduledBy: 'lockbench', status: hasStarted ? 'setting' : 'unset', loadAt, reason: loadAt ? 'window_start' : 'new_code', plan };
}
