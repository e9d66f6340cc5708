import WebSocket from 'ws';
import type { WireMessage } from '../../shared/bridge';
import type { EventChannel, EventOf, PayloadOf, RequestChannel, ValueOf } from '../../shared/contract';
import type { Result } from '../../shared/result';

/**
 * A typed client for the browser host's WebSocket, the way the renderer talks to it: the token from the page URL's
 * fragment offered as the `token.<token>` subprotocol next to `lockbench`, and the page's Origin header.
 *
 *   request(channel, payload) ──{kind:'request',id}──▶ host ──{kind:'response',id,result}──▶ Result
 *   on(channel, listener)     ◀──{kind:'event',channel,payload}── host (every change the services push)
 *
 * Requests still in flight when the socket closes (the host was killed) resolve with `ipc.disconnected`-like failures
 * instead of hanging, so a test can tell "acknowledged" from "never answered".
 */
export interface HostClient {
  request<C extends RequestChannel>(channel: C, payload: PayloadOf<C>): Promise<Result<ValueOf<C>>>;
  /** Like request, but throws with the error code when the result is not ok. */
  call<C extends RequestChannel>(channel: C, payload: PayloadOf<C>): Promise<ValueOf<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
  /** True until the socket closes. */
  isOpen(): boolean;
  close(): void;
}

/** The code a request gets when the socket closed before its answer arrived (not a contract code: test-side only). */
export const NO_ANSWER = 'client.no_answer';

/** True when a request got no answer because the socket closed (the host was killed), as opposed to a refusal. */
export function isNoAnswer(result: Result<unknown>): boolean {
  return !result.ok && (result.error.code as string) === NO_ANSWER;
}

/** Connects to the browser host at `pageUrl` (as printed: `http://127.0.0.1:<port>/#token=<token>`). */
export async function connectHostClient(pageUrl: string): Promise<HostClient> {
  const url = new URL(pageUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (!token) throw new Error(`no token in ${pageUrl}`);
  const socket = await new Promise<WebSocket>((resolve, reject) => {
    const s = new WebSocket(`${url.origin.replace(/^http/, 'ws')}/ipc`, ['lockbench', `token.${token}`], { headers: { Origin: url.origin } });
    s.once('open', () => resolve(s));
    s.once('error', reject);
    s.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
  });

  let nextId = 1;
  let isOpen = true;
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  socket.on('message', (data: WebSocket.RawData) => {
    let message: WireMessage;
    try {
      message = JSON.parse(data.toString()) as WireMessage;
    } catch {
      return;
    }
    if (message.kind === 'response') {
      const done = waiting.get(message.id);
      waiting.delete(message.id);
      done?.(message.result as Result<unknown>);
    } else if (message.kind === 'event') {
      listeners.get(message.channel)?.forEach((l) => l(message.payload));
    }
  });
  const closed = () => {
    isOpen = false;
    for (const done of waiting.values()) done({ ok: false, error: { code: NO_ANSWER as never, message: 'the socket closed before an answer' } });
    waiting.clear();
  };
  socket.on('close', closed);
  socket.on('error', () => undefined);

  const request = <C extends RequestChannel>(channel: C, payload: PayloadOf<C>): Promise<Result<ValueOf<C>>> =>
    new Promise((resolve) => {
      if (!isOpen) return resolve({ ok: false, error: { code: NO_ANSWER as never, message: 'the socket is closed' } });
      const id = nextId++;
      waiting.set(id, resolve as (result: Result<unknown>) => void);
      const message: WireMessage = { kind: 'request', id, channel, payload };
      socket.send(JSON.stringify(message), (error) => {
        if (error && waiting.delete(id)) resolve({ ok: false, error: { code: NO_ANSWER as never, message: error.message } });
      });
    });

  return {
    request,
    async call(channel, payload) {
      const result = await request(channel, payload);
      if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}: ${result.error.message}`), { code: result.error.code });
      return result.value;
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    isOpen: () => isOpen,
    close() {
      socket.close();
    },
  };
}
