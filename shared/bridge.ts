import type { EventChannel, EventOf, PayloadOf, RequestChannel, ValueOf } from './contract';
import type { Result } from './result';

/**
 * What the renderer talks to: one function for requests, one for push events. Implemented by the Electron preload
 * (window.lockbench) and by the browser host's WebSocket client; nothing else in the renderer knows which.
 */
export interface LockbenchBridge {
  request<C extends RequestChannel>(channel: C, payload: PayloadOf<C>): Promise<Result<ValueOf<C>>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
}

/** The raw shape the Electron preload exposes: untyped transport, typed by the renderer's wrapper. */
export interface RawBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Messages on the browser host's WebSocket. */
export type WireMessage =
  | { kind: 'request'; id: number; channel: string; payload: unknown }
  | { kind: 'response'; id: number; result: unknown }
  | { kind: 'event'; channel: string; payload: unknown };
