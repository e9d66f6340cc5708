import type { LockProfile } from '../../../shared/domain/lock';

/** What one User Code slot holds, as read from the lock (or from zwave-js's cache of the last read). */
export interface SlotReading {
  slot: number;
  status: 'available' | 'enabled' | 'disabled' | 'unknown';
  /** The PIN as the lock reports it; null when empty, masked ("****"/"0000" on some locks is kept as reported), or not read. */
  code: string | null;
}

/**
 * Where the Z-Wave controller is: a serial path ("/dev/ttyACM0", "COM3"), a "tcp://host:port" networked stick,
 * or an in-process port from the virtual stick (zwave-js's ZWaveSerialBindingFactory, kept opaque here).
 */
export type ControllerPort = string | { readonly kind: 'binding'; readonly factory: unknown };

/** Options to open a controller. */
export interface OpenNetworkOptions {
  port: ControllerPort;
  /** zwave-js cache folder: inside the app's data folder, never the working directory. It holds PINs. */
  cacheDir: string;
  /** S0/S2 network keys (16 bytes each), stable per installation. */
  securityKeys: NetworkKeys;
  /** Progress lines for the UI ("Interviewing node 3…"). Never include PINs. */
  onProgress?: (message: string) => void;
  /**
   * How long openZWaveNetwork waits for all locks to be interviewed before resolving anyway (locks still not ready
   * are reported offline; their interview goes on in the background). Default 120 s.
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
 * Radio failures throw CodedError with `zwave.no_answer` (ZW0204/timeouts; the command MAY have reached the lock),
 * `zwave.nak`, `zwave.node_dead`, `zwave.node_not_found`, `zwave.unsupported`, `transport.disconnected`.
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
  /** Called when a lock stops or starts answering. Returns an unsubscribe function. */
  onLockAvailability(listener: (nodeId: number, isOnline: boolean) => void): () => void;
  /** Called when the controller goes away (USB stick pulled, TCP closed). */
  onDisconnected(listener: (reason: string) => void): () => void;
  /** Close the controller cleanly (flushes zwave-js's cache). */
  close(): Promise<void>;
}
