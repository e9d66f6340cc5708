import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation, OperationKind, OperationReason } from '../../../shared/domain/operation';
import { applyTransition, isNameOnly, type CodeTransition } from '../records/code-records';
import type { AttemptOutcome } from '../ports/lock-port';

/** How the queue retries: backoff per attempt, when a code gets its error, when it gets the delay warning. */
export interface RetryRules {
  /** Wait before the next try after `attempts` failed tries. */
  backoffMs(attempts: number): number;
  /** The same, when the lock answered in the failed try (a command lost on the air, the lock is there): shorter. */
  lostOnAirBackoffMs?(attempts: number): number;
  /** After this many failed tries the code shows failed_to_set_on_device (the queue keeps trying). */
  errorAfterAttempts: number;
  /** A code `setting` for longer than this gets the delay_in_setting_on_device warning. */
  delayWarningMs: number;
}

/** 2 s, 5 s, 15 s, 30 s, 1 min, then every 5 min while the door's lock is connected. */
export const defaultRetryRules: RetryRules = {
  backoffMs: (attempts) => [2_000, 5_000, 15_000, 30_000, 60_000][attempts - 1] ?? 300_000,
  lostOnAirBackoffMs: (attempts) => [250, 500, 1_000, 2_000, 5_000][attempts - 1] ?? 15_000,
  errorAfterAttempts: 3,
  delayWarningMs: 60_000,
};

/** A new queued operation, waiting, not before `notBefore` (null = as soon as the lock is there). */
export function newOperation(input: { id: string; code: AccessCode; kind: OperationKind; reason: OperationReason; notBefore: Date | null; at: Date; runId?: string | null }): Operation {
  const at = input.at.toISOString();
  return {
    operation_id: input.id,
    access_code_id: input.code.access_code_id,
    door_id: input.code.door_id,
    kind: input.kind,
    state: 'waiting',
    attempts: 0,
    reason: input.reason,
    not_before: input.notBefore?.toISOString() ?? null,
    is_ambiguous: false,
    last_error: null,
    created_at: at,
    updated_at: at,
    run_id: input.runId ?? null,
  };
}

/** The code's new state after its set_code operation was confirmed by the lock. */
function confirmedSet(code: AccessCode, now: Date): CodeTransition {
  const isEarly = code.type === 'time_bound' && code.starts_at !== null && now < new Date(code.starts_at);
  return isEarly
    ? { status: 'unset', event: 'access_code.scheduled_on_device', clearIssues: true }
    : { status: 'set', event: 'access_code.set_on_device', clearIssues: true };
}

/** What the queue knew when the attempt began, beyond the outcome itself. */
export interface AttemptContext {
  /** The operation may have reached the lock BEFORE this attempt (its on-air mark is undone if this one sent nothing). */
  wasAmbiguous: boolean;
  /**
   * When the lock refuses this PIN and nothing says which lengths it takes, the words that stop the code at the first
   * refusal (code_constraints_violated) instead of retrying; null to retry as usual.
   */
  stopOnRefusal?: string | null;
}

/**
 * The code found its slot holding somebody else's code (nothing was sent): it moves to `newSlot` and its operation
 * runs again at once, or — no free slot left — both stop with `no_space_for_access_code_on_device`.
 */
export function moveToAnotherSlot(op: Operation, code: AccessCode, newSlot: number | null, now: Date, wasAmbiguous: boolean): void {
  op.updated_at = now.toISOString();
  op.is_ambiguous = wasAmbiguous;
  if (newSlot !== null) {
    code.slot = newSlot;
    code.updated_at = now.toISOString();
    op.not_before = null;
    return;
  }
  const message = 'Every free slot on this lock holds a code Lockbench did not create; none was overwritten. Remove a code first.';
  op.state = 'failed';
  op.last_error = { code: 'codes.no_free_slot', message };
  applyTransition(code, { status: 'unset', event: 'access_code.failed_to_set_on_device', error: { code: 'no_space_for_access_code_on_device', message } }, now);
}

