import type { CodeConstraint } from '../../../shared/domain/code-constraints';
import type { ControllerPort, NetworkKeys } from '../zwave/lock-network';
import type { StoredClock, StoredUserSchedules } from './schedule-memory';

/** How a virtual lock differs from the others, the way real locks do. */
export interface VirtualLockSpec {
  nodeId: number;
  /** Shown as the lock's manufacturer/model in the UI (neutral ids underneath: 0xffff/0xffff/0xfffe). */
  label: string;
  /** The name the lock reports over Z-Wave (Node Naming CC, at most 16 characters); default: label cut to 16. */
  reportedName?: string;
  slotCount: number;
  /** Code lengths the keypad takes, e.g. 4–8. */
  minCodeLength: number;
  maxCodeLength: number;
  /** Schedule Entry Lock CC with year-day schedules. */
  nativeScheduling: boolean;
  /** Included with S2 Access Control (else no security). */
  secure: boolean;
  batteryLevel: number;
  /** Probability (0–1) that the lock ignores a command, like a weak battery or a far-away lock. */
  dropRate: number;
  /** Whether the lock answers User Code Report with the PIN (false: masked). */
  revealsCodes: boolean;
  /** PIN rules from the lock's device information (Seam code_constraints vocabulary). */
  codeConstraints?: CodeConstraint[];
  /** User Code CC version: 2 (default) has capabilities and the code checksum; 1 has neither. */
  userCodeVersion?: 1 | 2;
}

/** Test and demo controls over one virtual lock. */
export interface VirtualLockHandle {
  readonly spec: VirtualLockSpec;
  /** Codes held in the lock's memory right now, by slot (what a keypad would accept). */
  storedCodes(): Map<number, string>;
  /** Put a code into the lock's memory as if typed on the keypad / set by another tool. */
  plantCode(slot: number, pin: string): void;
  /** Stop or resume answering any command (a lock out of range or with a dead battery). */
  setAnswering(isAnswering: boolean): void;
  /** Override dropRate (tests use 0 for determinism, 1 to force silence). */
  setDropRate(rate: number): void;
  /** Someone opened the door with the code in `slot`: the lock sends a keypad unlock notification to the controller. */
  simulateKeypadUnlock(slot: number): Promise<void>;
  /** Year-day schedules and enable flag per user slot in the lock's memory (empty for a lock without scheduling). */
  storedSchedules(): Record<string, StoredUserSchedules>;
  /** The lock's clock: Schedule Entry Lock offset and Time Parameters skew (null for a lock without scheduling). */
  storedClock(): StoredClock | null;
}

/**
 * A virtual Z-Wave stick built on zwave-js's MockController, with virtual locks (MockNodes). Lock memory is kept
 * in `stateFile` so codes survive an app restart, as a real lock's would.
 */
export interface VirtualStick {
  /** What to give openZWaveNetwork in place of a serial path. */
  readonly port: ControllerPort;
  /** The network keys the virtual locks were "included" with: give these to openZWaveNetwork as `securityKeys`. */
  readonly securityKeys: NetworkKeys;
  readonly locks: ReadonlyMap<number, VirtualLockHandle>;
  /** Write lock memory to the state file now (also done after every change to a code). */
  save(): Promise<void>;
  close(): Promise<void>;
}

/** Options for createVirtualStick. */
export interface VirtualStickOptions {
  /** JSON file holding each lock's memory; created on first use. */
  stateFile: string | null;
  locks: VirtualLockSpec[];
  /** Seed for the drop-rate randomness (reproducible tests). */
  seed?: number;
  /**
   * Network keys for the virtual network (the app's installation keys). When absent, keys stored in `stateFile`
   * are reused, else new random ones are made (and stored there).
   */
  securityKeys?: NetworkKeys;
}
