import type { RawData, WebSocket } from 'ws';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../core/ipc/dispatcher';
import { createInFlightLimit } from '../core/ipc/in-flight-limit';
import { parseIncomingFrame, responseFrame } from './wire-message';

/**
 * Serves one authenticated WebSocket: each request frame goes through the dispatcher and is answered with a response
 * frame carrying the same id. Malformed frames are answered when their id is known and otherwise dropped; no input
 * can throw out of here; more than MAX_IN_FLIGHT requests at once are answered `ipc.busy`. Logs say what was wrong
 * with a frame, never what was in it.
 */
export function serveSocket(socket: WebSocket, dispatch: Dispatch, log: (line: string) => void): void {
  const limit = createInFlightLimit();

  socket.on('error', (error) => log(`[host] socket error: ${error.message}`));
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const frame = parseIncomingFrame(toBytes(data), isBinary);
    if (frame.kind === 'ignore') {
      log(`[host] ignored a frame: ${frame.reason}`);
      return;
    }
    if (frame.kind === 'invalid') {
      send(socket, responseFrame(frame.id, fail('ipc.invalid_request', frame.message)), log);
      return;
    }
    void limit
      .run(() => dispatch(frame.channel, frame.payload))
      .catch(() => fail('ipc.internal', 'Lockbench hit an internal error; the action may not have completed.'))
      .then((result) => send(socket, safeResponseFrame(frame.id, result, log), log));
  });
}

/** Sends a frame if the socket is still open; a failed send is logged, not thrown. */
export function send(socket: WebSocket, frame: string, log: (line: string) => void): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(frame, (error) => {
    if (error) log(`[host] send failed: ${error.message}`);
  });
}

/** A response frame; a value that cannot be serialised (BigInt, cycle) becomes `ipc.internal` instead of a throw. */
function safeResponseFrame(id: number, result: Result<unknown>, log: (line: string) => void): string {
  try {
    return responseFrame(id, result);
  } catch (error) {
    log(`[host] response could not be serialised: ${error instanceof Error ? error.message : typeof error}`);
    return responseFrame(id, fail('ipc.internal', 'Lockbench hit an internal error; the action may not have completed.'));
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
