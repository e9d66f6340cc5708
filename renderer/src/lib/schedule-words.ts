import { formatOffset, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { LockProfile } from '../../../shared/domain/lock';
import { PRELOAD_HOURS } from '../../../shared/time';
import { formatSiteMoment } from './site-time';

/**
 * What will happen to a time-bound code, in words for the installer, in the site's time:
 *
 *   native scheduling   loaded ≤ 72 h before start ── unset ── start: set ── end: cleared   (the lock's own clock)
 *   no native schedule  Lockbench puts it on at the start and takes it off at the end: this laptop must reach the lock
 */

const HOUR_MS = 3_600_000;

/** The summary step's words: a heading, the sentences, and whether the installer must confirm Lockbench does it. */
export interface ScheduleSummary {
  heading: string;
  lines: string[];
  needsLockbenchConfirmation: boolean;
}

/** Input of {@link describeSchedule}: the window as instants, the lock's ability, the site zone and now. */
export interface ScheduleFacts {
  startsAt: string;
  endsAt: string;
  nativeScheduling: boolean;
  zone: string;
  now: Date;
  doorName: string;
  /** The lock's clock is not on the site's time (see lockClockCheck): nothing is loaded until it is set. */
  isLockClockOff?: boolean;
  /** The door is linked to a cloud device that programs codes online: the cloud switches the code (main decides the same). */
  cloudSchedules?: boolean;
}

/** The summary of a time-bound code before it is saved. */
export function describeSchedule(facts: ScheduleFacts): ScheduleSummary {
  const at = (iso: string | Date) => formatSiteMoment(iso, facts.zone);
  const start = Date.parse(facts.startsAt);
  const startsNow = start <= facts.now.getTime();
  if (facts.nativeScheduling) {
    const preload = start - PRELOAD_HOURS * HOUR_MS;
    const loaded = facts.isLockClockOff
      ? `Loaded into ${facts.doorName}'s lock with its own schedule once the lock's clock is on the site's time (see above).`
      : preload <= facts.now.getTime()
        ? `Loaded into ${facts.doorName}'s lock now (the start is less than ${PRELOAD_HOURS} hours away), with its own schedule.`
        : `Loaded into the lock up to ${PRELOAD_HOURS} hours before the start (from ${at(new Date(preload))}), with its own schedule.`;
    return {
      heading: 'The lock switches this code on and off by itself',
      lines: [
        loaded,
        startsNow ? 'Shows “set” as soon as the lock confirms it.' : `Shows “unset” until ${at(facts.startsAt)}, then “set”.`,
        `Cleared after the end (${at(facts.endsAt)}); the lock stops accepting it by itself.`,
      ],
      needsLockbenchConfirmation: false,
    };
  }
  if (facts.cloudSchedules) {
    return {
      heading: 'This lock cannot switch the code on and off by itself: the cloud does it',
      lines: [
        startsNow
          ? `The cloud puts it on ${facts.doorName}'s lock now and takes it off at ${at(facts.endsAt)}; this laptop need not be there.`
          : `The cloud puts it on at ${at(facts.startsAt)} and takes it off at ${at(facts.endsAt)}; this laptop need not be there.`,
        'It goes to the cloud at the next sync; its status here is what the cloud reports.',
      ],
      needsLockbenchConfirmation: false,
    };
  }
  return {
    heading: 'This lock cannot switch the code on and off by itself: Lockbench does it',
    lines: [
      startsNow
        ? `Lockbench puts it on now and takes it off at ${at(facts.endsAt)} – this laptop must reach the lock then.`
        : `Lockbench puts it on at ${at(facts.startsAt)} and takes it off at ${at(facts.endsAt)} – this laptop must reach the lock then.`,
      'If this laptop is not connected to the lock at those times, the code is not put on in time, or stays on the lock past its end.',
    ],
    needsLockbenchConfirmation: true,
  };
}

/** A lock whose clock is not on the site's time, said before Save: `blocksSave` when main would refuse the code. */
export interface LockClockCheck {
  blocksSave: boolean;
  message: string;
}

/**
 * Checks the lock's clock for a time-bound code on a lock with native scheduling: its time-zone offset must be the
 * site's offset now (main refuses the code otherwise, `codes.lock_clock_mismatch`). Null when nothing is wrong or the
 * lock does not schedule codes itself.
 */
export function lockClockCheck(lock: Pick<LockProfile, 'nativeScheduling' | 'clockOffsetMinutes'> | null, zone: string, now: Date): LockClockCheck | null {
  if (!lock?.nativeScheduling) return null;
  const site = zoneOffsetMinutes(zone, now);
  if (lock.clockOffsetMinutes === null) {
    return {
      blocksSave: false,
      message: `The lock did not report its clock's time zone. Set its clock to the site's time (${formatOffset(site)}) so the code opens at the hours you typed.`,
    };
  }
  if (lock.clockOffsetMinutes === site) return null;
  return {
    blocksSave: true,
    message: `The lock's clock is on ${formatOffset(lock.clockOffsetMinutes)}, the property is on ${formatOffset(site)} now: the lock would open and close the door at the wrong hours. Set the lock's clock first.`,
  };
}

/** The window of a time-bound code, "15:00 Sat 14 Mar → 11:00 Mon 16 Mar", or null for an ongoing code. */
export function windowWords(code: Pick<AccessCode, 'type' | 'starts_at' | 'ends_at'>, zone: string): string | null {
  if (code.type !== 'time_bound') return null;
  const from = code.starts_at ? formatSiteMoment(code.starts_at, zone) : 'now';
  const to = code.ends_at ? formatSiteMoment(code.ends_at, zone) : 'until removed';
  return `${from} → ${to}`;
}

/** "Last used on the keypad 08:12 Sun 15 Mar", or null when the lock has not reported a use. */
export function lastUsedWords(code: Pick<AccessCode, 'last_used_at'>, zone: string): string | null {
  return code.last_used_at ? `Last used on the keypad ${formatSiteMoment(code.last_used_at, zone)}` : null;
}
