import type { AccessCodeErrorCode } from '../../../shared/domain/access-code';
import { isCodedError } from '../../../shared/result';
import type { LockNetwork, SlotReading } from '../zwave/lock-network';

/**
 * The outcome of one attempt on a lock, as the queue needs it: confirmed by the lock, a failure that can pass
 * (retry later; `mayHaveReached` when the command may have arrived although unconfirmed), or one that cannot.
 */
export type AttemptOutcome =
  | { kind: 'confirmed'; proof: 'read_back' | 'slot_status' | 'already_there' | 'not_ours' | 'checksum' }
  | { kind: 'transient'; message: string; mayHaveReached: boolean; refusedByLock?: boolean }
  | { kind: 'permanent'; error: AccessCodeErrorCode; message: string };

/** How a reading relates to the PIN we want in the slot. A masking lock is judged by slot status. */
function judge(reading: SlotReading, pin: string): 'match' | 'masked' | 'other_code' | 'empty' {
  if (reading.status !== 'enabled' && reading.status !== 'disabled') return 'empty';
  if (reading.code === pin) return 'match';
  if (reading.code === null || /^\*+$/.test(reading.code)) return 'masked';
  return 'other_code';
}

function words(error: unknown): { message: string; mayHaveReached: boolean; transient: boolean } {
  if (!isCodedError(error)) return { message: 'an unexpected error', mayHaveReached: true, transient: true };
  switch (error.code) {
    case 'zwave.no_answer':
      return { message: 'the lock did not answer', mayHaveReached: true, transient: true };
    case 'zwave.node_dead':
      return { message: 'the lock is not reachable', mayHaveReached: false, transient: true };
    case 'zwave.nak':
      return { message: 'the controller refused the command', mayHaveReached: false, transient: true };
    case 'transport.disconnected':
    case 'zwave.not_ready':
    case 'site.not_connected':
      return { message: 'the controller is not connected', mayHaveReached: true, transient: true };
    default:
      return { message: error.message, mayHaveReached: false, transient: false };
  }
}

async function read(network: LockNetwork, nodeId: number, slot: number): Promise<SlotReading | null> {
  try {
    return await network.readCode(nodeId, slot);
  } catch {
    return null;
  }
}

/**
 * One attempt to put `pin` in `slot`, proven by reading the slot back. When the previous attempt may have reached
 * the lock (`readFirst`), the slot is read before anything is sent: a code that landed is never sent twice.
 */
export async function attemptSet(network: LockNetwork, nodeId: number, slot: number, pin: string, readFirst: boolean): Promise<AttemptOutcome> {
  if (readFirst) {
    const before = await read(network, nodeId, slot);
    const verdict = before && judge(before, pin);
    if (verdict === 'match' || verdict === 'masked') return { kind: 'confirmed', proof: 'already_there' };
  }
  let failure: ReturnType<typeof words> | null = null;
  try {
    await network.setCode(nodeId, slot, pin);
  } catch (error) {
    failure = words(error);
    if (!failure.transient) return { kind: 'permanent', error: 'failed_to_set_on_device', message: failure.message };
  }
  const after = await read(network, nodeId, slot);
  if (!after) return { kind: 'transient', message: failure?.message ?? 'the lock did not answer the read-back', mayHaveReached: true };
  const verdict = judge(after, pin);
  if (verdict === 'match') return { kind: 'confirmed', proof: 'read_back' };
  if (verdict === 'masked') return { kind: 'confirmed', proof: 'slot_status' };
  if (verdict === 'other_code') {
    return { kind: 'permanent', error: 'failed_to_set_on_device', message: `Slot ${slot} holds a code Lockbench did not put there; it was not overwritten.` };
  }
  return failure
    ? { kind: 'transient', message: failure.message, mayHaveReached: false }
    : // A lock that refuses a PIN (e.g. as a duplicate of one it holds) acknowledges and keeps the slot empty; so can
      // a stale report on a bad radio. Tried again a few times, then stopped (see applyOutcome): no endless retries.
      { kind: 'transient', message: 'the lock accepted the command but kept the slot empty (it may refuse this PIN, e.g. as a duplicate)', mayHaveReached: false, refusedByLock: true };
}

/**
 * One attempt to empty `slot` of OUR code, proven by reading it back as available. The slot is read first: a slot
 * that is already empty needs nothing, and one that now holds somebody else's code is never touched.
 */
export async function attemptClear(network: LockNetwork, nodeId: number, slot: number, pin: string): Promise<AttemptOutcome> {
  const before = await read(network, nodeId, slot);
  if (!before) return { kind: 'transient', message: 'the lock did not answer', mayHaveReached: false };
  const verdict = judge(before, pin);
  if (verdict === 'empty') return { kind: 'confirmed', proof: 'already_there' };
  if (verdict === 'other_code') return { kind: 'confirmed', proof: 'not_ours' };
  let failure: ReturnType<typeof words> | null = null;
  try {
    await network.clearCode(nodeId, slot);
  } catch (error) {
    failure = words(error);
    if (!failure.transient) return { kind: 'permanent', error: 'failed_to_remove_from_device', message: failure.message };
  }
  const after = await read(network, nodeId, slot);
  if (after?.status === 'available') return { kind: 'confirmed', proof: 'read_back' };
  if (!after) return { kind: 'transient', message: failure?.message ?? 'the lock did not answer the read-back', mayHaveReached: true };
  return { kind: 'transient', message: failure?.message ?? 'the slot still holds the code', mayHaveReached: false };
}
