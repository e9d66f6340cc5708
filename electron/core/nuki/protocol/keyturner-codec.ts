import { ByteReader, ByteWriter, protocolError } from './bytes';
import { DATE_TIME_BYTES, decodeDateTime, encodeDateTime } from './date-codec';

/**
 * Keyturner States 0x000C (nuki-ble.md §4). Every lock sends the 13-byte head; firmware adds tail fields over time,
 * so each tail field is present only when the payload reaches it:
 *   nukiState @0 · lockState @1 · trigger @2 · currentTime[7] @3 · tzOffset s16 @10 · battery @12 ·
 *   configUpdateCount @13 · lockNGoTimer @14 · lastLockAction @15 · lastLockActionTrigger @16 ·
 *   lastLockActionCompletionStatus @17 · doorSensorState @18 · nightModeActive @19 · accessoryBattery @20
 */

/** nukiState values. */
export const NUKI_STATE = { UNINITIALIZED: 0, PAIRING_MODE: 1, DOOR_MODE: 2, MAINTENANCE_MODE: 4 } as const;
/** Common lockState values. */
export const LOCK_STATE = { UNCALIBRATED: 0, LOCKED: 1, UNLOCKING: 2, UNLOCKED: 3, LOCKING: 4, UNLATCHED: 5, MOTOR_BLOCKED: 0xfe } as const;

/** The battery byte: bit0 critical, bit1 charging, bits 2–7 percent / 2 (old firmware reports 0 percent). */
export interface BatteryState {
  percent: number;
  isCritical: boolean;
  isCharging: boolean;
}

/** The accessory byte: keypad and door-sensor battery flags. */
export interface AccessoryBatteryState {
  isKeypadBatterySupported: boolean;
  isKeypadBatteryCritical: boolean;
  isDoorSensorBatterySupported: boolean;
  isDoorSensorBatteryCritical: boolean;
}

/** Keyturner States; fields after `battery` are present only when the lock sent them. */
export interface KeyturnerStates {
  nukiState: number;
  lockState: number;
  trigger: number;
  /** The lock's clock (UTC). */
  currentTime: Date | null;
  timezoneOffsetMinutes: number;
  battery: BatteryState;
  configUpdateCount?: number;
  lockNGoTimer?: number;
  lastLockAction?: number;
  lastLockActionTrigger?: number;
  lastLockActionCompletionStatus?: number;
  doorSensorState?: number;
  nightModeActive?: boolean;
  accessoryBattery?: AccessoryBatteryState;
}

const HEAD_BYTES = 13;
const TAIL = [
  'configUpdateCount',
  'lockNGoTimer',
  'lastLockAction',
  'lastLockActionTrigger',
  'lastLockActionCompletionStatus',
  'doorSensorState',
] as const;

/** Decodes Keyturner States (13 bytes or more; unknown trailing fields are ignored). */
export function decodeKeyturnerStates(payload: Uint8Array): KeyturnerStates {
  if (payload.length < HEAD_BYTES) throw protocolError(`Keyturner States is ${payload.length} bytes; expected at least ${HEAD_BYTES}`);
  const r = new ByteReader(payload);
  const [nukiState, lockState, trigger] = [r.u8(), r.u8(), r.u8()];
  const currentTime = decodeDateTime(r.bytes(DATE_TIME_BYTES));
  const [timezoneOffsetMinutes, battery] = [r.i16(), decodeBattery(r.u8())];
  const states: KeyturnerStates = { nukiState, lockState, trigger, currentTime, timezoneOffsetMinutes, battery };
  for (const field of TAIL) if (r.remaining >= 1) states[field] = r.u8();
  if (r.remaining >= 1) states.nightModeActive = r.u8() === 1;
  if (r.remaining >= 1) states.accessoryBattery = decodeAccessoryBattery(r.u8());
  return states;
}

/** Encodes Keyturner States (for a virtual lock): the head plus tail fields up to the last one given (gaps as 0). */
export function encodeKeyturnerStates(states: KeyturnerStates): Uint8Array {
  const w = new ByteWriter().u8(states.nukiState, 'nukiState').u8(states.lockState, 'lockState').u8(states.trigger, 'trigger');
  w.bytes(encodeDateTime(states.currentTime)).i16(states.timezoneOffsetMinutes, 'timezoneOffsetMinutes');
  w.u8(encodeBattery(states.battery));
  const night = states.nightModeActive === undefined ? undefined : states.nightModeActive ? 1 : 0;
  const accessory = states.accessoryBattery && encodeAccessoryBattery(states.accessoryBattery);
  const tail = [...TAIL.map((field) => states[field]), night, accessory];
  const last = tail.findLastIndex((v) => v !== undefined);
  for (const value of tail.slice(0, last + 1)) w.u8(value ?? 0);
  return w.toBytes();
}

/** Reads the battery byte. */
export function decodeBattery(byte: number): BatteryState {
  return { percent: (byte >> 2) * 2, isCritical: (byte & 0x01) !== 0, isCharging: (byte & 0x02) !== 0 };
}

/** Writes the battery byte (percent rounded down to an even number). */
export function encodeBattery(battery: BatteryState): number {
  const half = Math.max(0, Math.min(63, Math.floor(battery.percent / 2)));
  return (half << 2) | (battery.isCharging ? 0x02 : 0) | (battery.isCritical ? 0x01 : 0);
}

/** Reads the accessory battery byte. */
export function decodeAccessoryBattery(byte: number): AccessoryBatteryState {
  return {
    isKeypadBatterySupported: (byte & 0x01) !== 0,
    isKeypadBatteryCritical: (byte & 0x02) !== 0,
    isDoorSensorBatterySupported: (byte & 0x04) !== 0,
    isDoorSensorBatteryCritical: (byte & 0x08) !== 0,
  };
}

/** Writes the accessory battery byte. */
export function encodeAccessoryBattery(state: AccessoryBatteryState): number {
  const bits = [state.isKeypadBatterySupported, state.isKeypadBatteryCritical, state.isDoorSensorBatterySupported, state.isDoorSensorBatteryCritical];
  return bits.reduce((byte, on, i) => byte | (on ? 1 << i : 0), 0);
}
