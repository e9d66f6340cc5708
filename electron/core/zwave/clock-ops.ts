import { CommandClasses, SupervisionStatus } from '@zwave-js/core';
import { NodeStatus, type ZWaveNode } from 'zwave-js';
import { CodedError } from '../../../shared/result';
import type { LockClockReading, LockClockSetting } from './lock-network';
import type { CountCommand } from './schedule-ops';
import { toCodedError } from './zwave-errors';

/** Schedule Entry Lock carries a time offset from version 2 on. */
const canAskOffset = (node: ZWaveNode): boolean =>
  node.supportsCC(CommandClasses['Schedule Entry Lock']) && node.getCCVersion(CommandClasses['Schedule Entry Lock']) >= 2;
const canAskTime = (node: ZWaveNode): boolean => node.supportsCC(CommandClasses['Time Parameters']);

/**
 * Reads the lock's time-zone offset (Schedule Entry Lock Time Offset Get) and clock (Time Parameters Get), one Get for
 * each the lock supports (`withTime: false` skips the clock). Never throws for a silent lock: what is not known is null.
 *
 * Note: zwave-js's first interview of a lock already writes the LAPTOP's time zone into Schedule Entry Lock (when the
 * lock has no Time CC v2) and the laptop's clock into Time Parameters; compare with the site's zone, not the laptop's.
 */
export async function readLockClock(node: ZWaveNode, count: CountCommand, options: { withTime?: boolean } = {}): Promise<LockClockReading> {
  const canAsk = node.status !== NodeStatus.Dead;
  let offsetMinutes: number | null = null;
  let dstOffsetMinutes: number | null = null;
  let lockTime: string | null = null;
  if (canAsk && canAskOffset(node)) {
    count();
    const tz = await quietly(() => node.commandClasses['Schedule Entry Lock'].getTimezone());
    // zwave-js's `dstOffset` is the total offset during DST (the wire carries standard + a signed DST delta).
    // Schedule Entry Lock has no DST dates: the lock applies the delta all the time, so that total is its offset now.
    if (tz) {
      offsetMinutes = tz.dstOffset + 0; // + 0 turns zwave-js's -0 (UTC) into 0
      dstOffsetMinutes = tz.dstOffset - tz.standardOffset + 0;
    }
  }
  if (canAsk && options.withTime !== false && canAskTime(node)) {
    count();
    const time = await quietly(() => node.commandClasses['Time Parameters'].get());
    if (time instanceof Date && !Number.isNaN(time.getTime())) lockTime = time.toISOString();
  }
  return { offsetMinutes, dstOffsetMinutes, lockTime };
}

/** Sets the time-zone offset (Schedule Entry Lock v2+) and the clock (Time Parameters), each where supported. */
export async function setLockClock(node: ZWaveNode, setting: LockClockSetting, count: CountCommand): Promise<void> {
  const dst = setting.dstOffsetMinutes ?? 0;
  // Z-Wave carries hours as a signed 7-bit number and minutes 0–59: ±14 h covers every zone.
  for (const [name, value] of [['offsetMinutes', setting.offsetMinutes], ['dstOffsetMinutes', dst]] as const) {
    if (!Number.isInteger(value) || Math.abs(value) > 14 * 60) {
      throw new CodedError('codes.invalid_window', `${name} must be whole minutes within ±14 h`, { field: name });
    }
  }
  if (Number.isNaN(setting.utc.getTime())) throw new CodedError('codes.invalid_window', 'The clock time is not a valid date', { field: 'utc' });
  const hasOffset = canAskOffset(node);
  const hasTime = canAskTime(node);
  if (!hasOffset && !hasTime) {
    throw new CodedError('lock.unsupported', `Lock ${node.id} has no settable clock or time zone`, { nodeId: node.id });
  }
  if (hasOffset) {
    count();
    const result = await run(node, 'Setting the time zone', () =>
      node.commandClasses['Schedule Entry Lock'].setTimezone({ standardOffset: setting.offsetMinutes, dstOffset: setting.offsetMinutes + dst }),
    );
    assertNotRefused(result?.status, node, 'set its time zone');
  }
  if (hasTime) {
    count();
    const result = await run(node, 'Setting the clock', () => node.commandClasses['Time Parameters'].set(setting.utc));
    assertNotRefused(result?.status, node, 'set its clock');
  }
}

async function quietly<T>(get: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await get();
  } catch {
    return undefined; // no answer, NAK or unsupported: the reading says null
  }
}

function assertNotRefused(status: SupervisionStatus | undefined, node: ZWaveNode, what: string): void {
  if (status === SupervisionStatus.Fail || status === SupervisionStatus.NoSupport) {
    throw new CodedError('lock.failed', `Lock ${node.id} refused to ${what}`, { nodeId: node.id });
  }
}

async function run<T>(node: ZWaveNode, action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw toCodedError(e, { action, nodeId: node.id, isNodeDead: node.status === NodeStatus.Dead });
  }
}
