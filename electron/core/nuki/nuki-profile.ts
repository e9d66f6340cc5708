import type { CodeConstraint } from '../../../shared/domain/code-constraints';
import type { LockProfile } from '../../../shared/domain/lock';
import type { NukiLockStates } from './client/nuki-client';
import { hasAnyKeypad, type NukiConfig } from './protocol/config-codec';
import type { KeypadCodeEntry } from './protocol/keypad-codes-codec';
import { LOCK_STATE } from './protocol/keyturner-codec';
import { effectiveLockOffset } from './nuki-time-zone';

/**
 * A Nuki lock's profile from one reading (Config, Keyturner States, the keypad-code list): what the capability check
 * needs, in the lock port's words. Keypad codes live under ids the lock gives (`lock_ids`) and are proven by listing
 * them (`list`); the lock keeps each code's dates itself (`nativeScheduling`).
 */

/** Keypad codes a Nuki lock holds (nuki-ble.md §5: about 100; one more is refused K_ERROR_TOO_MANY_ENTRIES). */
export const NUKI_CODE_CAPACITY = 100;

/** Seam's code constraints for Nuki (nuki-ble.md §5), which the lock itself enforces. */
export const NUKI_CODE_CONSTRAINTS: readonly CodeConstraint[] = [
  { constraint_type: 'no_zeros' },
  { constraint_type: 'cannot_start_with_12' },
  { constraint_type: 'name_length', max_length: 20 },
];

/** Why the profile says 6 digits. */
export const NUKI_CODE_LENGTHS_NOTE = 'Nuki keypad codes are 6 digits 1–9, never starting with 12';

/** What one reading of a lock gathered. */
export interface NukiReading {
  address: string;
  config: NukiConfig;
  states: NukiLockStates;
  codes: readonly KeypadCodeEntry[];
  /** When it was read. */
  readAt: Date;
  /** Codes that fit (default NUKI_CODE_CAPACITY). */
  codeCapacity?: number;
}

/** The lock's profile from a reading. */
export function nukiProfileOf(reading: NukiReading): LockProfile {
  const { address, config, states, readAt } = reading;
  const at = readAt.toISOString();
  return {
    address,
    codePlaces: 'lock_ids',
    codeProof: 'list',
    keepsCodeNames: true,
    manufacturer: 'Nuki',
    model: nukiModelOf(config),
    firmwareVersion: config.firmwareVersion.join('.'),
    securityClass: 'app_key',
    isOnline: true,
    offlineSince: null,
    readAt: at,
    supportsAccessCodes: hasAnyKeypad(config),
    slotCount: reading.codeCapacity ?? NUKI_CODE_CAPACITY,
    supportedCodeLengths: [6],
    codeLengthsSource: 'protocol',
    codeLengthsNote: NUKI_CODE_LENGTHS_NOTE,
    reservedSlots: [],
    deviceIds: null,
    serialNumber: nukiIdText(config.nukiId),
    pinCharset: 'digits',
    nativeScheduling: true,
    supportsChecksum: false,
    batteryLevel: states.batteryPercent,
    batteryReadAt: at,
    isBatteryLow: states.isBatteryCritical,
    isKeypadBatteryLow: states.isKeypadBatteryCritical,
    doorState: doorStateOf(states.lockState),
    clockOffsetMinutes: effectiveLockOffset(config, readAt),
    lockTime: states.lockTime?.toISOString() ?? null,
    occupiedSlots: reading.codes.map((c) => c.codeId),
    codeConstraints: [...NUKI_CODE_CONSTRAINTS],
  };
}

/** The Nuki ID as 8 upper-case hex digits, as in the lock's Bluetooth name (`Nuki_3C8862ED`). */
export function nukiIdText(nukiId: number): string {
  return nukiId.toString(16).toUpperCase().padStart(8, '0');
}

/**
 * "Smart Lock 3.0 with Keypad 2". The config names no model; the firmware's major number is the Smart Lock generation
 * (1.x–4.x on Smart Lock 1.0–4.0), and the keypad flags tell which keypad is paired.
 */
export function nukiModelOf(config: Pick<NukiConfig, 'firmwareVersion' | 'hasKeypad' | 'hasKeypadV2'>): string {
  const major = config.firmwareVersion[0];
  const lock = major >= 1 && major <= 4 ? `Smart Lock ${major}.0` : 'Smart Lock';
  if (config.hasKeypadV2) return `${lock} with Keypad 2`;
  return config.hasKeypad ? `${lock} with Keypad` : lock;
}

function doorStateOf(lockState: number): LockProfile['doorState'] {
  if (lockState === LOCK_STATE.LOCKED) return 'locked';
  // 6 = unlocked (lock 'n' go)
  if (lockState === LOCK_STATE.UNLOCKED || lockState === LOCK_STATE.UNLATCHED || lockState === 6) return 'unlocked';
  return 'unknown';
}
