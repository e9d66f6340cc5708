import { ScheduleEntryLockScheduleKind } from 'zwave-js';
import type { ZWaveYearDaySchedule } from '../zwave/year-day-schedule';

/**
 * The virtual locks' schedule and clock memory, kept in `MockNode.state` under the keys zwave-js's mock Schedule Entry
 * Lock behaviour uses (`ScheduleEntryLock_schedule_<user>_<slot>_<kind>`, `ScheduleEntryLock_standardOffset`,
 * `ScheduleEntryLock_dstOffset`), plus Lockbench's own for what that mock does not keep (the per-user enable flag,
 * the Time Parameters clock).
 */

/** A year-day schedule as zwave-js's mock stores it: the flat two-digit-year fields zwave/year-day-schedule.ts computes. */
export type StoredYearDay = ZWaveYearDaySchedule;

/** One user's schedules: year-day slots by slot id, and whether scheduling is enabled for the user. */
export interface StoredUserSchedules {
  yearDay: Record<string, StoredYearDay>;
  enabled: boolean;
}

/** The lock's clock: Schedule Entry Lock time offset (minutes) and how far its Time Parameters clock is from real time. */
export interface StoredClock {
  standardOffset: number;
  dstOffset: number;
  /** Lock clock minus real time, in ms. */
  skewMs: number;
}

/** The mock Schedule Entry Lock behaviour's state key for one year-day slot of a user. */
export const yearDayKey = (userId: number, slotId: number): string =>
  `ScheduleEntryLock_schedule_${userId}_${slotId}_${ScheduleEntryLockScheduleKind.YearDay}`;
/** Lockbench's state key for "scheduling enabled" of a user (the zwave-js mock acknowledges Enable Set but keeps nothing). */
export const scheduleEnabledKey = (userId: number): string => `ScheduleEntryLock_enabled_${userId}`;
/** The mock Schedule Entry Lock behaviour's state keys for the time offset. */
export const STANDARD_OFFSET_KEY = 'ScheduleEntryLock_standardOffset';
export const DST_OFFSET_KEY = 'ScheduleEntryLock_dstOffset';
/** Lockbench's state key for the Time Parameters clock skew (ms). */
export const CLOCK_SKEW_KEY = 'TimeParameters_skewMs';

/** Reads every user's schedules out of a mock node's state (users with neither a schedule nor the flag are left out). */
export function schedulesFromState(state: ReadonlyMap<string, unknown>, slotCount: number, yearDaySlots: number): Record<string, StoredUserSchedules> {
  const users: Record<string, StoredUserSchedules> = {};
  for (let userId = 1; userId <= slotCount; userId++) {
    const yearDay: Record<string, StoredYearDay> = {};
    for (let slotId = 1; slotId <= yearDaySlots; slotId++) {
      const stored = state.get(yearDayKey(userId, slotId));
      if (isYearDay(stored)) yearDay[String(slotId)] = { ...stored };
    }
    const enabled = state.get(scheduleEnabledKey(userId)) === true;
    if (enabled || Object.keys(yearDay).length > 0) users[String(userId)] = { yearDay, enabled };
  }
  return users;
}

/** Writes stored schedules into a mock node's state, the way the mock behaviours would. */
export function schedulesIntoState(state: Map<string, unknown>, users: Record<string, StoredUserSchedules>): void {
  for (const [userId, { yearDay, enabled }] of Object.entries(users)) {
    for (const [slotId, schedule] of Object.entries(yearDay)) state.set(yearDayKey(Number(userId), Number(slotId)), { ...schedule });
    state.set(scheduleEnabledKey(Number(userId)), enabled);
  }
}

/** Reads the lock's clock out of a mock node's state. */
export function clockFromState(state: ReadonlyMap<string, unknown>): StoredClock {
  const num = (key: string): number => {
    const v = state.get(key);
    return typeof v === 'number' ? v : 0;
  };
  return { standardOffset: num(STANDARD_OFFSET_KEY), dstOffset: num(DST_OFFSET_KEY), skewMs: num(CLOCK_SKEW_KEY) };
}

/** Writes the lock's clock into a mock node's state. */
export function clockIntoState(state: Map<string, unknown>, clock: StoredClock): void {
  state.set(STANDARD_OFFSET_KEY, clock.standardOffset);
  state.set(DST_OFFSET_KEY, clock.dstOffset);
  state.set(CLOCK_SKEW_KEY, clock.skewMs);
}

function isYearDay(v: unknown): v is StoredYearDay {
  return typeof v === 'object' && v !== null && typeof (v as StoredYearDay).startYear === 'number' && typeof (v as StoredYearDay).stopMinute === 'number';
}
