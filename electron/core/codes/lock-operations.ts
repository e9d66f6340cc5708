import type { AccessCodeErrorCode } from '../../../shared/domain/access-code';
import { isCodedError } from '../../../shared/result';
import type { LockNetwork, SlotReading } from '../zwave/lock-network';

/** How hard to try before giving up on a lock that does not confirm. */
export interface RetryPolicy {
  attempts: number;
  /** Wait before attempt n+1 (n from 1). */
  backoffMs: (attempt: number) => number;
  sleep: (ms: number) => Promise<void>;
}

/** Default: three tries, 0.5 s then 1.5 s apart. */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 3,
  backoffMs: (n) => 500 * 3 ** (n - 1),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What the lock confirmed, or why it could not be confirmed. */
export type LockOutcome =
  | { ok: true; proof: 'read_back' | 'slot_status' }
  | { ok: false; error: AccessCodeErrorCode; message: string };

/** True when a reading shows the PIN in the slot; a lock that masks PINs is judged by slot status. */
function confirmsPin(reading: SlotReading, pin: string): 'read_back' | 'slot_status' | 'other_code' | null {
  if (reading.status !== 'enabled' && reading.status !== 'disabled') return null;
  if (reading.code === pin) return 'read_back';
  if (reading.code === null || /^\*+$/.test(reading.code)) return 'slot_status';
  return 'other_code';
}

function describe(error: unknown): string {
  if (isCodedError(error)) {
    if (error.code === 'zwave.no_answer') return 'the lock did not answer';
    if (error.code === 'zwave.node_dead') return 'the lock is not reachable (marked dead)';
    if (error.code === 'zwave.nak') return 'the controller refused the command';
    return error.message;
  }
  return 'an unexpected error';
}

async function readSafely(network: LockNetwork, nodeId: number, slot: number): Promise<SlotReading | null> {
  try {
    return await network.readCode(nodeId, slot);
  } catch {
    return null;
  }
}

/**
 * Puts a PIN in a slot and proves it by reading the slot back. A failed Set may still have reached the lock (the
 * acknowledgement can be lost), so every attempt is followed by a read: a code that did land is never sent again.
 * Re-sending after an unanswered read is safe: the same PIN into the same slot we allocated is idempotent.
 */
export async function setAndVerify(network: LockNetwork, nodeId: number, slot: number, pin: string, policy: RetryPolicy): Promise<LockOutcome> {
  let reason = 'the lock did not confirm the code';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let sent = true;
    try {
      await network.setCode(nodeId, slot, pin);
    } catch (error) {
      sent = false;
      reason = describe(error);
    }
    const reading = await readSafely(network, nodeId, slot);
    const verdict = reading && confirmsPin(reading, pin);
    if (verdict === 'read_back' || verdict === 'slot_status') return { ok: true, proof: verdict };
    if (verdict === 'other_code') {
      return { ok: false, error: 'failed_to_set_on_device', message: `Slot ${slot} holds a different code; nothing was overwritten.` };
    }
    if (reading && sent) reason = 'the lock accepted the command but kept the slot empty';
    if (attempt < policy.attempts) await policy.sleep(policy.backoffMs(attempt));
  }
  return { ok: false, error: 'failed_to_set_on_device', message: `Not confirmed after ${policy.attempts} attempts: ${reason}.` };
}

/** Empties a slot and proves it by reading it back, with the same care as setAndVerify. */
export async function clearAndVerify(network: LockNetwork, nodeId: number, slot: number, policy: RetryPolicy): Promise<LockOutcome> {
  let reason = 'the lock did not confirm the removal';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let sent = true;
    try {
      await network.clearCode(nodeId, slot);
    } catch (error) {
      sent = false;
      reason = describe(error);
    }
    const reading = await readSafely(network, nodeId, slot);
    if (reading?.status === 'available') return { ok: true, proof: 'read_back' };
    if (reading && sent) reason = 'the slot still holds a code';
    if (attempt < policy.attempts) await policy.sleep(policy.backoffMs(attempt));
  }
  return { ok: false, error: 'failed_to_remove_from_device', message: `Removal not confirmed after ${policy.attempts} attempts: ${reason}.` };
}