/**
 * Applies an attempt's outcome to the operation and its code, in place (inside one durable store update):
 *   confirmed ─▶ op done, code set (or scheduled) / removed
 *   transient ─▶ op waiting with backoff (ambiguous if it may have landed); code error after N tries, warning if slow
 *   permanent ─▶ op failed, code carries the Seam error
 */
export function applyOutcome(op: Operation, code: AccessCode, outcome: AttemptOutcome, now: Date, rules: RetryRules, context: AttemptContext): void {
  const isSet = op.kind === 'set_code';
  op.updated_at = now.toISOString();
  if (outcome.kind === 'slot_taken') throw new Error('slot_taken is applied with moveToAnotherSlot');
  if (outcome.kind === 'confirmed') {
    // A lock that gives each code its own id (Nuki) told us where the code lives.
    if (outcome.slot !== undefined && isSet) code.slot = outcome.slot;
    op.state = 'done';
    op.last_error = null;
    op.is_ambiguous = false;
    if (isNameOnly(op)) {
      // The lock now shows the new name; the code was working all along: only its proof is fresher.
      if (outcome.proof) Object.assign(code, { verified_at: now.toISOString(), verified_by: outcome.proof });
      return;
    }
    applyTransition(code, isSet ? confirmedSet(code, now) : { status: 'unset', isRemoved: true, event: 'access_code.removed_from_device', clearIssues: true }, now);
    if (isSet && outcome.proof) {
      code.verified_at = now.toISOString();
      code.verified_by = outcome.proof;
    }
    return;
  }
  op.attempts += 1;
  const errorCode = isSet ? 'failed_to_set_on_device' : 'failed_to_remove_from_device';
  const event = isSet ? 'access_code.failed_to_set_on_device' : 'access_code.failed_to_remove_from_device';
  if (outcome.kind === 'transient' && outcome.refusedByLock && context.stopOnRefusal) {
    outcome = { kind: 'permanent', error: 'code_constraints_violated', message: context.stopOnRefusal };
  } else if (outcome.kind === 'transient' && outcome.refusedByLock && op.attempts >= rules.errorAfterAttempts) {
    outcome = { kind: 'permanent', error: 'failed_to_set_on_device', message: `Refused by the lock ${op.attempts} times: ${outcome.message}.` };
  }
  if (outcome.kind === 'permanent') {
    op.state = 'failed';
    op.is_ambiguous = context.wasAmbiguous;
    op.last_error = { code: outcome.error, message: outcome.message };
    // A new name that did not reach the lock leaves a working code working: the queue panel says what failed.
    if (isNameOnly(op)) return;
    applyTransition(code, { status: isSet ? 'unset' : 'set', event, error: { code: outcome.error, message: outcome.message } }, now);
    return;
  }
  const wait = outcome.lockAnswered && rules.lostOnAirBackoffMs ? rules.lostOnAirBackoffMs(op.attempts) : rules.backoffMs(op.attempts);
  op.state = 'waiting';
  op.is_ambiguous = context.wasAmbiguous || outcome.mayHaveReached;
  op.not_before = new Date(now.getTime() + wait).toISOString();
  op.last_error = { code: 'transient', message: outcome.message };
  if (isNameOnly(op)) return;
  const slow = isSet && now.getTime() - new Date(op.created_at).getTime() >= rules.delayWarningMs;
  if (slow && !code.warnings.some((w) => w.error_code === 'delay_in_setting_on_device')) {
    applyTransition(code, { event: 'access_code.delay_in_setting_on_device', warning: { code: 'delay_in_setting_on_device', message: 'The lock is taking longer than usual to confirm this code.' } }, now);
  }
  if (op.attempts === rules.errorAfterAttempts) {
    const message = `Not confirmed after ${op.attempts} tries: ${outcome.message}. Lockbench keeps trying while the lock is connected.`;
    applyTransition(code, { event, error: { code: errorCode, message } }, now);
  }
}
