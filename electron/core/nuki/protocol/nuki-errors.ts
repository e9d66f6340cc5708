import type { ErrorCode } from '../../../../shared/error-codes';
import { CodedError } from '../../../../shared/result';
import type { ErrorReport } from './command-codec';
import { commandLabel, NUKI_COMMAND } from './command-ids';
import { describeFrameFailure, type FrameFailure } from './frames';

/**
 * The Error Report byte table (nuki-ble.md §4 "Error codes") and its mapping to Lockbench's generic `lock.*` codes.
 * The Nuki name and byte stay in the message and details; a PIN never does (the report carries none).
 */
const TABLE = [
  ['NOT_PAIRING', 0x10, 'P_ERROR_NOT_PAIRING'],
  ['BAD_AUTHENTICATOR', 0x11, 'P_ERROR_BAD_AUTHENTICATOR'],
  ['PAIRING_BAD_PARAMETER', 0x12, 'P_ERROR_BAD_PARAMETER'],
  ['MAX_USER', 0x13, 'P_ERROR_MAX_USER'],
  ['NOT_AUTHORIZED', 0x20, 'K_ERROR_NOT_AUTHORIZED'],
  ['BAD_PIN', 0x21, 'K_ERROR_BAD_PIN'],
  ['BAD_NONCE', 0x22, 'K_ERROR_BAD_NONCE'],
  ['BAD_PARAMETER', 0x23, 'K_ERROR_BAD_PARAMETER'],
  ['INVALID_AUTH_ID', 0x24, 'K_ERROR_INVALID_AUTH_ID'],
  ['DISABLED', 0x25, 'K_ERROR_DISABLED'],
  ['REMOTE_NOT_ALLOWED', 0x26, 'K_ERROR_REMOTE_NOT_ALLOWED'],
  ['TIME_NOT_ALLOWED', 0x27, 'K_ERROR_TIME_NOT_ALLOWED'],
  ['TOO_MANY_PIN_ATTEMPTS', 0x28, 'K_ERROR_TOO_MANY_PIN_ATTEMPTS'],
  ['TOO_MANY_ENTRIES', 0x29, 'K_ERROR_TOO_MANY_ENTRIES'],
  ['CODE_ALREADY_EXISTS', 0x2a, 'K_ERROR_CODE_ALREADY_EXISTS'],
  ['CODE_INVALID', 0x2b, 'K_ERROR_CODE_INVALID'],
  ['CODE_INVALID_TIMEOUT_1', 0x2c, 'K_ERROR_CODE_INVALID_TIMEOUT_1'],
  ['CODE_INVALID_TIMEOUT_2', 0x2d, 'K_ERROR_CODE_INVALID_TIMEOUT_2'],
  ['CODE_INVALID_TIMEOUT_3', 0x2e, 'K_ERROR_CODE_INVALID_TIMEOUT_3'],
  ['AUTO_UNLOCK_TOO_RECENT', 0x40, 'K_ERROR_AUTO_UNLOCK_TOO_RECENT'],
  ['POSITION_UNKNOWN', 0x41, 'K_ERROR_POSITION_UNKNOWN'],
  ['MOTOR_BLOCKED', 0x42, 'K_ERROR_MOTOR_BLOCKED'],
  ['CLUTCH_FAILURE', 0x43, 'K_ERROR_CLUTCH_FAILURE'],
  ['MOTOR_TIMEOUT', 0x44, 'K_ERROR_MOTOR_TIMEOUT'],
  ['BUSY', 0x45, 'K_ERROR_BUSY'],
  ['CANCELED', 0x46, 'K_ERROR_CANCELED'],
  ['NOT_CALIBRATED', 0x47, 'K_ERROR_NOT_CALIBRATED'],
  ['MOTOR_POSITION_LIMIT', 0x48, 'K_ERROR_MOTOR_POSITION_LIMIT'],
  ['MOTOR_LOW_VOLTAGE', 0x49, 'K_ERROR_MOTOR_LOW_VOLTAGE'],
  ['MOTOR_POWER_FAILURE', 0x4a, 'K_ERROR_MOTOR_POWER_FAILURE'],
  ['CLUTCH_POWER_FAILURE', 0x4b, 'K_ERROR_CLUTCH_POWER_FAILURE'],
  ['VOLTAGE_TOO_LOW', 0x4c, 'K_ERROR_VOLTAGE_TOO_LOW'],
  ['FIRMWARE_UPDATE_NEEDED', 0x4d, 'K_ERROR_FIRMWARE_UPDATE_NEEDED'],
  ['BAD_CRC', 0xfd, 'ERROR_BAD_CRC'],
  ['BAD_LENGTH', 0xfe, 'ERROR_BAD_LENGTH'],
  ['UNKNOWN', 0xff, 'ERROR_UNKNOWN'],
] as const;

