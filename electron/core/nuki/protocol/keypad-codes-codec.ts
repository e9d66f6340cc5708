import { CodedError } from '../../../../shared/result';
import { ByteReader, ByteWriter, protocolError } from './bytes';
import {
  DATE_TIME_BYTES,
  decodeDateTime,
  decodeTimeOfDay,
  decodeWeekdays,
  encodeDateTime,
  encodeTimeOfDay,
  encodeWeekdays,
  MIDNIGHT,
  type TimeOfDay,
  type Weekday,
} from './date-codec';

/**
 * Keypad-code bodies (nuki-ble.md §4), both directions, without the trailing nK ‖ PIN (see command-codec):
 *   Add 0x0041 (44 B) · Update 0x0046 (47 B) · Remove 0x0047 (2 B) · Request Keypad Codes 0x0043 (4 B)
 *   Keypad Code ID 0x0042 (9 B) · Keypad Code Count 0x0044 (2 B) · Keypad Code 0x0045 (44 B, or 63 B with the time block)
 * The PIN is a 6-digit string here and a u32 on the wire; the name is at most 20 bytes of UTF-8.
 */

/** Length of the time block that follows the timeLimited flag. */
const SCHEDULE_BYTES = 2 * DATE_TIME_BYTES + 1 + 2 + 2;
const NAME_BYTES = 20;

/** When a time-limited code works. Dates are UTC; weekdays and times of day are the lock's local time. */
export interface KeypadCodeSchedule {
  allowedFrom: Date | null;
  allowedUntil: Date | null;
  /** All seven = every day (the wire's 0 reads as all seven). */
  weekdays: Weekday[];
  fromTime: TimeOfDay;
  untilTime: TimeOfDay;
}

/** Add Keypad Code: a new code; `schedule: null` = always allowed (timeLimited 0). */
export interface NewKeypadCode {
  /** Six digits. */
  code: string;
  name: string;
  schedule: KeypadCodeSchedule | null;
}

/** Update Keypad Code: the whole entry, addressed by the lock's codeId. */
export interface KeypadCodeUpdate extends NewKeypadCode {
  codeId: number;
  enabled: boolean;
}

/** Keypad Code 0x0045: one entry as the lock lists it. */
export interface KeypadCodeEntry extends KeypadCodeUpdate {
  dateCreated: Date | null;
  dateLastActive: Date | null;
  lockCount: number;
}

/** Keypad Code ID 0x0042: the lock's answer to Add. */
export interface KeypadCodeId {
  codeId: number;
  dateCreated: Date | null;
}

/** Encodes an Add Keypad Code body (44 bytes). */
export function encodeAddKeypadCode(value: NewKeypadCode): Uint8Array {
  const w = new ByteWriter().u32(pinToWire(value.code), 'code');
  return writeSchedule(writeName(w, value.name), value.schedule).toBytes();
}

/** Decodes an Add Keypad Code body (exactly 44 bytes). */
export function decodeAddKeypadCode(payload: Uint8Array): NewKeypadCode {
  const r = reader(payload, 44, 'Add Keypad Code');
  return { code: pinFromWire(r.u32()), name: r.text(NAME_BYTES), schedule: readSchedule(r) };
}

/** Encodes an Update Keypad Code body (47 bytes). */
export function encodeUpdateKeypadCode(value: KeypadCodeUpdate): Uint8Array {
  const w = new ByteWriter().u16(value.codeId, 'codeId').u32(pinToWire(value.code), 'code');
  return writeSchedule(writeName(w, value.name).u8(value.enabled ? 1 : 0), value.schedule).toBytes();
}

/** Decodes an Update Keypad Code body (exactly 47 bytes). */
export function decodeUpdateKeypadCode(payload: Uint8Array): KeypadCodeUpdate {
  const r = reader(payload, 47, 'Update Keypad Code');
  const [codeId, code, name, enabled] = [r.u16(), pinFromWire(r.u32()), r.text(NAME_BYTES), r.u8() === 1];
  return { codeId, code, name, enabled, schedule: readSchedule(r) };
}

/** Encodes a Remove Keypad Code body. */
export function encodeRemoveKeypadCode(value: { codeId: number }): Uint8Array {
  return new ByteWriter().u16(value.codeId, 'codeId').toBytes();
}

/** Decodes a Remove Keypad Code body. */
export function decodeRemoveKeypadCode(payload: Uint8Array): { codeId: number } {
  return { codeId: reader(payload, 2, 'Remove Keypad Code').u16() };
}

/** Encodes a Request Keypad Codes body; `offset` is a list position, not a codeId. */
export function encodeRequestKeypadCodes(value: { offset: number; count: number }): Uint8Array {
  return new ByteWriter().u16(value.offset, 'offset').u16(value.count, 'count').toBytes();
}

/** Decodes a Request Keypad Codes body. */
export function decodeRequestKeypadCodes(payload: Uint8Array): { offset: number; count: number } {
  const r = reader(payload, 4, 'Request Keypad Codes');
  return { offset: r.u16(), count: r.u16() };
}

/** Encodes a Keypad Code ID reply. */
export function encodeKeypadCodeId(value: KeypadCodeId): Uint8Array {
  return new ByteWriter().u16(value.codeId, 'codeId').bytes(encodeDateTime(value.dateCreated)).toBytes();
}

