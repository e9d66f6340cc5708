import { isCodedError } from '../../../shared/result';

/** What a failed lock command means for the queue: its words, whether it may have reached the lock, whether it can pass. */
export interface LockFailure {
  message: string;
  /** The command may have arrived although no answer said so: read the lock before sending it again. */
  mayHaveReached: boolean;
  /** Retrying later can succeed (the lock was away, busy, the link dropped); false for a refusal. */
  transient: boolean;
}

/** Reads any failure of a lock command by its `lock.*` / `transport.*` code (each driver maps its own errors to these). */
export function describeFailure(error: unknown): LockFailure {
  if (!isCodedError(error)) return { message: 'an unexpected error', mayHaveReached: true, transient: true };
  switch (error.code) {
    case 'lock.no_answer':
      return { message: 'the lock is not answering', mayHaveReached: true, transient: true };
    case 'lock.connection_lost':
      return { message: 'the connection to the lock dropped', mayHaveReached: true, transient: true };
    case 'lock.protocol_error':
      return { message: 'the lock did not understand the message', mayHaveReached: true, transient: true };
    case 'lock.offline':
      return { message: 'the lock is not answering', mayHaveReached: false, transient: true };
    case 'lock.busy':
      return { message: 'the lock is busy', mayHaveReached: false, transient: true };
    case 'lock.not_sent':
      return { message: 'the controller refused the command', mayHaveReached: false, transient: true };
    case 'transport.disconnected':
    case 'lock.not_ready':
    case 'site.not_connected':
      return { message: 'the controller is not connected', mayHaveReached: true, transient: true };
    default:
      return { message: error.message, mayHaveReached: false, transient: false };
  }
}
