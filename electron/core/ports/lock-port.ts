import type { CodeProof, AccessCodeErrorCode } from '../../../shared/domain/access-code';
import type { LockProfile } from '../../../shared/domain/lock';
import type { LockProtocol } from '../../../shared/domain/lock-address';

/**
 * The protocol-neutral lock port: what everything above the drivers (lock manager, queue, codes, sites, time keeper)
 * knows of a lock. Each driver implements it for its protocol and maps its own failures to `lock.*` CodedErrors at its
 * edge; Z-Wave's year-day fields, checksum and cache stay in `zwave/`, Nuki's framing and crypto in `nuki/`.
 *
 *   services ─▶ LockConnection (this port) ─┬─ zwave/zwave-connection.ts ─▶ zwave-js ─▶ serial / TCP / virtual stick
 *                                           └─ nuki/…                     ─▶ BleRadio ─▶ noble / virtual radio
 *
 * A lock is named by its address on its connection (a Z-Wave node id "5", a Bluetooth address). A code's place on the
 * lock is its `slot`: a slot Lockbench chooses (profile.codePlaces `slots`) or the id the lock gave it (`lock_ids`).
 */
export interface LockConnection {
  readonly protocol: LockProtocol;
  /** Addresses of the locks on this connection, in a stable order. */
  lockAddresses(): string[];
  /**
   * Each lock's first contact as the connection comes up (it opens before every lock answered). Absent when every lock
   * was ready when the connection opened.
   */
  readonly readiness?: LockReadiness;
  /** Called once every lock is ready and read (the site is `ready`): a virtual radio starts its faults here. */
  onSiteReady?(): void;
  /** Everything the capability check needs, read from the lock now (battery and door state included). */
  readProfile(address: string): Promise<LockProfile>;
  /** What the lock held at the driver's last reading, without a radio command (empty when it knows nothing). */
  knownCodes(address: string): SlotReading[];
  /** Reads what the lock holds at one place now; null when the lock did not answer. */
  readCode(address: string, slot: number): Promise<SlotReading | null>;
  /**
   * Puts codes on the lock and proves each one, the lock's way (read-back, a checksum over a batch, a list). Never
   * overwrites a code it did not put there; reads before sending again any code that `mayBeThere`. Nothing that
   * changes the lock is sent before `guard.onAir` resolved true for it. Never throws: each put gets an outcome.
   */
  putCodes(address: string, puts: readonly CodePut[], guard: AttemptGuard, options: PutOptions): Promise<Map<string, AttemptOutcome>>;
  /** Takes one of OUR codes off the lock and proves it gone; a place holding another code is left alone. Never throws. */
  removeCode(address: string, removal: CodeRemoval, guard: AttemptGuard): Promise<AttemptOutcome>;
  /** Sets the lock's clock and time zone; `lock.unsupported` when it has neither. */
  setClock(address: string, setting: LockClockSetting): Promise<void>;
  /** Asks a lock whether it is there (one short command, no user data). Never throws for a silent lock: false. */
  ping(address: string): Promise<boolean>;
  /** Commands Lockbench has sent to locks on this connection since it opened (benchmarks: commands per code). */
  commandsSent(): number;
  /** Called when a lock stops or starts answering. */
  onLockAvailability(listener: (address: string, isOnline: boolean) => void): () => void;
  /** Called when a lock reports its keypad opened the door with the code at `slot` (proof of use). */
  onCodeUsed(listener: (address: string, slot: number, at: Date) => void): () => void;
  /** Called when the connection itself goes away (stick pulled, radio off). */
  onDisconnected(listener: (reason: string) => void): () => void;
  /** Closes the connection (and whatever is behind it, e.g. the virtual stick). */
  close(): Promise<void>;
}

/** How a lock's first contact after its connection opened ended. Every outcome but `ready` means "not answering". */
export type LockSettlement = 'ready' | 'not_answering' | 'interview_failed' | 'timed_out';

