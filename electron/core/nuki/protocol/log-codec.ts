import { ByteReader, ByteWriter, protocolError } from './bytes';
import { DATE_TIME_BYTES, decodeDateTime, encodeDateTime } from './date-codec';

/**
 * Log bodies (nuki-ble.md §4 "Log entries"), both directions, without the trailing nK ‖ PIN:
 *   Request Log Entries 0x0031: startIndex u32 ‖ count u16 ‖ sortOrder u8 ‖ totalCount u8
 *   Log Entry Count 0x0033: loggingEnabled u8 ‖ count u16 ‖ doorSensorEnabled u8 ‖ doorSensorLoggingEnabled u8
 *   Log Entry 0x0032: index u32 ‖ timestamp[7] ‖ authId u32 ‖ name[32] ‖ type u8 ‖ data
 *     type 0x05 (keypad) data: lockAction u8 ‖ source u8 ‖ completionStatus u8 ‖ codeId u16
 *   Enable Logging 0x0034: enabled u8
 */

/** Log Entry types. */
export const LOG_ENTRY_TYPE = { LOGGING: 0x01, LOCK_ACTION: 0x02, CALIBRATION: 0x03, INIT_RUN: 0x04, KEYPAD: 0x05, DOOR_SENSOR: 0x06, DOOR_SENSOR_LOGGING: 0x07 } as const;
/** Keypad action source byte. */
export const KEYPAD_SOURCE = { ARROW_KEY: 0, CODE: 1, FINGERPRINT: 2 } as const;
/** Completion status values of interest for keypad entries. */
export const COMPLETION_STATUS = { SUCCESS: 0x00, INVALID_CODE: 0xe0 } as const;

/** Request Log Entries: entries after `startIndex` (0 = from the oldest / newest end). */
export interface LogEntriesRequest {
  startIndex: number;
  count: number;
  sortOrder: 'ascending' | 'descending';
  /** Ask for a Log Entry Count before the entries. */
  withTotalCount: boolean;
}

/** Log Entry Count; the door-sensor flags are absent when the lock did not send them. */
export interface LogEntryCount {
  loggingEnabled: boolean;
  count: number;
  doorSensorEnabled?: boolean;
  doorSensorLoggingEnabled?: boolean;
}

/** The data of a keypad log entry (type 0x05): which code opened (or failed to open) the door. */
export interface KeypadLogData {
  lockAction: number;
  /** KEYPAD_SOURCE value. */
  source: number;
  /** COMPLETION_STATUS value (0xE0 = invalid code). */
  completionStatus: number;
  codeId: number;
}

/** One Log Entry. `keypad` is set for type 0x05; `data` always holds the raw bytes after the type. */
export interface LogEntry {
  index: number;
  /** UTC. */
  timestamp: Date | null;
  authId: number;
  name: string;
  type: number;
  data: Uint8Array;
  keypad?: KeypadLogData;
}

/** Encodes a Request Log Entries body (8 bytes). */
export function encodeRequestLogEntries(request: LogEntriesRequest): Uint8Array {
  return new ByteWriter()
    .u32(request.startIndex, 'startIndex')
    .u16(request.count, 'count')
    .u8(request.sortOrder === 'descending' ? 1 : 0)
    .u8(request.withTotalCount ? 1 : 0)
    .toBytes();
}

/** Decodes a Request Log Entries body. */
export function decodeRequestLogEntries(payload: Uint8Array): LogEntriesRequest {
  if (payload.length !== 8) throw protocolError(`Request Log Entries is ${payload.length} bytes; expected 8`);
  const r = new ByteReader(payload);
  return { startIndex: r.u32(), count: r.u16(), sortOrder: r.u8() === 1 ? 'descending' : 'ascending', withTotalCount: r.u8() === 1 };
}

/** Encodes a Log Entry Count (5 bytes; door-sensor flags default to off). */
export function encodeLogEntryCount(value: LogEntryCount): Uint8Array {
  return new ByteWriter()
    .u8(value.loggingEnabled ? 1 : 0)
    .u16(value.count, 'count')
    .u8(value.doorSensorEnabled ? 1 : 0)
    .u8(value.doorSensorLoggingEnabled ? 1 : 0)
    .toBytes();
}

/** Decodes a Log Entry Count (3 bytes, or 5 with the door-sensor flags). */
export function decodeLogEntryCount(payload: Uint8Array): LogEntryCount {
  const r = new ByteReader(payload);
  const value: LogEntryCount = { loggingEnabled: r.u8() === 1, count: r.u16() };
  if (r.remaining >= 2) Object.assign(value, { doorSensorEnabled: r.u8() === 1, doorSensorLoggingEnabled: r.u8() === 1 });
  return value;
}

/** Encodes a Log Entry (for a virtual lock); a keypad entry's data is built from `keypad`. */
export function encodeLogEntry(entry: Omit<LogEntry, 'data'> & { data?: Uint8Array }): Uint8Array {
  const w = new ByteWriter().u32(entry.index, 'index').bytes(encodeDateTime(entry.timestamp)).u32(entry.authId, 'authId');
  w.text(entry.name, 32, 'name').u8(entry.type, 'type');
  if (entry.keypad) {
    const k = entry.keypad;
    return w.u8(k.lockAction).u8(k.source).u8(k.completionStatus).u16(k.codeId, 'codeId').toBytes();
  }
  return w.bytes(entry.data ?? new Uint8Array(0)).toBytes();
}

/** Decodes a Log Entry; a keypad entry (type 0x05) must carry at least its 5 data bytes. */
export function decodeLogEntry(payload: Uint8Array): LogEntry {
  const r = new ByteReader(payload);
  const [index, timestamp, authId, name, type] = [r.u32(), decodeDateTime(r.bytes(DATE_TIME_BYTES)), r.u32(), r.text(32), r.u8()];
  const data = r.bytes(r.remaining);
  const entry: LogEntry = { index, timestamp, authId, name, type, data };
  if (type === LOG_ENTRY_TYPE.KEYPAD) {
    const d = new ByteReader(data);
    entry.keypad = { lockAction: d.u8(), source: d.u8(), completionStatus: d.u8(), codeId: d.u16() };
  }
  return entry;
}

/** Encodes an Enable Logging body. */
export function encodeEnableLogging(enabled: boolean): Uint8Array {
  return Uint8Array.of(enabled ? 1 : 0);
}

/** Decodes an Enable Logging body. */
export function decodeEnableLogging(payload: Uint8Array): boolean {
  return new ByteReader(payload).u8() === 1;
}
