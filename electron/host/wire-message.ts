import type { WireMessage } from '../../shared/bridge';
import type { Result } from '../../shared/result';

/** The largest frame the host accepts (also the WebSocket server's maxPayload). */
export const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * What an incoming WebSocket frame turned out to be:
 * - `request`: well-formed; the dispatcher still validates channel and payload.
 * - `invalid`: malformed, but its id is known, so the client gets an `ipc.invalid_request` response.
 * - `ignore`: malformed with no usable id (binary, not JSON, no id); nothing to answer.
 */
export type IncomingFrame =
  | { kind: 'request'; id: number; channel: string; payload: unknown }
  | { kind: 'invalid'; id: number; message: string }
  | { kind: 'ignore'; reason: string };

const REQUEST_KEYS = new Set(['kind', 'id', 'channel', 'payload']);

/** Parses one frame from a client. Pure, never throws; never puts frame content into reasons or messages. */
export function parseIncomingFrame(data: string | Uint8Array, isBinary: boolean): IncomingFrame {
  if (isBinary) return { kind: 'ignore', reason: 'binary frame' };
  const byteLength = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
  if (byteLength > MAX_FRAME_BYTES) return { kind: 'ignore', reason: 'frame too large' };
  const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');

  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'ignore', reason: 'not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { kind: 'ignore', reason: 'not an object' };
  }
  const fields = message as Record<string, unknown>;
  const id = fields.id;
  if (!isWireId(id)) return { kind: 'ignore', reason: 'no usable id' };
  if (fields.kind !== 'request') return { kind: 'invalid', id, message: 'Only request messages are accepted.' };
  if (typeof fields.channel !== 'string') return { kind: 'invalid', id, message: 'The request has no channel name.' };
  if (Object.keys(fields).some((key) => !REQUEST_KEYS.has(key))) {
    return { kind: 'invalid', id, message: 'The request has unexpected fields.' };
  }
  return { kind: 'request', id, channel: fields.channel, payload: fields.payload };
}

/** True for a request id: a non-negative safe integer. */
export function isWireId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The response frame for a request id. */
export function responseFrame(id: number, result: Result<unknown>): string {
  const message: WireMessage = { kind: 'response', id, result };
  return JSON.stringify(message);
}

/** The push frame for an event. */
export function eventFrame(channel: string, payload: unknown): string {
  const message: WireMessage = { kind: 'event', channel, payload };
  return JSON.stringify(message);
}