/** Per-lock readiness on one connection: each lock settles once; a silent one never holds up the others. */
export interface LockReadiness {
  /** How the lock settled, or null while its first contact goes on. */
  settlement(address: string): LockSettlement | null;
  /** Called once per lock as it settles (not for locks settled before subscribing: see `settlement`). */
  onSettled(listener: (address: string, how: LockSettlement) => void): () => void;
  /** Resolves once every lock has settled (or given up on). Never rejects. */
  allSettled(): Promise<void>;
  /** Stops listening (the connection is closing). */
  dispose(): void;
}

/** What one place on a lock holds, as read (or as the driver last saw it). */
export interface SlotReading {
  slot: number;
  status: 'available' | 'enabled' | 'disabled' | 'unknown';
  /** The PIN as the lock reports it; null when empty, masked ("****" is kept as reported), or not read. */
  code: string | null;
}

/** True when a reading of an occupied place does not show its PIN (masked or not read). */
export function hidesPin(code: string | null): boolean {
  return code === null || /^\*+$/.test(code);
}

/** One code to put on a lock. */
export interface CodePut {
  /** Names this put's outcome (the queue's operation id). */
  key: string;
  /** The place: a slot Lockbench chose, the id the lock gave the code before, or null (the lock gives one). */
  slot: number | null;
  pin: string;
  /** The code's name (locks that keep names show it; others ignore it). */
  name: string;
  /** For a lock that enforces time itself: the window it must keep; null for a code that works at all times. */
  window: CodeWindow | null;
  /** An earlier attempt may have reached the lock: read before sending anything again. */
  mayBeThere: boolean;
}

/** A code's window, as instants, with what the driver needs to write it in the lock's own terms. */
export interface CodeWindow {
  startsAt: string;
  endsAt: string;
  /** The site's IANA zone (windows are property-local). */
  siteTimeZone: string;
  /** The offset the lock's clock applies, as last read; null when it reports none. */
  lockOffsetMinutes: number | null;
}

/** One of our codes to take off a lock. */
export interface CodeRemoval {
  key: string;
  /** Its place; null when the lock never told one (an add whose answer was lost: the driver finds it by reading). */
  slot: number | null;
  pin: string;
  /** The lock enforced its window: what it kept for that goes too. */
  wasScheduled: boolean;
}

/** Durable "may reach the lock" marks: resolves true once every key given is marked (false: withdrawn, send nothing). */
export interface AttemptGuard {
  onAir(keys: readonly string[]): Promise<boolean>;
}

/** What the queue knows about the lock beyond the puts. */
export interface PutOptions {
  /** Codes Lockbench proved on this lock earlier (their places and PINs): part of the lock's expected picture. */
  provenCodes: ReadonlyArray<{ slot: number; pin: string }>;
}

/**
 * The outcome of one attempt on a lock, as the queue needs it:
 * - `confirmed` by the lock (`proof`: how; null for a removal that needed nothing; `slot`: the place, when the lock
 *   chose it);
 * - `slot_taken`: the place holds a code Lockbench did not put there — nothing was sent; the code needs another place;
 * - `transient`: a failure that can pass (retry later; `mayHaveReached` when a command may have arrived unconfirmed;
 *   `refusedByLock` when the lock acknowledged and kept the code out; `lockAnswered` when the lock answered in the
 *   same attempt — a command lost on the air, not a lock gone: tried again soon);
 * - `permanent`: one that cannot (`error`: the code's error; `message`: in words, never the PIN).
 */
export type AttemptOutcome =
  | { kind: 'confirmed'; proof: CodeProof | null; slot?: number }
  | { kind: 'slot_taken'; slot: number; message: string }
  | { kind: 'transient'; message: string; mayHaveReached: boolean; refusedByLock?: boolean; lockAnswered?: boolean }
  | { kind: 'permanent'; error: AccessCodeErrorCode; message: string };

/** What to set a lock's clock to. */
export interface LockClockSetting {
  /** Now, as an instant. */
  utc: Date;
  /** Standard (winter) offset east of UTC in minutes, e.g. -300 for New York. */
  offsetMinutes: number;
  /** DST shift in effect now (60 in summer, 0 in winter; default 0). */
  dstOffsetMinutes?: number;
  /** The site's IANA zone, for locks that take a zone rather than an offset. */
  timeZone?: string;
}
