import { CommandClasses, SupervisionStatus } from '@zwave-js/core';
import { NodeStatus, ScheduleEntryLockCCValues, UserCodeCCValues, type ZWaveNode } from 'zwave-js';
import { CodedError } from '../../../shared/result';
import type { YearDayFields, YearDayWindow } from './lock-network';
import { toCodedError } from './zwave-errors';

/** Called once before each command sent through the driver (radio accounting). */
export type CountCommand = () => void;

/** The year-day slot Lockbench uses for each user: one window per code. */
const SCHEDULE_SLOT = 1;

/**
 * Writes year-day slot 1 of user `slot`, then enables scheduling for that user (Enable Set: Schedule Entry Lock v1–v3
 * have no per-schedule enable, the user is either schedule-restricted or not).
 */
export async function setYearDaySchedule(node: ZWaveNode, slot: number, window: YearDayWindow, count: CountCommand): Promise<void> {
  assertScheduling(node, slot);
  assertWindow(window);
  const api = node.commandClasses['Schedule Entry Lock'];
  const schedule = {
    startYear: window.start.year,
    startMonth: window.start.month,
    startDay: window.start.day,
    startHour: window.start.hour,
    startMinute: window.start.minute,
    stopYear: window.stop.year,
    stopMonth: window.stop.month,
    stopDay: window.stop.day,
    stopHour: window.stop.hour,
    stopMinute: window.stop.minute,
  };
  count();
  const written = await run(node, `Writing the schedule of slot ${slot}`, () => api.setYearDaySchedule({ userId: slot, slotId: SCHEDULE_SLOT }, schedule));
  assertNotRefused(written?.status, node, slot, 'store the schedule');
  count();
  const enabled = await run(node, `Enabling the schedule of slot ${slot}`, () => api.setEnabled(true, slot));
  assertNotRefused(enabled?.status, node, slot, 'enable the schedule');
}

/** Erases every year-day slot of user `slot`, then disables scheduling for that user. */
export async function clearSchedules(node: ZWaveNode, slot: number, count: CountCommand): Promise<void> {
  const slots = assertScheduling(node, slot);
  const api = node.commandClasses['Schedule Entry Lock'];
  for (let slotId = 1; slotId <= slots; slotId++) {
    count();
    const erased = await run(node, `Erasing the schedule of slot ${slot}`, () => api.setYearDaySchedule({ userId: slot, slotId }));
    assertNotRefused(erased?.status, node, slot, 'erase the schedule');
  }
  count();
  const disabled = await run(node, `Disabling the schedule of slot ${slot}`, () => api.setEnabled(false, slot));
  assertNotRefused(disabled?.status, node, slot, 'disable the schedule');
}

/** Reads year-day slot 1 of user `slot`; null when the lock reports it empty or does not answer. */
export async function readYearDaySchedule(node: ZWaveNode, slot: number, count: CountCommand): Promise<YearDayWindow | null> {
  assertScheduling(node, slot);
  count();
  try {
    const s = await node.commandClasses['Schedule Entry Lock'].getYearDaySchedule({ userId: slot, slotId: SCHEDULE_SLOT });
    if (!s) return null;
    return {
      start: { year: s.startYear, month: s.startMonth, day: s.startDay, hour: s.startHour, minute: s.startMinute },
      stop: { year: s.stopYear, month: s.stopMonth, day: s.stopDay, hour: s.stopHour, minute: s.stopMinute },
    };
  } catch (e) {
    const error = toCodedError(e, { action: `Reading the schedule of slot ${slot}`, nodeId: node.id, isNodeDead: isDead(node) });
    if (error.code === 'lock.no_answer' || error.code === 'lock.offline') return null;
    throw error;
  }
}

/** The number of year-day slots per user; throws lock.unsupported without Schedule Entry Lock year-day support. */
function assertScheduling(node: ZWaveNode, slot: number): number {
  const yearDaySlots = node.getValue<number>(ScheduleEntryLockCCValues.numYearDaySlots.id) ?? 0;
  if (!node.supportsCC(CommandClasses['Schedule Entry Lock']) || yearDaySlots < 1) {
    throw new CodedError('lock.unsupported', `Lock ${node.id} has no year-day schedules`, { nodeId: node.id });
  }
  const count = node.getValue<number>(UserCodeCCValues.supportedUsers.id);
  // Schedule Entry Lock v1–v3 address users with one byte.
  if (!Number.isInteger(slot) || slot < 1 || slot > 255 || (typeof count === 'number' && slot > count)) {
    throw new CodedError('lock.unsupported', `Lock ${node.id} has no slot ${slot}`, { nodeId: node.id, slot });
  }
  return yearDaySlots;
}

const FIELD_RANGES: Record<keyof YearDayFields, [number, number]> = { year: [0, 99], month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59] };

function assertWindow(window: YearDayWindow): void {
  for (const [end, fields] of [['start', window.start], ['stop', window.stop]] as const) {
    for (const [name, [min, max]] of Object.entries(FIELD_RANGES) as [keyof YearDayFields, [number, number]][]) {
      const v = fields[name];
      if (!Number.isInteger(v) || v < min || v > max) {
        const hint = name === 'year' ? ' (two digits: 25 for 2025)' : '';
        throw new CodedError('codes.invalid_window', `The schedule ${end} ${name} must be ${min}–${max}${hint}`, { field: `${end}.${name}` });
      }
    }
  }
  if (sortKey(window.stop) <= sortKey(window.start)) {
    throw new CodedError('codes.invalid_window', 'The schedule must end after it starts');
  }
}

const sortKey = (f: YearDayFields): number => (((f.year * 100 + f.month) * 100 + f.day) * 100 + f.hour) * 100 + f.minute;

function assertNotRefused(status: SupervisionStatus | undefined, node: ZWaveNode, slot: number, what: string): void {
  if (status === SupervisionStatus.Fail || status === SupervisionStatus.NoSupport) {
    throw new CodedError('lock.failed', `Lock ${node.id} refused to ${what} for slot ${slot}`, { nodeId: node.id, slot });
  }
}

async function run<T>(node: ZWaveNode, action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw toCodedError(e, { action, nodeId: node.id, isNodeDead: isDead(node) });
  }
}

function isDead(node: ZWaveNode): boolean {
  return node.status === NodeStatus.Dead;
}
