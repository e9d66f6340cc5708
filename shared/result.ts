import type { ErrorCode } from './error-codes';

/** A failure that crosses a layer or process boundary: stable code for logic and tests, words for people. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. `{ rule: 'supported_code_lengths' }` for a refused PIN. Never a PIN or key. */
  details?: Record<string, string | number | boolean | null>;
}

/** Every IPC answer: a value or an error, never a thrown exception across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an error code and message as a failed result. */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  details?: AppError['details'],
): Result<T> => ({ ok: false, error: details ? { code, message, details } : { code, message } });

/**
 * An Error that carries a stable code, thrown inside the main process and turned into a failed Result at the IPC edge.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = 'CodedError';
  }

  /** The serialisable form sent over IPC. */
  toAppError(): AppError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** True when `e` is a CodedError (also across realms, by shape). */
export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'CodedError');
}
