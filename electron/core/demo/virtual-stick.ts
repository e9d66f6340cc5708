import type { CodeConstraint } from '../../../shared/domain/code-constraints';
import type { FieldCipher } from '../secrets/field-cipher';
import type { ControllerPort, NetworkKeys } from '../zwave/lock-network';
import type { StoredClock, StoredUserSchedules } from './schedule-memory';

/** A real device's Z-Wave identity. zwave-js then loads that device's configuration file, quirks included. */
export interface RealDeviceIds {
  manufacturerId: number;
  productType: number;
  productId: number;
}

/** One configuration parameter of a virtual lock (Configuration CC v1). Values live in the mock's state, not the state file. */
export interface VirtualConfigParam {
  param: number;
  valueSize: 1 | 2 | 4;
  isUnsigned: boolean;
  minValue: number;
  maxValue: number;
  /** The value when the lock first starts. */
  value: number;
}

/** How a virtual lock differs from the others, the way real locks do. */
export interface VirtualLockSpec {
  nodeId: number;
  /** Shown as the lock's manufacturer/model in the UI for neutral ids (0xffff/0xffff/0xfffe); see `device`. */
  label: string;
  /**
   * Run as this real device: the lock reports these ids, so zwave-js applies that device's file and its quirks.
   * withDeviceFileParams (device-file-params.ts) gives it every configuration parameter the file documents. Absent:
   * neutral ids (0xffff/0xffff/0xfffe), no quirks.
   */
  device?: RealDeviceIds;
  /** Configuration parameter values that differ from the device file's defaults, by parameter number. */
  configValues?: Record<number, number>;
  /** The Configuration CC parameters the lock answers, with their values at first start (see device-file-params.ts). */
  configParams?: VirtualConfigParam[];
  /**
   * The configuration parameter holding the one PIN length the keypad takes (Schlage: 16 "User Code PIN Length").
   * A Set of a PIN of any other length is acknowledged and the slot stays empty, as such locks do.
   */
  pinLengthParam?: number;
  /** What User Code Users Number Report says when it differs from `slotCount` (Yale ZW2: 250 users, slot 251 = admin code). */
  reportedUserCount?: number;
  /** Codes already in the lock's memory the first time it starts (an earlier owner's, typed at the keypad…). */
  factoryCodes?: Record<number, string>;
  /** Year-day slots per user the lock claims in Schedule Entry Lock Supported Report (default 1). */
  claimedYearDaySlots?: number;
  /** The name the lock reports over Z-Wave (Node Naming CC, at most 16 characters); default: label cut to 16. */
  reportedName?: string;
  slotCount: number;
  /**
   * Code lengths the keypad takes, e.g. 4–8 (unless `pinLengthParam` holds the one length): a Set of a PIN outside them
   * is acknowledged and the slot stays empty. For the demo locks this is also their "device information"
   * (virtual-device-info.ts).
   */
  minCodeLength: number;
  maxCodeLength: number;
  /**
   * Schedule Entry Lock CC with year-day schedules, and a clock. A device file may still tell zwave-js otherwise
   * (Yale P-KFCON-MOD: 0 year-day slots), and then the lock does not schedule natively.
   */
  nativeScheduling: boolean;
  /** Included with S2 Access Control (else no security). */
  secure: boolean;
  batteryLevel: number;
  /** Time the virtual radio takes per frame, in ms (zwave-js's mock default is 10); tests interviewing many locks lower it. */
  radioDelayMs?: number;
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
   * Network keys for the virtual network: the app passes its installation keys. When absent (tests), new random keys
   * are made for this stick only; keys are never written to `stateFile`.
   */
  securityKeys?: NetworkKeys;
  /** Seals the PINs in `stateFile` (the app passes the data key's "demo locks" cipher); absent, they are kept in clear. */
  memoryCipher?: FieldCipher | null;
  /**
   * The virtual network's home id (default "LKBE", the house demo's). A second stick in the same data folder needs
   * its own: zwave-js keeps its cache per home id.
   */
  homeId?: number;
}