/** Decodes a Keypad Code ID reply. */
export function decodeKeypadCodeId(payload: Uint8Array): KeypadCodeId {
  const r = reader(payload, 9, 'Keypad Code ID');
  return { codeId: r.u16(), dateCreated: decodeDateTime(r.bytes(DATE_TIME_BYTES)) };
}

/** Encodes a Keypad Code Count reply. */
export function encodeKeypadCodeCount(value: { count: number }): Uint8Array {
  return new ByteWriter().u16(value.count, 'count').toBytes();
}

/** Decodes a Keypad Code Count reply. */
export function decodeKeypadCodeCount(payload: Uint8Array): { count: number } {
  return { count: reader(payload, 2, 'Keypad Code Count').u16() };
}

/**
 * Encodes a Keypad Code entry. `full` (default) always sends 63 bytes, as the ESP32 lib and pyNukiBT expect;
 * `compact` leaves out the time block when the code is not time-limited (44 bytes), as the PDF describes.
 */
export function encodeKeypadCode(entry: KeypadCodeEntry, layout: 'full' | 'compact' = 'full'): Uint8Array {
  const w = new ByteWriter().u16(entry.codeId, 'codeId').u32(pinToWire(entry.code), 'code');
  writeName(w, entry.name).u8(entry.enabled ? 1 : 0);
  w.bytes(encodeDateTime(entry.dateCreated)).bytes(encodeDateTime(entry.dateLastActive)).u16(entry.lockCount, 'lockCount');
  if (layout === 'compact' && entry.schedule === null) return w.u8(0).toBytes();
  return writeSchedule(w, entry.schedule).toBytes();
}

/** Decodes a Keypad Code entry of 44 bytes (no time block) or 63 bytes and more (extra bytes ignored). */
export function decodeKeypadCode(payload: Uint8Array): KeypadCodeEntry {
  if (payload.length !== 44 && payload.length < 63) {
    throw protocolError(`Keypad Code is ${payload.length} bytes; expected 44 or 63`, { length: payload.length });
  }
  const r = new ByteReader(payload);
  const [codeId, code, name, enabled] = [r.u16(), pinFromWire(r.u32()), r.text(NAME_BYTES), r.u8() === 1];
  const [dateCreated, dateLastActive] = [decodeDateTime(r.bytes(DATE_TIME_BYTES)), decodeDateTime(r.bytes(DATE_TIME_BYTES))];
  const lockCount = r.u16();
  const schedule = payload.length === 44 ? (r.u8() === 1 ? noBlockSchedule() : null) : readSchedule(r);
  return { codeId, code, name, enabled, dateCreated, dateLastActive, lockCount, schedule };
}

/** The wire number for a 6-digit keypad code; refuses anything else (the message never repeats the code). */
export function pinToWire(code: string): number {
  if (!/^\d{6}$/.test(code)) throw new CodedError('codes.constraint_violated', 'A keypad code must be exactly 6 digits', { field: 'code' });
  return Number(code);
}

/** The 6-digit string for a wire keypad code. */
export function pinFromWire(value: number): string {
  if (value > 999_999) throw protocolError('Keypad code on the wire has more than 6 digits', { field: 'code' });
  return String(value).padStart(6, '0');
}

function writeName(w: ByteWriter, name: string): ByteWriter {
  if (new TextEncoder().encode(name).length > NAME_BYTES) {
    throw new CodedError('codes.constraint_violated', `A keypad code name must fit in ${NAME_BYTES} bytes`, { field: 'name' });
  }
  return w.text(name, NAME_BYTES, 'name');
}

/** Writes timeLimited ‖ time block; the block is zero-filled when there is no schedule. */
function writeSchedule(w: ByteWriter, s: KeypadCodeSchedule | null): ByteWriter {
  if (s === null) return w.u8(0).bytes(new Uint8Array(SCHEDULE_BYTES));
  w.u8(1).bytes(encodeDateTime(s.allowedFrom)).bytes(encodeDateTime(s.allowedUntil)).u8(encodeWeekdays(s.weekdays));
  return w.bytes(encodeTimeOfDay(s.fromTime)).bytes(encodeTimeOfDay(s.untilTime));
}

function readSchedule(r: ByteReader): KeypadCodeSchedule | null {
  const timeLimited = r.u8() === 1;
  const block = r.bytes(SCHEDULE_BYTES);
  if (!timeLimited) return null;
  return {
    allowedFrom: decodeDateTime(block, 0),
    allowedUntil: decodeDateTime(block, DATE_TIME_BYTES),
    weekdays: decodeWeekdays(block[2 * DATE_TIME_BYTES] as number),
    fromTime: decodeTimeOfDay(block, 2 * DATE_TIME_BYTES + 1),
    untilTime: decodeTimeOfDay(block, 2 * DATE_TIME_BYTES + 3),
  };
}

/** A 44-byte entry that says timeLimited = 1 but carries no block: limited, with nothing known about how. */
function noBlockSchedule(): KeypadCodeSchedule {
  return { allowedFrom: null, allowedUntil: null, weekdays: decodeWeekdays(0), fromTime: { ...MIDNIGHT }, untilTime: { ...MIDNIGHT } };
}

function reader(payload: Uint8Array, length: number, what: string): ByteReader {
  if (payload.length !== length) throw protocolError(`${what} is ${payload.length} bytes; expected ${length}`, { length: payload.length });
  return new ByteReader(payload);
}
