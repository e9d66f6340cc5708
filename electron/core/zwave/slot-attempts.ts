import { describeFailure } from '../ports/lock-failures';
import { hidesPin, type AttemptOutcome, type SlotReading } from '../ports/lock-port';
import type { LockNetwork } from './lock-network';

/*
 * One slot's attempts on a Z-Wave lock: read the slot, Set only into a slot proven free, read back.
 */

/**
 * What one attempt works with. `onAir` must resolve true before the first command that changes the lock is sent: it
 * records durably that the operation may reach the lock (false: the operation was withdrawn meanwhile — send nothing).
 */
export interface AttemptTarget {
  network: LockNetwork;
  nodeId: number;
  onAir: () => Promise<boolean>;
}

/** How a reading relates to the PIN we want in the slot. A masking lock only shows that the slot is occupied. */
export type SlotVerdict = 'match' | 'masked' | 'other_code' | 'empty';

/** Judges a slot reading against our PIN. */
export function judgeSlot(reading: SlotReading, pin: string): SlotVerdict {
  if (reading.status !== 'enabled' && reading.status !== 'disabled') return 'empty';
  if (reading.code === pin) return 'match';
  if (hidesPin(reading.code)) return 'masked';
  return 'other_code';
}

/** Reads one slot; null when the lock did not answer (never throws). */
export async function readSlot(network: LockNetwork, nodeId: number, slot: number): Promise<SlotReading | null> {
  try {
    return await network.readCode(nodeId, slot);
  } catch {
    return null;
  }
}

const NOT_ANSWERING: AttemptOutcome = { kind: 'transient', message: 'the lock is not answering', mayHaveReached: false };
const WITHDRAWN: AttemptOutcome = { kind: 'transient', message: 'the change was withdrawn before it was sent', mayHaveReached: false };

/**
 * Decides from a fresh reading of the slot whether our Set may go there. A code that is already there (ours, after a
 * Set whose answer was lost) is confirmed; a slot holding another PIN — or, on a masking lock, any code when ours
 * cannot have reached it — is never written: `slot_taken`. Null: the slot is free, go ahead.
 */
export function decideBeforeSet(before: SlotReading, slot: number, pin: string, mayBeThere: boolean): AttemptOutcome | null {
  const verdict = judgeSlot(before, pin);
  if (verdict === 'match') return { kind: 'confirmed', proof: 'read_back' };
  if (verdict === 'masked' && mayBeThere) return { kind: 'confirmed', proof: 'slot_status' };
  if (verdict === 'masked' || verdict === 'other_code') {
    return { kind: 'slot_taken', slot, message: `Slot ${slot} holds a code Lockbench did not create; it was left alone.` };
  }
  return null;
}

/** Sends the Set and proves it by reading the slot back. Only call for a slot proven free (or holding this code). */
export async function setAndReadBack(target: AttemptTarget, slot: number, pin: string): Promise<AttemptOutcome> {
  const { network, nodeId } = target;
  let failure: ReturnType<typeof describeFailure> | null = null;
  try {
    await network.setCode(nodeId, slot, pin);
  } catch (error) {
    failure = describeFailure(error);
    if (!failure.transient) return { kind: 'permanent', error: 'failed_to_set_on_device', message: failure.message };
  }
  const after = await readSlot(network, nodeId, slot);
  if (!after) return { kind: 'transient', message: failure?.message ?? 'the lock did not confirm the code (no read-back)', mayHaveReached: true };
  const verdict = judgeSlot(after, pin);
  if (verdict === 'match') return { kind: 'confirmed', proof: 'read_back' };
  if (verdict === 'masked') return { kind: 'confirmed', proof: 'slot_status' };
  if (verdict === 'other_code') {
    return { kind: 'permanent', error: 'failed_to_set_on_device', message: `Slot ${slot} reads back another code; it was not overwritten.` };
  }
  return failure
    ? // The Set went unconfirmed but the read-back came: lost on the air, not a lock gone.
      { kind: 'transient', message: failure.message, mayHaveReached: false, lockAnswered: true }
    : // A lock that refuses a PIN (wrong length, a duplicate of one it holds) acknowledges and keeps the slot empty.
      { kind: 'transient', message: 'the lock accepted the command but kept the slot empty (it may refuse this PIN)', mayHaveReached: false, refusedByLock: true };
}

/**
 * One attempt to put `pin` in `slot`: the slot is read first, every time — a Set only goes to a slot proven free
 * (see decideBeforeSet), so a code typed at the keypad after the last read is never overwritten. `mayBeThere`: an
 * earlier attempt may have landed (then a masked occupied slot counts as ours).
 */
export async function attemptSet(target: AttemptTarget, slot: number, pin: string, mayBeThere: boolean): Promise<AttemptOutcome> {
  const before = await readSlot(target.network, target.nodeId, slot);
  if (!before) return NOT_ANSWERING;
  const decided = decideBeforeSet(before, slot, pin, mayBeThere);
  if (decided) return decided;
  if (!(await target.onAir())) return WITHDRAWN;
  return setAndReadBack(target, slot, pin);
}

/**
 * One attempt to empty `slot` of OUR code, proven by reading it back as available. The slot is read first: a slot
 * that is already empty needs nothing, and one that now holds somebody else's code is never touched.
 */
export async function attemptClear(target: AttemptTarget, slot: number, pin: string): Promise<AttemptOutcome> {
  const { network, nodeId } = target;
  const before = await readSlot(network, nodeId, slot);
  if (!before) return NOT_ANSWERING;
  const verdict = judgeSlot(before, pin);
  if (verdict === 'empty' || verdict === 'other_code') return { kind: 'confirmed', proof: null };
  if (!(await target.onAir())) return WITHDRAWN;
  let failure: ReturnType<typeof describeFailure> | null = null;
  try {
    await network.clearCode(nodeId, slot);
  } catch (error) {
    failure = describeFailure(error);
    if (!failure.transient) return { kind: 'permanent', error: 'failed_to_remove_from_device', message: failure.message };
  }
  const after = await readSlot(network, nodeId, slot);
  if (after?.status === 'available') return { kind: 'confirmed', proof: 'read_back' };
  if (!after) return { kind: 'transient', message: failure?.message ?? 'the lock did not confirm the removal (no read-back)', mayHaveReached: true };
  return { kind: 'transient', message: failure?.message ?? 'the slot still holds the code', mayHaveReached: false, lockAnswered: failure !== null };
}
