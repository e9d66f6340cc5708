import type { AccessCodeErrorCode } from '../../../shared/domain/access-code';
import { isCodedError } from '../../../shared/result';
import { describeFailure } from '../ports/lock-failures';
import type { AttemptOutcome } from '../ports/lock-port';

/**
 * What a failed keypad-code command means for the attempt it belongs to, and for the rest of the batch:
 *
 *   the lock refused this code       duplicate · invalid · full         permanent; the batch goes on (full: the rest
 *                                                                         is refused too, without sending)
 *   the lock refused our security PIN                                    permanent for all; nothing more is sent
 *   the link dropped, no answer, busy, offline                           transient; the rest waits for the next attempt
 *   anything else the lock refused                                       permanent for this code
 */

/** How a failure affects the puts after it. */
export type BatchEffect = 'continue' | 'lock_full' | 'stop_permanent' | 'stop_transient';

/** A failure read for one put. */
export interface PutFailure {
  outcome: AttemptOutcome;
  effect: BatchEffect;
}

/** Words for a security PIN the lock refused; they say why Lockbench does not try again. */
export const SECURITY_PIN_REFUSED =
  "The lock refused Lockbench's security PIN. Enter the lock's security PIN again for this lock; Lockbench does not " +
  'retry on its own, because repeated wrong PINs lock the lock.';

const PERMANENT: Readonly<Record<string, { error: AccessCodeErrorCode; message: string; effect: BatchEffect }>> = {
  'lock.duplicate_code': {
    error: 'duplicate_code_on_device',
    message: 'The lock already holds this PIN (a Nuki lock keeps each PIN once); choose another PIN.',
    effect: 'continue',
  },
  'lock.code_refused': {
    error: 'code_constraints_violated',
    message: 'The lock refused the code: Nuki keypad codes are 6 digits 1–9, not starting with 12.',
    effect: 'continue',
  },
  'codes.constraint_violated': {
    error: 'code_constraints_violated',
    message: 'The code does not fit a Nuki keypad: 6 digits 1–9, not starting with 12.',
    effect: 'continue',
  },
  'lock.full': {
    error: 'no_space_for_access_code_on_device',
    message: 'The lock holds as many keypad codes as it can; remove a code from it first.',
    effect: 'lock_full',
  },
  'lock.bad_security_pin': { error: 'failed_to_set_on_device', message: SECURITY_PIN_REFUSED, effect: 'stop_permanent' },
  'lock.not_paired': {
    error: 'failed_to_set_on_device',
    message: 'The lock no longer knows Lockbench (its pairing was removed); pair it again.',
    effect: 'stop_permanent',
  },
};

/** Reads a failed Add Keypad Code. */
export function readPutFailure(error: unknown): PutFailure {
  const known = isCodedError(error) ? PERMANENT[error.code] : undefined;
  if (known) return { outcome: { kind: 'permanent', error: known.error, message: known.message }, effect: known.effect };
  const failure = describeFailure(error);
  if (failure.transient) {
    return { outcome: { kind: 'transient', message: failure.message, mayHaveReached: failure.mayHaveReached }, effect: 'stop_transient' };
  }
  return { outcome: { kind: 'permanent', error: 'failed_to_set_on_device', message: failure.message }, effect: 'continue' };
}

/** Reads a failed list that was to come before any add: nothing was sent, so the put may only wait or stop. */
export function readListFailureForPut(error: unknown): AttemptOutcome {
  const known = isCodedError(error) ? PERMANENT[error.code] : undefined;
  if (known?.effect === 'stop_permanent') return { kind: 'permanent', error: known.error, message: known.message };
  return { kind: 'transient', message: describeFailure(error).message, mayHaveReached: false };
}

/**
 * Reads a failure of a list or a removal for a removal's outcome. `wasSent`: the Remove itself went out (and may have
 * taken effect); otherwise nothing changed and the removal may only wait — or stop, when the lock refuses our PIN.
 */
export function readRemovalFailure(error: unknown, wasSent: boolean): AttemptOutcome {
  if (isCodedError(error) && (error.code === 'lock.bad_security_pin' || error.code === 'lock.not_paired')) {
    const message = error.code === 'lock.bad_security_pin' ? SECURITY_PIN_REFUSED : PERMANENT['lock.not_paired']!.message;
    return { kind: 'permanent', error: 'failed_to_remove_from_device', message };
  }
  const failure = describeFailure(error);
  if (!wasSent) return { kind: 'transient', message: failure.message, mayHaveReached: false };
  if (!failure.transient) return { kind: 'permanent', error: 'failed_to_remove_from_device', message: failure.message };
  return { kind: 'transient', message: failure.message, mayHaveReached: failure.mayHaveReached };
}

/** The outcome of a put the batch did not send, after a failure with `effect`. */
export function unsentOutcome(effect: BatchEffect, cause: AttemptOutcome): AttemptOutcome {
  if (effect !== 'stop_transient') return cause;
  const why = cause.kind === 'transient' ? cause.message : 'the lock stopped answering';
  return { kind: 'transient', message: `not sent: ${why}`, mayHaveReached: false };
}
