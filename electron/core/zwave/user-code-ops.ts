import { CommandClasses, SupervisionStatus } from '@zwave-js/core';
import { NodeStatus, UserCodeCCValues, UserIDStatus, type ZWaveNode } from 'zwave-js';
import { CodedError } from '../../../shared/result';
import type { SlotReading } from './lock-network';
import { toCodedError } from './zwave-errors';

/** Z-Wave User Code CC allows 4–10 characters per code; the lock's own rules are checked by the codes service. */
const PIN_PATTERN = /^[\x20-\x7e]{4,10}$/;

const noCount = (): void => undefined;

/** Reads one slot's status and code from zwave-js's value cache (no radio traffic). */
export function cachedSlotReading(node: ZWaveNode, slot: number): SlotReading {
  const status = node.getValue<number>(UserCodeCCValues.userIdStatus(slot).id);
  const code = node.getValue<unknown>(UserCodeCCValues.userCode(slot).id);
  return toSlotReading(slot, status, code);
}

/** All slots 1..slotCount from zwave-js's value cache. */
export function cachedSlotReadings(node: ZWaveNode, slotCount: number): SlotReading[] {
  return Array.from({ length: slotCount }, (_, i) => cachedSlotReading(node, i + 1));
}

/**
 * Puts a PIN into a slot (status enabled). Rejects with a CodedError; a "no answer" may still have reached the lock.
 * `count` (here and below) is called once just before the command is sent: a PIN or slot refused locally sends nothing.
 */
export async function setUserCode(node: ZWaveNode, slot: number, pin: string, count: () => void = noCount): Promise<void> {
  assertSlot(node, slot);
  if (!PIN_PATTERN.test(pin)) {
    throw new CodedError('codes.constraint_violated', 'A Z-Wave user code has 4 to 10 characters', { rule: 'supported_code_lengths' });
  }
  count();
  const result = await run(node, slot, 'Setting the code', () => node.commandClasses['User Code'].set(slot, UserIDStatus.Enabled, pin));
  assertConfirmed(result, node, slot, 'set the code');
}

/** Empties a slot (status available). */
export async function clearUserCode(node: ZWaveNode, slot: number, count: () => void = noCount): Promise<void> {
  assertSlot(node, slot);
  count();
  const result = await run(node, slot, 'Clearing the code', () => node.commandClasses['User Code'].clear(slot));
  assertConfirmed(result, node, slot, 'clear the code');
}

/** Reads one slot from the lock itself; null when the lock did not answer (zwave-js gives undefined or ZW0204). */
export async function readUserCode(node: ZWaveNode, slot: number, count: () => void = noCount): Promise<SlotReading | null> {
  assertSlot(node, slot);
  count();
  try {
    const report = await node.commandClasses['User Code'].get(slot);
    return report ? toSlotReading(slot, report.userIdStatus, report.userCode) : null;
  } catch (e) {
    const error = toCodedError(e, { action: 'Reading the code', nodeId: node.id, isNodeDead: isDead(node) });
    if (error.code === 'lock.no_answer' || error.code === 'lock.offline') return null;
    throw error;
  }
}

function toSlotReading(slot: number, status: number | undefined, code: unknown): SlotReading {
  const text = typeof code === 'string' ? code : code instanceof Uint8Array ? Buffer.from(code).toString('ascii') : '';
  const name: SlotReading['status'] =
    status === UserIDStatus.Available
      ? 'available'
      : status === UserIDStatus.Enabled
        ? 'enabled'
        : status === UserIDStatus.Disabled
          ? 'disabled'
          : 'unknown';
  return { slot, status: name, code: name === 'available' || text === '' ? null : text };
}

function assertSlot(node: ZWaveNode, slot: number): void {
  const count = node.getValue<number>(UserCodeCCValues.supportedUsers.id);
  if (!Number.isInteger(slot) || slot < 1 || (typeof count === 'number' && slot > count)) {
    throw new CodedError('lock.unsupported', `Lock ${node.id} has no slot ${slot}`, { nodeId: node.id, slot });
  }
}

/**
 * A lock that supports Supervision confirms every Set it carried out with a Supervision Report; zwave-js gives
 * `undefined` when none came back (the Set or its report was lost on the air). That is no answer — the command may or
 * may not have reached the lock — never an acknowledgement: taken as one, an empty read-back afterwards would look
 * like the lock refusing the PIN.
 */
function assertConfirmed(result: { status: SupervisionStatus } | undefined, node: ZWaveNode, slot: number, what: string): void {
  if (result === undefined && node.supportsCC(CommandClasses.Supervision)) {
    throw new CodedError('lock.no_answer', `Lock ${node.id} did not confirm that it would ${what} in slot ${slot} (no Supervision Report)`, { nodeId: node.id, slot });
  }
  assertNotRefused(result?.status, node, slot, what);
}

function assertNotRefused(status: SupervisionStatus | undefined, node: ZWaveNode, slot: number, what: string): void {
  if (status === SupervisionStatus.Fail || status === SupervisionStatus.NoSupport) {
    throw new CodedError('lock.failed', `Lock ${node.id} refused to ${what} in slot ${slot}`, { nodeId: node.id, slot });
  }
}

async function run<T>(node: ZWaveNode, slot: number, action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw toCodedError(e, { action: `${action} in slot ${slot}`, nodeId: node.id, isNodeDead: isDead(node) });
  }
}

function isDead(node: ZWaveNode): boolean {
  return node.status === NodeStatus.Dead;
}

/**
 * Reads the lock's User Code Checksum (User Code CC v2). Null when the lock has no checksum support (v1, or v2 without
 * the capability: nothing is sent) or did not answer. `count` is called only when a command is sent.
 */
export async function readUserCodeChecksum(node: ZWaveNode, count: () => void): Promise<number | null> {
  if (!supportsChecksum(node)) return null;
  count();
  try {
    const checksum = await node.commandClasses['User Code'].getUserCodeChecksum();
    return typeof checksum === 'number' ? checksum : null;
  } catch (e) {
    const error = toCodedError(e, { action: 'Reading the code checksum', nodeId: node.id, isNodeDead: isDead(node) });
    if (error.code === 'lock.no_answer' || error.code === 'lock.offline' || error.code === 'lock.unsupported') return null;
    throw error;
  }
}

/** User Code CC v2+ with the checksum capability (from the interview's Capabilities Report). */
export function supportsChecksum(node: ZWaveNode): boolean {
  return (
    node.getCCVersion(CommandClasses['User Code']) >= 2 && node.getValue<boolean>(UserCodeCCValues.supportsUserCodeChecksum.id) === true
  );
}
