import type { LockProfile } from '../../../shared/domain/lock';
import type { FieldCipher } from '../secrets/field-cipher';
import type { LockClockSetting, SlotReading } from '../ports/lock-port';

export type { LockClockSetting, SlotReading } from '../ports/lock-port';
export { hidesPin } from '../ports/lock-port';

/**
 * One end of a year-day window as the lock stores it: the LOCK's local wall time (its Schedule Entry Lock time offset
 * applies), with a TWO-digit year (25 = 2025; zwave-js silently stores 2025 as a wrong byte).
 */
export interface YearDayFields {
  /** 0–99 (2000–2099). */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A year-day schedule: the code works from `start` until `stop` (lock-local wall times). */
export interface YearDayWindow {
  start: YearDayFields;
  stop: YearDayFields;
}

/** What a lock says about its clock. Each field is null when the lock lacks the CC or did not answer. */
export interface LockClockReading {
  /**
   * The offset east of UTC, in minutes, the lock applies now: Schedule Entry Lock standard offset plus its DST delta
   * (SEL has no DST dates, so the lock applies the delta all year).
   */
  offsetMinutes: number | null;
  /** The DST delta included in offsetMinutes (0 when none). */
  dstOffsetMinutes: number | null;
  /** The lock's clock as an ISO 8601 UTC instant (Time Parameters CC). */
  lockTime: string | null;
}

/**
 * Where the Z-Wave controller is: a serial path ("/dev/ttyACM0", "COM3"), a "tcp://host:port" networked stick,
 * or an in-process port from the virtual stick (zwave-js's ZWaveSerialBindingFactory, kept opaque here).
 */
export type ControllerPort = string | { readonly kind: 'binding'; readonly factory: unknown };

/** Options to open a controller. */
export interface OpenNetworkOptions {
  port: ControllerPort;
  /** zwave-js cache folder: inside the app's data folder, never the working directory. It holds PINs (sealed: `cacheCipher`). */
  cacheDir: string;
  /**
   * Seals the PINs zwave-js keeps in its cache (see sealed-cache-db.ts). The app always gives one; without it (tests)
   * the cache is written as zwave-js writes it, and sealed PINs found in it are ignored.
   */
  cacheCipher?: FieldCipher | null;
  /** S0/S2 network keys (16 bytes each), stable per installation. */
  securityKeys: NetworkKeys;
  /** Progress lines for the UI ("Interviewing node 3…"). Never include PINs. */
  onProgress?: (message: string) => void;
  /**
   * How long the locks' interviews may take before the locks still not ready are reported offline (their interview goes
   * on in the background; see node-readiness.ts). Default 120 s.
   */
  interviewTimeoutMs?: number;
  /** zwave-js radio timeouts in ms (tests and the benchmark only; the defaults suit real locks). */
  driverTimeouts?: { report?: number; ack?: number; response?: number };
}

/** The network keys zwave-js needs to talk to securely included locks. */
export interface NetworkKeys {
  S0_Legacy: Uint8Array;
  S2_Unauthenticated: Uint8Array;
  S2_Authenticated: Uint8Array;
  S2_AccessControl: Uint8Array;
}

/**
 * One open Z-Wave controller and the locks on it. The only layer that touches zwave-js's Driver.
 * Radio failures throw CodedError with `lock.no_answer` (ZW0204/timeouts; the command MAY have reached the lock),
 * `lock.not_sent`, `lock.offline`, `lock.not_found`, `lock.unsupported`, `transport.disconnected`.
 */
export interface LockNetwork {
  /** Controller home id as 8 hex digits. */
  readonly homeId: string;
  /** Node ids of the locks on this network (nodes with User Code or Door Lock CC), ascending. */
  lockNodeIds(): number[];
  /** Everything the capability check needs. Refreshes battery and door state from the lock (one Get each). */
  readProfile(nodeId: number): Promise<LockProfile>;
  /** Slots as zwave-js last saw them, from its cache, without a radio command. */
  cachedSlots(nodeId: number): SlotReading[];
  /** Put a PIN into a slot (status enabled). */
  setCode(nodeId: number, slot: number, pin: string): Promise<void>;
  /** Read one slot from the lock itself; null when the lock did not answer. */
  readCode(nodeId: number, slot: number): Promise<SlotReading | null>;
  /** Empty a slot (status available). */
  clearCode(nodeId: number, slot: number): Promise<void>;
  /**
   * Writes year-day schedule slot 1 of user `slot` (Schedule Entry Lock CC) and enables scheduling for that user.
   * Two commands. Rejects `codes.invalid_window` for fields out of range (a four-digit year) or stop ≤ start,
   * `lock.unsupported` when the lock has no year-day schedules.
   */
  setYearDaySchedule(nodeId: number, slot: number, window: YearDayWindow): Promise<void>;
  /**
   * Erases every year-day slot of user `slot` and disables scheduling for that user (one command per year-day slot,
   * plus one). A code still in the slot then works at all times: clear the code first when it must stop working.
   */
  clearSchedules(nodeId: number, slot: number): Promise<void>;
  /** Reads year-day slot 1 of user `slot` from the lock; null when empty or no answer; `lock.unsupported` without the CC. */
  readYearDaySchedule(nodeId: number, slot: number): Promise<YearDayWindow | null>;
  /** Reads the lock's time-zone offset (Schedule Entry Lock v2+) and clock (Time Parameters); one Get each it supports. */
  readLockClock(nodeId: number): Promise<LockClockReading>;
  /** Sets the lock's time-zone offset and clock, each where the lock supports it; `lock.unsupported` when neither. */
  setLockClock(nodeId: number, setting: LockClockSetting): Promise<void>;
  /**
   * The lock's CRC-CCITT over all occupied slots (User Code CC v2 Checksum Get): compare with expectedUserCodeChecksum
   * to prove the whole lock in one command. Null when the lock has no checksum support (v1) or did not answer.
   */
  readChecksum(nodeId: number): Promise<number | null>;
  /** Called when a lock reports a keypad unlock (Notification CC Access Control) by a user slot: proof of use. */
  onKeypadUnlock(listener: (nodeId: number, slot: number, at: Date) => void): () => void;
  /**
   * Commands Lockbench has sent through the driver since the network was opened: each zwave-js CC call counts 1
   * (setCode, readCode, clearCode, readChecksum: 1; setYearDaySchedule: 2; readProfile: up to 3 Gets). zwave-js's own
   * retransmissions, S2 nonces, Supervision and interview traffic are not counted.
   */
  commandsSent(): number;
  /**
   * Asks a lock whether it is there (Z-Wave NOP, one frame; no user data). True when it answered: a lock zwave-js had
   * marked dead is then alive again (and `onLockAvailability` fires). Never throws for a silent lock: false.
   */
  ping(nodeId: number): Promise<boolean>;
  /** Called when a lock stops or starts answering. Returns an unsubscribe function. */
  onLockAvailability(listener: (nodeId: number, isOnline: boolean) => void): () => void;
  /** Called when the controller goes away (USB stick pulled, TCP closed). */
  onDisconnected(listener: (reason: string) => void): () => void;
  /** Close the controller cleanly (flushes zwave-js's cache). */
  close(): Promise<void>;
}
