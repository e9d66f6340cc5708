import type { z } from 'zod';
import { events, requests } from '../../../../shared/contract';
import type { EventChannel, EventOf, RequestChannel, ValueOf } from '../../../../shared/contract';
import { errorCodeSchema } from '../../../../shared/error-codes';
import type { AppError, Result } from '../../../../shared/result';

/**
 * Checks everything that arrives from the main process against the contract, whichever transport carried it.
 * A mismatch becomes an error result (responses) or is dropped (events); either way the screen never works on a
 * half-understood payload. Reports name the channel and the paths that failed, never the values (a PIN may be one).
 */

/** Where a malformed answer or event is reported (defaults to a console warning without payload values). */
export type MismatchReporter = (what: string, problems: string[]) => void;

/** Default reporter: channel and failing paths only. */
export const warnMismatch: MismatchReporter = (what, problems) => {
  console.warn(`Lockbench: ignored a malformed ${what}: ${problems.join('; ')}`);
};

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badAnswer(channel: string, problems: string[], report: MismatchReporter): Result<never> {
  report(`answer on ${channel}`, problems);
  return {
    ok: false,
    error: { code: 'ipc.internal', message: `The answer on ${channel} did not match the contract.`, details: { channel } },
  };
}

function parseError(raw: unknown): AppError | null {
  if (!isRecord(raw) || typeof raw.message !== 'string') return null;
  const code = errorCodeSchema.safeParse(raw.code);
  if (!code.success) return null;
  const error: AppError = { code: code.data, message: raw.message };
  if (isRecord(raw.details)) {
    const details: NonNullable<AppError['details']> = {};
    for (const [key, value] of Object.entries(raw.details)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        details[key] = value as string | number | boolean | null;
      }
    }
    error.details = details;
  }
  return error;
}

/** Turns a raw answer for `channel` into a typed Result, or an `ipc.internal` error when it breaks the contract. */
export function parseResult<C extends RequestChannel>(
  channel: C,
  raw: unknown,
  report: MismatchReporter = warnMismatch,
): Result<ValueOf<C>> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return badAnswer(channel, ['(root): not a result'], report);
  if (!raw.ok) {
    const error = parseError(raw.error);
    return error ? { ok: false, error } : badAnswer(channel, ['error: not an app error'], report);
  }
  const parsed = requests[channel].value.safeParse(raw.value);
  if (!parsed.success) return badAnswer(channel, describeIssues(parsed.error), report);
  return { ok: true, value: parsed.data as ValueOf<C> };
}

/** Returns the typed event payload, or null (after reporting) when it breaks the contract. */
export function parseEvent<E extends EventChannel>(
  channel: E,
  raw: unknown,
  report: MismatchReporter = warnMismatch,
): EventOf<E> | null {
  const parsed = events[channel].safeParse(raw);
  if (parsed.success) return parsed.data as EventOf<E>;
  report(`event on ${channel}`, describeIssues(parsed.error));
  return null;
}

/** The error result every pending request gets when the link to the main process drops. */
export function disconnected<T>(message = 'The connection to Lockbench dropped before it answered.'): Result<T> {
  return { ok: false, error: { code: 'transport.disconnected', message } };
}
