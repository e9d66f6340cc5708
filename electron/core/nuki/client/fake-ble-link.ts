import { CodedError } from '../../../../shared/result';
import type { BleLink } from '../../ble/ble-radio';

/**
 * A BleLink for tests of the Nuki client: it records every write, hands it to `onWrite` (the scripted lock side)
 * after the write resolved, and delivers indications chopped into chunks of `chunkSize` bytes (20 = default MTU),
 * each in its own microtask, so replies arrive in order but never inside the write call.
 */
export class FakeBleLink implements BleLink {
  readonly address: string;
  /** Every value written, in order, with its characteristic. */
  readonly writes: Array<{ characteristic: string; value: Uint8Array }> = [];
  /** Subscribed characteristics, in subscription order. */
  readonly subscriptions: string[] = [];
  /** The lock side: called with each write. */
  onWrite: (characteristic: string, value: Uint8Array) => void = () => undefined;
  /** When set, the next subscribe rejects with it. */
  failSubscribe: Error | null = null;
  isDisconnected = false;
  readonly #listeners = new Map<string, (value: Uint8Array) => void>();
  readonly #onDrop = new Set<(reason: string) => void>();

  constructor(address = 'AA:BB:CC:DD:EE:01') {
    this.address = address;
  }

  async subscribe(_service: string, characteristic: string, onValue: (value: Uint8Array) => void): Promise<() => void> {
    if (this.failSubscribe) throw this.failSubscribe;
    this.subscriptions.push(characteristic);
    this.#listeners.set(characteristic, onValue);
    return () => this.#listeners.delete(characteristic);
  }

  async write(_service: string, characteristic: string, value: Uint8Array): Promise<void> {
    if (this.isDisconnected) throw new CodedError('lock.connection_lost', 'fake link is down');
    this.writes.push({ characteristic, value: value.slice() });
    queueMicrotask(() => this.onWrite(characteristic, value.slice()));
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.#onDrop.add(listener);
    return () => this.#onDrop.delete(listener);
  }

  async disconnect(): Promise<void> {
    this.drop('disconnect');
  }

  /** Sends `frame` as indications of `chunkSize` bytes; resolves once all are delivered. */
  async indicate(characteristic: string, frame: Uint8Array, chunkSize = 20): Promise<void> {
    for (let at = 0; at < frame.length; at += chunkSize) {
      await Promise.resolve();
      if (this.isDisconnected) return;
      this.#listeners.get(characteristic)?.(frame.slice(at, at + chunkSize));
    }
  }

  /** The link drops (out of range): listeners are told once, writes fail from now on. */
  drop(reason = 'out of range'): void {
    if (this.isDisconnected) return;
    this.isDisconnected = true;
    for (const listener of [...this.#onDrop]) listener(reason);
  }
}

/** Lets queued microtasks and one macrotask turn run (replies in flight arrive, waiters register their timers). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
