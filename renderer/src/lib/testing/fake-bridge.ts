import type { EventChannel, EventOf, PayloadOf, RequestChannel, ValueOf } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/error-codes';
import type { AppError, Result } from '../../../../shared/result';
import type { LinkState, RendererBridge } from '../bridge/renderer-bridge';

type Handler<C extends RequestChannel> = (payload: PayloadOf<C>) => Result<ValueOf<C>> | Promise<Result<ValueOf<C>>>;

/**
 * A scriptable bridge for the state classes' tests (tests only; never shipped): answer channels with `handle`,
 * push events with `emit`, read what was asked in `calls`.
 */
export class FakeBridge implements RendererBridge {
  linkState: LinkState = 'up';
  readonly calls: Array<{ channel: RequestChannel; payload: unknown }> = [];
  #handlers = new Map<RequestChannel, Handler<never>>();
  #listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  #linkListeners = new Set<(state: LinkState) => void>();

  /** Answers `channel` with `handler` (a function of the payload) from now on. */
  handle<C extends RequestChannel>(channel: C, handler: Handler<C>): this {
    this.#handlers.set(channel, handler as unknown as Handler<never>);
    return this;
  }

  /** Answers `channel` with a fixed value. */
  answer<C extends RequestChannel>(channel: C, value: ValueOf<C>): this {
    return this.handle(channel, () => ({ ok: true, value }));
  }

  /** Answers `channel` with an error. */
  refuse(channel: RequestChannel, code: ErrorCode, details?: AppError['details']): this {
    return this.handle(channel, () => ({ ok: false, error: { code, message: `refused: ${code}`, ...(details ? { details } : {}) } }));
  }

  /** Payloads sent on `channel`, in order. */
  sent(channel: RequestChannel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.payload);
  }

  async request<C extends RequestChannel>(channel: C, payload: PayloadOf<C>): Promise<Result<ValueOf<C>>> {
    this.calls.push({ channel, payload });
    const handler = this.#handlers.get(channel) as Handler<C> | undefined;
    if (!handler) return { ok: false, error: { code: 'ipc.unknown_channel', message: `no fake for ${channel}` } };
    return handler(payload);
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void {
    const set = this.#listeners.get(channel) ?? new Set();
    this.#listeners.set(channel, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Pushes an event to every listener of `channel`. */
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    for (const listener of [...(this.#listeners.get(channel) ?? [])]) listener(payload as never);
  }

  /** Number of listeners on `channel` (checks that dispose unsubscribes). */
  listenerCount(channel: EventChannel): number {
    return this.#listeners.get(channel)?.size ?? 0;
  }

  onLinkChange(listener: (state: LinkState) => void): () => void {
    this.#linkListeners.add(listener);
    return () => this.#linkListeners.delete(listener);
  }

  /** Changes the link state and tells listeners. */
  setLink(state: LinkState): void {
    this.linkState = state;
    for (const listener of [...this.#linkListeners]) listener(state);
  }
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