/** Error Report bytes by short name, so a virtual lock can raise one by constant: NUKI_ERROR.CODE_ALREADY_EXISTS = 0x2A. */
export const NUKI_ERROR = Object.fromEntries(TABLE.map(([key, byte]) => [key, byte])) as {
  readonly [E in (typeof TABLE)[number] as E[0]]: E[1];
};

const NAMES = new Map<number, string>(TABLE.map(([, byte, name]) => [byte, name]));

/** The Nuki name of an error byte, e.g. `K_ERROR_CODE_ALREADY_EXISTS`; unknown bytes as `ERROR_0x5A`. */
export function nukiErrorName(errorCode: number): string {
  return NAMES.get(errorCode) ?? `ERROR_0x${errorCode.toString(16).padStart(2, '0').toUpperCase()}`;
}

const BY_BYTE: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [NUKI_ERROR.BAD_PIN, 'lock.bad_security_pin'],
  [NUKI_ERROR.TOO_MANY_PIN_ATTEMPTS, 'lock.bad_security_pin'],
  [NUKI_ERROR.NOT_AUTHORIZED, 'lock.not_paired'],
  [NUKI_ERROR.INVALID_AUTH_ID, 'lock.not_paired'],
  [NUKI_ERROR.NOT_PAIRING, 'lock.not_pairing'],
  [NUKI_ERROR.BAD_AUTHENTICATOR, 'lock.pairing_refused'],
  [NUKI_ERROR.PAIRING_BAD_PARAMETER, 'lock.pairing_refused'],
  [NUKI_ERROR.MAX_USER, 'lock.pairing_refused'],
  [NUKI_ERROR.TOO_MANY_ENTRIES, 'lock.full'],
  [NUKI_ERROR.CODE_ALREADY_EXISTS, 'lock.duplicate_code'],
  [NUKI_ERROR.CODE_INVALID, 'lock.code_refused'],
  [NUKI_ERROR.BUSY, 'lock.busy'],
  [NUKI_ERROR.BAD_CRC, 'lock.protocol_error'],
  [NUKI_ERROR.BAD_LENGTH, 'lock.protocol_error'],
  [NUKI_ERROR.BAD_NONCE, 'lock.protocol_error'],
]);

const CODE_COMMANDS = new Set<number>([NUKI_COMMAND.ADD_KEYPAD_CODE, NUKI_COMMAND.UPDATE_KEYPAD_CODE]);

/** The generic error code for an Error Report; K_ERROR_BAD_PARAMETER counts as a refused code on Add/Update Keypad Code. */
export function nukiErrorCode(report: ErrorReport): ErrorCode {
  if (report.errorCode === NUKI_ERROR.BAD_PARAMETER && CODE_COMMANDS.has(report.commandId)) return 'lock.code_refused';
  return BY_BYTE.get(report.errorCode) ?? 'lock.failed';
}

/** An Error Report as a CodedError, keeping the Nuki name, byte and failed command in message and details. */
export function nukiErrorToCodedError(report: ErrorReport): CodedError {
  const name = nukiErrorName(report.errorCode);
  const byte = `0x${report.errorCode.toString(16).padStart(2, '0').toUpperCase()}`;
  return new CodedError(nukiErrorCode(report), `The lock refused ${commandLabel(report.commandId)}: ${name} (${byte})`, {
    nukiError: name,
    nukiErrorByte: report.errorCode,
    commandId: report.commandId,
  });
}

/** A frame the lock sent that could not be used, as CodedError `lock.protocol_error` (safe to retry after a read). */
export function frameFailureToCodedError(failure: FrameFailure): CodedError {
  return new CodedError('lock.protocol_error', `Unusable message from the lock: ${describeFrameFailure(failure)}`, { frameFailure: failure.kind });
}
