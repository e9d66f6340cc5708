import { ByteReader } from '../../nuki/protocol/bytes';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeWeekdays } from '../../nuki/protocol/date-codec';
import {
  decodeRemoveKeypadCode,
  decodeRequestKeypadCodes,
  encodeKeypadCode,
  encodeKeypadCodeCount,
  encodeKeypadCodeId,
  type KeypadCodeEntry,
} from '../../nuki/protocol/keypad-codes-codec';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import type { CommandContext, CommandTable } from './command-table';
import { readCodeFields } from './keypad-code-rules';
import { refuse, reply, statusReply } from './lock-replies';
import type { StoredKeypadCode } from './nuki-lock-state';

/**
 * The virtual lock's keypad-code commands, all authorized with nK ‖ security PIN (nuki-ble.md §4):
 *   Request Keypad Codes (offset, count) → Keypad Code Count (total) ‖ Keypad Code (63 B) × n ‖ Status COMPLETE
 *   Add Keypad Code                      → Keypad Code ID (codeId, dateCreated) only, no Status
 *   Update Keypad Code (whole entry)     → Status COMPLETE
 *   Remove Keypad Code                   → Status COMPLETE
 * Refusals: invalid code 0x2B, bad name/flags/time block or unknown codeId 0x23, duplicate 0x2A, full 0x29.
 */
export const KEYPAD_CODE_COMMANDS: CommandTable = {
  [NUKI_COMMAND.REQUEST_KEYPAD_CODES]: { auth: 'pin', bodyBytes: 4, run: listCodes },
  [NUKI_COMMAND.ADD_KEYPAD_CODE]: { auth: 'pin', bodyBytes: 44, run: addCode },
  [NUKI_COMMAND.UPDATE_KEYPAD_CODE]: { auth: 'pin', bodyBytes: 47, run: updateCode },
  [NUKI_COMMAND.REMOVE_KEYPAD_CODE]: { auth: 'pin', bodyBytes: 2, run: removeCode },
};

function listCodes(context: CommandContext, body: Uint8Array) {
  const { offset, count } = decodeRequestKeypadCodes(body);
  const codes = context.memory.keypadCodes;
  const page = codes.slice(offset, offset + count).map((code) => reply(NUKI_COMMAND.KEYPAD_CODE, encodeKeypadCode(toEntry(code), 'full')));
  return [reply(NUKI_COMMAND.KEYPAD_CODE_COUNT, encodeKeypadCodeCount({ count: codes.length })), ...page, statusReply()];
}

function addCode(context: CommandContext, body: Uint8Array) {
  const read = readCodeFields(body, 0, false);
  if (!read.ok) throw refuse(read.errorCode, NUKI_COMMAND.ADD_KEYPAD_CODE);
  const { memory } = context;
  if (memory.keypadCodes.some((c) => c.code === read.fields.code)) throw refuse(NUKI_ERROR.CODE_ALREADY_EXISTS, NUKI_COMMAND.ADD_KEYPAD_CODE);
  if (memory.keypadCodes.length >= context.codeCapacity) throw refuse(NUKI_ERROR.TOO_MANY_ENTRIES, NUKI_COMMAND.ADD_KEYPAD_CODE);
  const codeId = memory.nextCodeId;
  const dateCreated = wholeSeconds(context.lockTime());
  memory.nextCodeId += 1;
  memory.keypadCodes.push({ codeId, ...read.fields, enabled: true, dateCreated, dateLastActive: null, lockCount: 0 });
  context.changed();
  return [reply(NUKI_COMMAND.KEYPAD_CODE_ID, encodeKeypadCodeId({ codeId, dateCreated: new Date(dateCreated) }))];
}

function updateCode(context: CommandContext, body: Uint8Array) {
  const codeId = new ByteReader(body).u16();
  const existing = context.memory.keypadCodes.find((c) => c.codeId === codeId);
  if (!existing) throw refuse(NUKI_ERROR.BAD_PARAMETER, NUKI_COMMAND.UPDATE_KEYPAD_CODE);
  const read = readCodeFields(body, 2, true);
  if (!read.ok) throw refuse(read.errorCode, NUKI_COMMAND.UPDATE_KEYPAD_CODE);
  if (context.memory.keypadCodes.some((c) => c.codeId !== codeId && c.code === read.fields.code)) {
    throw refuse(NUKI_ERROR.CODE_ALREADY_EXISTS, NUKI_COMMAND.UPDATE_KEYPAD_CODE);
  }
  Object.assign(existing, read.fields);
  context.changed();
  return [statusReply()];
}

function removeCode(context: CommandContext, body: Uint8Array) {
  const { codeId } = decodeRemoveKeypadCode(body);
  const at = context.memory.keypadCodes.findIndex((c) => c.codeId === codeId);
  if (at < 0) throw refuse(NUKI_ERROR.BAD_PARAMETER, NUKI_COMMAND.REMOVE_KEYPAD_CODE);
  context.memory.keypadCodes.splice(at, 1);
  context.changed();
  return [statusReply()];
}

/** A stored code as the Keypad Code codec takes it. */
function toEntry(code: StoredKeypadCode): KeypadCodeEntry {
  const s = code.schedule;
  return {
    ...code,
    dateCreated: dateOrNull(code.dateCreated),
    dateLastActive: dateOrNull(code.dateLastActive),
    schedule: s && { ...s, allowedFrom: dateOrNull(s.allowedFrom), allowedUntil: dateOrNull(s.allowedUntil), weekdays: decodeWeekdays(s.weekdays) },
  };
}

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
