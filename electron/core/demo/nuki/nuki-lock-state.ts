import type { NukiConfig } from '../../nuki/protocol/config-codec';
import type { TimeOfDay } from '../../nuki/protocol/date-codec';

/**
 * What a virtual Nuki lock remembers (its flash): plain JSON values, so the lock works on it directly and
 * nuki-lock-memory.ts writes it as is (with the PINs and shared keys sealed). Dates are epoch milliseconds (UTC),
 * keys hex. What a real lock forgets on a reboot (pairing mode, challenges, PIN tries, box nonces) is not in here.
 */
export interface NukiLockMemory {
  nukiId: number;
  /** 16 bytes as hex; random at first start, stable until a factory reset. */
  lockUuid: string;
  /** The admin PIN (4 digits on Smart Lock 3.0/4.0, a u16 on the wire). */
  securityPin: number;
  /** The next auth id handed out by pairing (never reused). */
  nextAuthId: number;
  authorizations: StoredAuthorization[];
  /** The next keypad code id (assigned by the lock, incrementally, never reused). */
  nextCodeId: number;
  keypadCodes: StoredKeypadCode[];
  config: StoredNukiConfig;
  /** The lock's clock minus the real time, in ms: it drifts, and Update Time sets it. */
  clockOffsetMs: number;
  /** Bumped (mod 256) on every config change; Keyturner States carries it. */
  configUpdateCount: number;
  battery: { percent: number; isCritical: boolean };
  keypadBatteryCritical: boolean;
  /** LOCK_STATE value. */
  lockState: number;
  loggingEnabled: boolean;
  nextLogIndex: number;
  /** Oldest first; at most LOG_CAPACITY entries. */
  log: StoredLogEntry[];
}

/** One paired client (an app, a bridge, a fob, a keypad). */
export interface StoredAuthorization {
  authId: number;
  /** The shared key k, hex. Sealed on disk. */
  sharedKey: string;
  appId: number;
  name: string;
  /** NUKI_ID_TYPE value. */
  idType: number;
  /** Lock clock, ms. */
  createdAt: number;
}

/** A keypad code's time limits: dates UTC, weekdays (bit6 Mon … bit0 Sun, 0 = every day) and times in the lock's local time. */
export interface StoredSchedule {
  allowedFrom: number | null;
  allowedUntil: number | null;
  weekdays: number;
  fromTime: TimeOfDay;
  untilTime: TimeOfDay;
}

/** One keypad code as the lock keeps it. */
export interface StoredKeypadCode {
  codeId: number;
  /** Six digits. Sealed on disk. */
  code: string;
  name: string;
  enabled: boolean;
  dateCreated: number | null;
  dateLastActive: number | null;
  lockCount: number;
  /** null = not time-limited. */
  schedule: StoredSchedule | null;
}

/** One log entry; `data` is the raw bytes after the type, hex. */
export interface StoredLogEntry {
  index: number;
  timestamp: number;
  authId: number;
  name: string;
  type: number;
  data: string;
}

/** The config without what the lock computes when it answers (its id and its clock). */
export type StoredNukiConfig = Omit<NukiConfig, 'nukiId' | 'currentTime'>;

/** How many log entries a lock keeps (the support site says about the last 1000). */
export const LOG_CAPACITY = 1000;

/** A deep copy of a memory (JSON values only), so a snapshot is never changed by the lock afterwards. */
export function copyMemory(memory: NukiLockMemory): NukiLockMemory {
  return structuredClone(memory);
}

/** Lowercase hex of bytes (keys and UUIDs in the memory). */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Bytes of a hex string written by toHex. */
export function fromHex(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
