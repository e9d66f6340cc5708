import { isRequestChannel, requests, type RequestChannel } from '../../../shared/contract';
import { fail, isCodedError, ok, type Result } from '../../../shared/result';
import { describeIssuePaths, describeIssues } from './dispatcher-issues';
import type { RequestHandlers } from './handlers';

/**
 * Routes one untrusted request from any transport (Electron IPC, the browser host's WebSocket) to its handler.
 *
 *   (channel, payload) ─▶ known channel? ─▶ payload schema ─▶ handler ─▶ value schema (dev) ─▶ Result
 *                          │ no              │ no               │ throws
 *                          ▼                 ▼                  ▼
 *                   ipc.unknown_channel  ipc.invalid_request  CodedError → its code; anything else → ipc.internal
 *
 * Never throws, never logs a payload or a value (both may hold a PIN).
 */
export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/** Options for createDispatcher. */
export interface DispatcherOptions {
  /**
   * Check every handler's value against the channel's value schema and answer `ipc.internal` on a mismatch
   * (catches service bugs). Default: on unless NODE_ENV is `production`.
   */
  checkValues?: boolean;
}

/** A short channel name is safe to repeat in a message; anything else from an untrusted sender is not. */
const SAFE_CHANNEL = /^[A-Za-z][\w.-]{0,63}$/;

/** Creates the dispatcher over the service handlers. `log` receives one line per internal failure. */
export function createDispatcher(
  handlers: RequestHandlers,
  log: (line: string) => void = () => {},
  options: DispatcherOptions = {},
): Dispatch {
  const checkValues = options.checkValues ?? process.env.NODE_ENV !== 'production';

  return async function dispatch(channel, payload) {
    if (!isRequestChannel(channel)) {
      const named = typeof channel === 'string' && SAFE_CHANNEL.test(channel) ? ` "${channel}"` : '';
      return fail('ipc.unknown_channel', `Unknown request channel${named}.`);
    }
    const spec = requests[channel];

    let parsed: unknown;
    try {
      const result = spec.payload.safeParse(payload);
      if (!result.success) {
        return fail('ipc.invalid_request', `Invalid ${channel} request: ${describeIssues(result.error.issues)}.`);
      }
      parsed = result.data;
    } catch (error) {
      return internal(channel, 'payload check', error, log);
    }

    let value: unknown;
    try {
      value = await callHandler(handlers, channel, parsed);
    } catch (error) {
      if (isCodedError(error)) return { ok: false, error: error.toAppError() };
      return internal(channel, 'handler', error, log);
    }

    if (checkValues) {
      const checked = spec.value.safeParse(value);
      if (!checked.success) {
        log(`[ipc] ${channel}: handler returned a value outside the contract at ${describeIssuePaths(checked.error.issues)}`);
        return fail('ipc.internal', 'Lockbench hit an internal error; the action may not have completed.');
      }
    }
    return ok(value);
  };
}

/** Calls the channel's handler; the payload was parsed by that channel's own schema, so the cast is sound. */
function callHandler(handlers: RequestHandlers, channel: RequestChannel, payload: unknown): Promise<unknown> {
  const handler = handlers[channel] as (payload: unknown) => Promise<unknown>;
  if (typeof handler !== 'function') throw new Error(`No handler registered for ${channel}`);
  return Promise.resolve(handler(payload));
}

function internal(channel: RequestChannel, stage: string, error: unknown, log: (line: string) => void): Result<never> {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `non-error thrown (${typeof error})`;
  log(`[ipc] ${channel}: ${stage} failed: ${detail}`);
  return fail('ipc.internal', 'Lockbench hit an internal error; the action may not have completed.');
}
