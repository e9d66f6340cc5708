/**
 * Checks a time-bound code's window (`starts_at`/`ends_at` instants) before anything is queued for a lock or Seam.
 * All problems are returned at once, each with a stable reason and words for the installer.
 */
import { instantMs, type InstantInput } from './site-time';

/** Why a window is refused. */
export type WindowProblemReason =
  | 'invalid_starts_at'
  | 'invalid_ends_at'
  | 'ends_before_start'
  | 'starts_in_past'
  | 'ends_in_past'
  | 'too_short';

/** One thing wrong with a window. */
export interface WindowProblem {
  reason: WindowProblemReason;
  message: string;
}

/** Result of {@link checkWindow}: how long the code will be usable from now on, or every problem found. */
export type WindowCheck = { ok: true; usableMinutes: number } | { ok: false; problems: WindowProblem[] };

/** Options for {@link checkWindow}. */
export interface WindowCheckOptions {
  /**
   * The installer chose "starts now" (a code for the person standing at the door). Only then may `startsAt` lie in
   * the past: the form was filled in a minute ago and the code is usable as soon as it is on the lock. Without it,
   * a start in the past is refused, because a typed start that has already passed is almost always a wrong date.
   */
  startsNow?: boolean;
  /** Shortest window accepted, counted from the later of start and now; default {@link MIN_WINDOW_MINUTES}. */
  minMinutes?: number;
}

/** A start at most this long ago counts as "starts now": the installer typed the current time a moment ago. */
export const STARTS_NOW_GRACE_MINUTES = 15;

/** True when a window's start is now or within the last {@link STARTS_NOW_GRACE_MINUTES} (a code needed right away). */
export function isStartingNow(startsAt: InstantInput, now: Date): boolean {
  const start = tryMs(startsAt);
  return start !== null && start <= now.getTime() && now.getTime() - start < STARTS_NOW_GRACE_MINUTES * 60_000;
}

/** Default shortest window: below 15 minutes, setting the code on a sleepy battery lock may take most of it. */
export const MIN_WINDOW_MINUTES = 15;

const MINUTE_MS = 60_000;

/**
 * Validates a window against `now` (passed in, never read from the machine):
 * end after start; start not in the past unless `startsNow`; end in the future; usable for at least `minMinutes`
 * (from the later of start and now, so a "starts now" window typed long ago cannot slip under the minimum).
 */
export function checkWindow(
  window: { startsAt: InstantInput; endsAt: InstantInput },
  now: Date,
  options: WindowCheckOptions = {},
): WindowCheck {
  const minMinutes = options.minMinutes ?? MIN_WINDOW_MINUTES;
  const nowMs = now.getTime();
  const start = tryMs(window.startsAt);
  const end = tryMs(window.endsAt);
  const problems: WindowProblem[] = [];
  if (start === null) problems.push({ reason: 'invalid_starts_at', message: 'The start is not a valid date and time.' });
  if (end === null) problems.push({ reason: 'invalid_ends_at', message: 'The end is not a valid date and time.' });
  if (start === null || end === null) return { ok: false, problems };

  if (end <= start) {
    problems.push({ reason: 'ends_before_start', message: 'The end must be after the start.' });
  }
  if (start < nowMs && !options.startsNow) {
    problems.push({
      reason: 'starts_in_past',
      message: 'The start has already passed. Pick a later start, or the current time for a code needed right away.',
    });
  }
  if (end <= nowMs) {
    problems.push({ reason: 'ends_in_past', message: 'The end has already passed: this code could never be used.' });
  }
  const usableMinutes = Math.floor((end - Math.max(start, nowMs)) / MINUTE_MS);
  if (problems.length === 0 && usableMinutes < minMinutes) {
    problems.push({
      reason: 'too_short',
      message: `The code must be usable for at least ${minMinutes} minutes; this window gives ${usableMinutes}.`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, usableMinutes };
}

function tryMs(instant: InstantInput): number | null {
  try {
    return instantMs(instant);
  } catch {
    return null;
  }
}
