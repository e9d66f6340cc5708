import type { WireMessage } from '../../../../shared/bridge';
import { events, isRequestChannel } from '../../../../shared/contract';
import type { EventChannel } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { disconnected, parseEvent, parseResult, warnMismatch } from './validate';
import type { MismatchReporter } from './validate';
import type { LinkState, RendererBridge } from './renderer-bridge';

/**
 * The browser host's client: the same contract as Electron IPC, carried as WireMessages over one WebSocket.
 *
 *   request ─▶ pending[id] ─▶ socket ─▶ host        socket drops ─▶ every pending request gets transport.disconnected
 *   resolve ◀─ parseResult ◀─ {response,id} ◀─ host            └─▶ reconnect after 250 ms, 500 ms, … up to 5 s
 *   listeners ◀─ parseEvent ◀─ {event} ◀─ host
 */

/** The part of the browser WebSocket the client uses (a fake one is injected in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Constructor of a WebSocket-like class: `new WebSocket(url, protocols)`. */
export type SocketClass = new (url: string, protocols: string[]) => SocketLike;

/** Options of createWebSocketBridge. */
export interface WebSocketBridgeOptions {
  /** ws:// or wss:// address of the host's /ipc endpoint. */
  url: string;
  token: string;
  Socket?: SocketClass;
  /** Reconnect delays: the first, doubled on each failure up to the maximum. */
  backoff?: { initialMs: number; maxMs: number };
  report?: MismatchReporter;
}

/** A bridge over a WebSocket, with `close()` to stop reconnecting (tests, page unload). */
export interface WebSocketBridge extends RendererBridge {
  close(): void;
}

const OPEN = 1;

type Pending = { channel: string; resolve: (result: Result<never>) => void };

/** Connects to the browser host and keeps reconnecting while the page lives. */
export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const Socket = options.Socket ?? (WebSocket as unknown as SocketClass);
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5000 };
  const report = options.report ?? warnMismatch;
  const protocols = ['lockbench', `token.${options.token}`];
  const pending = new Map<number, Pending>();
  const unsent: WireMessage[] = [];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const linkListeners = new Set<(state: LinkState) => void>();
  let socket: SocketLike | null = null;
  let linkState: LinkState = 'connecting';
  let nextId = 1;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let isClosed = false;

  function setLink(state: LinkState): void {
    if (state === linkState) return;
    linkState = state;
    for (const listener of [...linkListeners]) listener(state);
  }

  function failAll(): void {
    unsent.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const entry of waiting) entry.resolve(disconnected());
  }

  function send(message: WireMessage): void {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
    else unsent.push(message);
  }

  function dispatchEvent(channel: unknown, payload: unknown): void {
    if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(events, channel)) {
      report('event', [`unknown channel ${String(channel).slice(0, 40)}`]);
      return;
    }
    const parsed = parseEvent(channel as EventChannel, payload, report);
    if (parsed === null) return;
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(parsed as never);
      } catch (error) {
        console.error(`Lockbench: a listener for ${channel} failed`, error);
      }
    }
  }

  function receive(data: unknown): void {
    let message: Partial<WireMessage> & Record<string, unknown>;
    try {
      message = JSON.parse(String(data));
    } catch {
      report('message', ['not JSON']);
      return;
    }
    if (message?.kind === 'event') return dispatchEvent(message.channel, message.payload);
    if (message?.kind !== 'response' || typeof message.id !== 'number') return report('message', ['unknown kind']);
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (!isRequestChannel(entry.channel)) return entry.resolve(disconnected());
    entry.resolve(parseResult(entry.channel, message.result, report) as Result<never>);
  }

  function open(): void {
    retryTimer = null;
    const current = new Socket(options.url, protocols);
    socket = current;
    current.onopen = () => {
      failures = 0;
      setLink('up');
      for (const message of unsent.splice(0)) send(message);
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => {};
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failAll();
      if (isClosed) return;
      setLink('down');
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** failures);
      failures += 1;
      retryTimer = setTimeout(open, delay);
    };
  }

  open();

  return {
    get linkState() {
      return linkState;
    },
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    request(channel, payload) {
      return new Promise((resolve) => {
        if (isClosed) return resolve(disconnected());
        const id = nextId++;
        pending.set(id, { channel, resolve: resolve as Pending['resolve'] });
        send({ kind: 'request', id, channel, payload });
      });
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      failAll();
      current?.close(1000, 'closing');
      setLink('down');
    },
  };
}
