/**
 * Pure planning for a time-bound code: when it is loaded, when it is usable, who switches it on and off, and which
 * Seam status it should show at any instant. No clock is read and nothing is sent; callers act on the plan.
 *
 *   native scheduling:   now ── preloadAt (≥ startsAt − 72 h) ── startsAt ─────────── endsAt = clearAt ──▶
 *                        status   unset   (on lock, still unset)   set (lock confirmed)   removing → gone
 *   no native scheduling:   ────────────── addAt = startsAt ──────── removeAt = endsAt ──▶   (Lockbench's queue does both)
 */
import { formatInSite, instantMs, type InstantInput } from './site-time';
import { toIsoUtc } from './zone-rules';
import type { AccessCodeStatus } from '../domain/access-code';

/** How far ahead of `starts_at` a lock with native scheduling may hold the code (Seam's rule). */
export const PRELOAD_HOURS = 72;

const HOUR_MS = 3_600_000;

/** What {@link planTimeBoundCode} needs: a checked window (see `checkWindow`), the clock, and the lock's ability. */
export interface TimeBoundPlanInput {
  startsAt: InstantInput;
  endsAt: InstantInput;
  now: Date;
  /** The lock enforces start and end itself (Z-Wave year-day schedule). */
  nativeScheduling: boolean;
  /** The site's IANA zone, only for the words in `message`. */
  siteZone: string;
}

/** The lock holds the code with its own schedule; nobody has to be online at start or end. */
export interface NativeSchedulePlan {
  kind: 'native';
  needsOnlineActor: false;
  startsAt: string;
  endsAt: string;
  /** max(now, startsAt − 72 h): from then on the code sits in its slot with a year-day schedule, still `unset`. */
  preloadAt: string;
  /** True when preloadAt is now, i.e. it can be loaded during this visit. Otherwise it is loaded later (see message). */
  preloadsNow: boolean;
  /** = endsAt: the lock stops accepting the code by itself; the slot is cleared at the next chance after this. */
  clearAt: string;
  message: string;
}

/**
 * The lock cannot switch the code on or off by itself: something online must add it at `addAt` and remove it at
 * `removeAt`. Until a door is linked to a cloud device that schedules codes, that is Lockbench's queue, which can act
 * only while this laptop reaches the lock: the caller must get the installer's confirmation or refuse.
 */
export interface OnlineActorPlan {
  kind: 'online_actor';
  needsOnlineActor: true;
  startsAt: string;
  endsAt: string;
  addAt: string;
  removeAt: string;
  /** Names who adds and removes the code, in the site's time. */
  message: string;
}

/** A plan for one time-bound code. */
export type SchedulePlan = NativeSchedulePlan | OnlineActorPlan;

/** Where an instant falls in a plan: before loading, loaded but not yet usable, usable, or over. */
export type SchedulePhase = 'waiting' | 'preloaded' | 'active' | 'ended';

/**
 * Plans a time-bound code. Throws RangeError when the window is malformed or ends before it starts: run
 * `checkWindow` first, which says so in words.
 */
export function planTimeBoundCode(input: TimeBoundPlanInput): SchedulePlan {
  const start = instantMs(input.startsAt);
  const end = instantMs(input.endsAt);
  const now = instantMs(input.now);
  if (end <= start) throw new RangeError('A time-bound code must end after it starts (checkWindow first).');
  const at = (ms: number) => formatInSite(new Date(ms), input.siteZone, 'time-day');
  const startsAt = toIsoUtc(start);
  const endsAt = toIsoUtc(end);

  if (input.nativeScheduling) {
    const preload = Math.max(now, start - PRELOAD_HOURS * HOUR_MS);
    const preloadsNow = preload === now;
    const loaded = preloadsNow
      ? 'Loaded on the lock now with its own schedule'
      : `Lockbench loads it onto the lock from ${at(preload)} (72 h before its start): this laptop must reach the lock between then and the start, or the code will not be there`;
    return {
      kind: 'native',
      needsOnlineActor: false,
      startsAt,
      endsAt,
      preloadAt: toIsoUtc(preload),
      preloadsNow,
      clearAt: endsAt,
      message: `${loaded}. The lock itself lets it in from ${at(start)} until ${at(end)}; Lockbench clears the slot the next time it reaches the lock after that.`,
    };
  }

  return {
    kind: 'online_actor',
    needsOnlineActor: true,
    startsAt,
    endsAt,
    addAt: startsAt,
    removeAt: endsAt,
    message:
      'This lock cannot switch a code on and off by itself, so Lockbench does it: ' +
      (start <= now
        ? `it puts the code on now and takes it off at ${at(end)}. This laptop must reach the lock then; until it does, the PIN keeps working.`
        : `it puts the code on at ${at(start)} and takes it off at ${at(end)}. This laptop must reach the lock at both times; until then the change waits in the queue.`),
  };
}

/** Where `instant` falls in `plan`. Start is inclusive, end exclusive: at `endsAt` exactly the code is over. */
export function phaseAt(plan: SchedulePlan, instant: InstantInput): SchedulePhase {
  const t = instantMs(instant);
  if (t >= instantMs(plan.endsAt)) return 'ended';
  if (t >= instantMs(plan.startsAt)) return 'active';
  if (plan.kind === 'native' && t >= instantMs(plan.preloadAt)) return 'preloaded';
  return 'waiting';
}

/**
 * The Seam status the code should show at `instant`, given whether the lock has confirmed it holds the code
 * (read back). Before start it is `unset` even when preloaded (Seam's rule); while usable `set` only if the lock
 * confirmed it, else `setting`; once over `removing` while still on the lock, then `unset` (the caller marks the
 * record removed).
 */
export function statusAt(plan: SchedulePlan, instant: InstantInput, lock: { isOnLock: boolean }): AccessCodeStatus {
  switch (phaseAt(plan, instant)) {
    case 'waiting':
    case 'preloaded':
      return 'unset';
    case 'active':
      return lock.isOnLock ? 'set' : 'setting';
    case 'ended':
      return lock.isOnLock ? 'removing' : 'unset';
  }
}
