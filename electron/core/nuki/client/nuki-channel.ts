import { CodedError, isCodedError } from '../../../../shared/result';
import type { BleLink } from '../../ble/ble-radio';
import { systemClock, type Clock } from '../../ports/clock';
import { createReassembler } from '../protocol/reassembly';

/**
 * One Nuki characteristic (pairing GDIO or USDIO) as a message channel over a BleLink:
 *
 *   indications ─▶ reassembler (plain | encrypted) ─▶ queue of whole frames ─▶ next(timeoutMs)
 *   write(frame) ─▶ link.write (one GATT long write)
 *
 * The lock answers in order, so one exchange at a time: callers wrap each command in `exclusive`.
 * Frames come out undecoded; the session (encrypted) or the pairing (plain) decodes them.
 */

/** What a channel is opened on. */
export interface NukiChannelOptions {
  link: BleLink;
  service: string;
  characteristic: string;
  /** How frames end: encrypted frames carry their length, plain ones end by known size or CRC. */
  framing: 'plain' | 'encrypted';
  /** Time for reply deadlines (tests pass a ManualClock). */
  clock?: Clock;
  /** Told when bytes that form no frame are dropped (for a debug log); a reply awaited then fails `lock.protocol_error`. */
  onDiscard?: (reason: string) => void;
}

/** A characteristic as a queue of whole frames, one exchange at a time. */
export interface NukiChannel {
  /** Writes one whole frame. Rejects `lock.connection_lost` once the link has dropped. */
  write(frame: Uint8Array): Promise<void>;
  /**
   * The next whole frame, queued or awaited. Rejects `lock.no_answer` after `timeoutMs` without one and
   * `lock.connection_lost` when the link drops while waiting (or has dropped).
   */
  next(timeoutMs: number): Promise<Uint8Array>;
  /** Runs `work` after every exchange started before it has ended: commands on one lock never overlap. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Drops queued frames and a partial one: what is left before a new command is stale or a push. */
  clear(): void;
  /** Stops listening; a pending `next` rejects `lock.connection_lost`. The link itself stays open. */
  close(): Promise<void>;
}

interface Waiter {
  resolve: (frame: Uint8Array) => void;
  reject: (error: CodedError) => void;
  cancelTimer: () => void;
}

/** Subscribes to the characteristic's indications and returns it as a channel. */
export async function openNukiChannel(options: NukiChannelOptions): Promise<NukiChannel> {
  const { link, service, characteristic } = options;
  const clock = options.clock ?? systemClock;
  const queue: Uint8Array[] = [];
  let waiter: Waiter | null = null;
  let lostReason: string | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  const settle = (): Waiter | null => {
    const current = waiter;
    waiter = null;
    current?.cancelTimer();
    return current;
  };
  const reassembler = createReassembler({
    kind: options.framing,
    onDiscard: (_bytes, reason) => {
      options.onDiscard?.(reason);
      settle()?.reject(new CodedError('lock.protocol_error', `Unusable bytes from the lock: ${reason}`));
    },
  });
  const lost = (): CodedError =>
    new CodedError('lock.connection_lost', `The Bluetooth link to the lock dropped (${lostReason ?? 'closed'})`, { address: link.address });

  const offDisconnect = link.onDisconnect((reason) => {
    lostReason = reason;
    settle()?.reject(lost());
  });
  let unsubscribe: () => void;
  try {
    unsubscribe = await link.subscribe(service, characteristic, (value) => {
      for (const frame of reassembler.push(value)) {
        const current = settle();
        if (current) current.resolve(frame);
        else queue.push(frame);
      }
    });
  } catch (error) {
    offDisconnect();
    throw error;
  }

  return {
    async write(frame) {
      if (lostReason !== null) throw lost();
      try {
        await link.write(service, characteristic, frame);
      } catch (error) {
        if (isCodedError(error)) throw error;
        throw new CodedError('lock.connection_lost', `Writing to the lock failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    next(timeoutMs) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (lostReason !== null) return Promise.reject(lost());
      if (waiter) return Promise.reject(new CodedError('lock.busy', 'Another reply is already awaited on this characteristic'));
      return new Promise<Uint8Array>((resolve, reject) => {
        const cancelTimer = clock.at(new Date(clock.now().getTime() + timeoutMs), () => {
          settle();
          reassembler.reset();
          reject(new CodedError('lock.no_answer', `The lock did not answer within ${timeoutMs} ms`, { timeoutMs }));
        });
        waiter = { resolve, reject, cancelTimer };
      });
    },
    exclusive(work) {
      const run = tail.then(work);
      tail = run.catch(() => undefined);
      return run;
    },
    clear() {
      queue.length = 0;
      reassembler.reset();
    },
    async close() {
      offDisconnect();
      lostReason ??= 'channel closed';
      settle()?.reject(lost());
      unsubscribe();
    },
  };
}
