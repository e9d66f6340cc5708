import { ByteReader, ByteWriter } from '../../nuki/protocol/bytes';
import { DATE_TIME_BYTES, decodeDateTime, decodeTimeOfDay, type TimeOfDay } from '../../nuki/protocol/date-codec';
import { LOCK_STATE } from '../../nuki/protocol/keyturner-codec';
import { COMPLETION_STATUS, KEYPAD_SOURCE, LOG_ENTRY_TYPE } from '../../nuki/protocol/log-codec';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import { appendLogEntry } from './nuki-lock-log';
import type { NukiLockMemory, StoredKeypadCode, StoredSchedule } from './nuki-lock-state';

/**
 * The virtual Nuki lock's own rules for keypad codes, written from the reference (nuki-ble.md §5), not from
 * Lockbench's code-constraint checks, so a test shows whether those agree with the lock:
 *   code: exactly 6 digits, 1–9 only, not starting with "12"        else K_ERROR_CODE_INVALID (0x2B)
 *   name: valid UTF-8 in its 20 bytes; flags 0/1; a sane time block   else K_ERROR_BAD_PARAMETER (0x23)
 * and when a typed code opens the door: enabled, inside its UTC dates, on an allowed weekday and inside its
 * time-of-day window, both in the lock's local time (its clock + tzOffset).
 */

const NAME_BYTES = 20;
/** Lock Action "unlock", as a keypad entry logs it. */
const UNLOCK = 0x01;
const TIME_BLOCK_BYTES = 2 * DATE_TIME_BYTES + 1 + 2 + 2;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The code, name and limits of an Add (44 B) or Update (47 B) body, as the lock read them. */
export interface CodeFields {
  code: string;
  name: string;
  /** Update only; Add always stores an enabled code. */
  enabled: boolean;
  schedule: StoredSchedule | null;
}

/** The fields, or the Error Report byte the lock answers with. */
export type CodeFieldsResult = { ok: true; fields: CodeFields } | { ok: false; errorCode: number };

/** True when the lock takes this wire value as a keypad code (`/^(?!12)[1-9]{6}$/`). */
export function isValidKeypadCode(wireCode: number): boolean {
  return /^(?!12)[1-9]{6}$/.test(String(wireCode));
}

/**
 * Reads `code u32 ‖ name[20] ‖ (enabled u8) ‖ timeLimited u8 ‖ block(19)` from `body` at `offset` and checks it:
 * the code first (0x2B), then the name, flags and time block (0x23).
 */
export function readCodeFields(body: Uint8Array, offset: number, withEnabled: boolean): CodeFieldsResult {
  const refuse = (errorCode: number): CodeFieldsResult => ({ ok: false, errorCode });
  const r = new ByteReader(body, offset);
  const wireCode = r.u32();
  if (!isValidKeypadCode(wireCode)) return refuse(NUKI_ERROR.CODE_INVALID);
  const name = readName(r.bytes(NAME_BYTES));
  const enabled = withEnabled ? r.u8() : 1;
  const timeLimited = r.u8();
  const block = r.bytes(TIME_BLOCK_BYTES);
  if (name === null || enabled > 1 || timeLimited > 1) return refuse(NUKI_ERROR.BAD_PARAMETER);
  const schedule = timeLimited === 1 ? readSchedule(block) : null;
  if (schedule === 'bad') return refuse(NUKI_ERROR.BAD_PARAMETER);
  return { ok: true, fields: { code: String(wireCode), name, enabled: enabled === 1, schedule } };
}

/** Whether `code` opens the door at `lockTimeMs` (the lock's clock, UTC) with the lock's `tzOffsetMinutes`. */
export function isAllowedAt(code: StoredKeypadCode, lockTimeMs: number, tzOffsetMinutes: number): boolean {
  if (!code.enabled) return false;
  const s = code.schedule;
  if (s === null) return true;
  if (s.allowedFrom !== null && lockTimeMs < s.allowedFrom) return false;
  if (s.allowedUntil !== null && lockTimeMs > s.allowedUntil) return false;
  const local = new Date(lockTimeMs + tzOffsetMinutes * 60_000);
  const day = local.getUTCDay(); // 0 = Sunday = bit 0; Monday = bit 6 … Saturday = bit 1
  const bit = day === 0 ? 0 : 7 - day;
  if ((s.weekdays & 0x7f) !== 0 && (s.weekdays & (1 << bit)) === 0) return false;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minute >= minutesOf(s.fromTime) && minute < untilMinute(s.untilTime);
}

/** What typing a code on the keypad did. */
export interface KeypadEntryResult {
  unlocked: boolean;
  /** The code's id when the code is on the lock (also when it was refused: disabled or outside its window). */
  codeId: number | null;
}

/**
 * Types `code` on the keypad at `lockTimeMs`: an allowed code unlocks (lockCount + 1, dateLastActive) and logs a
 * keypad entry (type 0x05) with status SUCCESS and its codeId; anything else logs INVALID_CODE (0xE0), with the codeId
 * of a matching code that was not allowed now, else 0.
 */
export function enterKeypadCode(memory: NukiLockMemory, code: string, lockTimeMs: number): KeypadEntryResult {
  const match = memory.keypadCodes.find((c) => c.code === code);
  const unlocked = match !== undefined && isAllowedAt(match, lockTimeMs, memory.config.timezoneOffsetMinutes);
  if (unlocked) {
    match.lockCount = Math.min(0xffff, match.lockCount + 1);
    match.dateLastActive = Math.floor(lockTimeMs / 1000) * 1000;
    memory.lockState = LOCK_STATE.UNLOCKED;
  }
  const status = unlocked ? COMPLETION_STATUS.SUCCESS : COMPLETION_STATUS.INVALID_CODE;
  const data = new ByteWriter().u8(UNLOCK).u8(KEYPAD_SOURCE.CODE).u8(status).u16(match?.codeId ?? 0).toBytes();
  appendLogEntry(memory, { timestamp: lockTimeMs, authId: 0, name: match?.name ?? '', type: LOG_ENTRY_TYPE.KEYPAD, data });
  return { unlocked, codeId: match?.codeId ?? null };
}

/** NUL-terminated UTF-8, or null when the bytes are not valid UTF-8 (a name cut inside a character). */
function readName(raw: Uint8Array): string | null {
  const end = raw.indexOf(0);
  try {
    return strictUtf8.decode(end < 0 ? raw : raw.subarray(0, end));
  } catch {
    return null;
  }
}

/** The time block of a time-limited code, or 'bad' when a date or time is impossible or a window is empty. */
function readSchedule(block: Uint8Array): StoredSchedule | 'bad' {
  try {
    const from = decodeDateTime(block, 0);
    const until = decodeDateTime(block, DATE_TIME_BYTES);
    const fromTime = decodeTimeOfDay(block, 2 * DATE_TIME_BYTES + 1);
    const untilTime = decodeTimeOfDay(block, 2 * DATE_TIME_BYTES + 3);
    if (from && until && from.getTime() > until.getTime()) return 'bad';
    if (minutesOf(fromTime) >= untilMinute(untilTime)) return 'bad';
    return {
      allowedFrom: from?.getTime() ?? null,
      allowedUntil: until?.getTime() ?? null,
      weekdays: block[2 * DATE_TIME_BYTES] as number,
      fromTime,
      untilTime,
    };
  } catch {
    return 'bad';
  }
}

const minutesOf = (t: TimeOfDay): number => t.hour * 60 + t.minute;
/** untilTime 00:00 means the end of the day (so 00:00–00:00 is all day). */
const untilMinute = (t: TimeOfDay): number => minutesOf(t) || 24 * 60;
