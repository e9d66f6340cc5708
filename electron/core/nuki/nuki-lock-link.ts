import { CodedError, isCodedError } from '../../../shared/result';
import type { BleRadio } from '../ble/ble-radio';
import type { Clock } from '../ports/clock';
import type { NukiClient } from './client/nuki-client';
import { connectNuki, type NukiConnection } from './client/nuki-connect';
import type { NukiCredentials } from './client/nuki-session';
import type { PinWidth } from './protocol/command-codec';

/**
 * One paired Nuki lock's Bluetooth link, opened when there is work and kept for `idleDisconnectMs` after it (a Nuki
 * lock runs on batteries; an open link drains them):
 *
 *   session(work) ─▶ (one at a time) ─▶ connect if no link ─▶ work(client) ─▶ idle timer ─▶ beforeIdleDisconnect ─▶ drop
 *
 * Once the lock refuses the security PIN, no command carrying it is sent again on this link's lock (three wrong PINs
 * lock the lock's PIN for a while): each fails `lock.bad_security_pin` at once, until a new connection with a new PIN.
 */

/** A paired lock as the site knows it; the secrets come from the keychain and are never logged. */
export interface NukiLockEntry {
  address: string;
  credentials: NukiCredentials;
  securityPin: number;
  /** 2 on Smart Lock 1–4 (default), 4 on the Ultra. */
  pinWidth?: PinWidth;
  /** The door, for progress messages. */
  name?: string;
  /**
   * The lock refused this PIN before (on an earlier connection): nothing carrying it is sent, so reopening a
   * connection never spends another of the lock's few tries before its PIN lockout.
   */
  isPinRefused?: boolean;
}

/** What a link is built with. */
export interface NukiLockLinkOptions {
  radio: BleRadio;
  lock: NukiLockEntry;
  clock: Clock;
  idleDisconnectMs: number;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  /** Told when the lock starts (a connection opened) or stops (no connection, the link dropped) answering. */
  onAvailability(isOnline: boolean): void;
  /** Told once when the lock refuses the security PIN (the app keeps it refused until a PIN is given again). */
  onPinRefused?(): void;
  /** Runs last, before the idle link is dropped (the driver reads the log there); failures are ignored. */
  beforeIdleDisconnect?(client: NukiClient): Promise<void>;
}

/** One lock's link. */
export interface NukiLockLink {
  /** Runs `work` with the lock's client when the sessions before it have ended, connecting first if needed. */
  session<T>(work: (client: NukiClient) => Promise<T>): Promise<T>;
  /** Top-level commands sent to this lock over all its links so far. */
  commandsSent(): number;
  /** Drops the link and stops the idle timer; later sessions fail `lock.offline`. */
  close(): Promise<void>;
}

/** Failures after which the link is dropped so the next session starts clean. */
const RESYNC = new Set(['lock.no_answer', 'lock.protocol_error']);

/** Creates the link; it connects on the first session. */
export function createNukiLockLink(options: NukiLockLinkOptions): NukiLockLink {
  const { lock, clock } = options;
  let open: { connection: NukiConnection; client: NukiClient; stopListening: () => void } | null = null;
  let retiredCommands = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let cancelIdle: (() => void) | null = null;
  let isClosed = false;
  let isPinRefused = lock.isPinRefused ?? false;

  const commandsSent = (): number => retiredCommands + (open?.client.commandsSent() ?? 0);
  const stopIdle = (): void => {
    cancelIdle?.();
    cancelIdle = null;
  };
  /** Forgets the link (its commands stay counted); returns it for disconnecting. */
  const retire = (): NukiConnection | null => {
    const was = open;
    if (!was) return null;
    retiredCommands += was.client.commandsSent();
    was.stopListening();
    open = null;
    stopIdle();
    return was.connection;
  };
  const drop = async (): Promise<void> => {
    await retire()?.disconnect().catch(() => undefined);
  };

  async function clientNow(): Promise<NukiClient> {
    if (open) return open.client;
    let connection: NukiConnection;
    try {
      connection = await connectNuki(options.radio, lock.address, {
        credentials: lock.credentials,
        securityPin: lock.securityPin,
        pinWidth: lock.pinWidth,
        connectTimeoutMs: options.connectTimeoutMs,
        replyTimeoutMs: options.replyTimeoutMs,
      });
    } catch (error) {
      if (!isClosed) options.onAvailability(false);
      throw error;
    }
    const stopListening = connection.onDisconnect(() => {
      if (open?.connection !== connection) return; // we dropped it ourselves
      retire();
      if (!isClosed) options.onAvailability(false);
    });
    open = { connection, client: gatePin(connection.client), stopListening };
    options.onAvailability(true);
    return open.client;
  }

  /** The client with every PIN-carrying command refused at once after the lock refused the PIN. */
  function gatePin(client: NukiClient): NukiClient {
    const pinned =
      <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        if (isPinRefused) {
          const why = 'The lock refused the security PIN earlier; nothing more is sent with it until it is entered again.';
          throw new CodedError('lock.bad_security_pin', why);
        }
        try {
          return await command(...args);
        } catch (error) {
          if (isCodedError(error) && error.code === 'lock.bad_security_pin' && !isPinRefused) {
            isPinRefused = true;
            options.onPinRefused?.();
          }
          throw error;
        }
      };
    return {
      ...client,
      setTimeZone: pinned(client.setTimeZone),
      updateTime: pinned(client.updateTime),
      verifySecurityPin: pinned(client.verifySecurityPin),
      listKeypadCodes: pinned(client.listKeypadCodes),
      addKeypadCode: pinned(client.addKeypadCode),
      updateKeypadCode: pinned(client.updateKeypadCode),
      removeKeypadCode: pinned(client.removeKeypadCode),
      readLogEntries: pinned(client.readLogEntries),
      enableLogging: pinned(client.enableLogging),
    };
  }

  /** Runs `job` after every job queued before it. */
  function queued<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  }

  function armIdle(): void {
    stopIdle();
    if (!open || isClosed) return;
    cancelIdle = clock.at(new Date(clock.now().getTime() + options.idleDisconnectMs), () => {
      cancelIdle = null;
      void queued(endSession);
    });
  }

  async function endSession(): Promise<void> {
    if (!open || cancelIdle) return; // gone, or a newer session re-armed the timer
    await options.beforeIdleDisconnect?.(open.client).catch(() => undefined);
    await drop();
  }

  return {
    session(work) {
      return queued(async () => {
        if (isClosed) throw new CodedError('lock.offline', `The connection to the lock ${lock.address} is closed.`);
        stopIdle();
        const client = await clientNow();
        try {
          return await work(client);
        } catch (error) {
          if (isCodedError(error) && RESYNC.has(error.code)) await drop();
          throw error;
        } finally {
          armIdle();
        }
      });
    },
    commandsSent,
    async close() {
      isClosed = true;
      await drop();
    },
  };
}
