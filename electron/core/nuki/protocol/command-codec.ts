import { CodedError } from '../../../../shared/result';
import { ByteReader, ByteWriter, concatBytes, protocolError } from './bytes';
import { decodeDateTime, encodeDateTime } from './date-codec';
import { CHALLENGE_BYTES } from './nuki-crypto';

/**
 * Generic command bodies (nuki-ble.md §4) and the tails that authorize a command:
 *   pattern 2 (challenge):        body ‖ nK(32)                   Request Config, Lock Action
 *   pattern 3 (challenge + PIN):  body ‖ nK(32) ‖ PIN             Verify Security PIN, Update Time, Set Config,
 *                                                                 Request Log Entries, Enable Logging, keypad codes
 * The security PIN is a u16 on Smart Lock 1–4 and a u32 on the Ultra: pass `pinWidth` 2 or 4.
 */

/** Bytes of the security PIN on the wire: 2 on Smart Lock 1–4, 4 on the Ultra. */
export type PinWidth = 2 | 4;

/** Encodes Request Data: the wanted command id, plus extra data for the few commands that take some. */
export function encodeRequestData(commandId: number, extra: Uint8Array = new Uint8Array(0)): Uint8Array {
  return new ByteWriter().u16(commandId, 'commandId').bytes(extra).toBytes();
}

/** Decodes Request Data. */
export function decodeRequestData(payload: Uint8Array): { commandId: number; extra: Uint8Array } {
  return { commandId: new ByteReader(payload).u16(), extra: payload.slice(2) };
}

/** Encodes Status (NUKI_STATUS value). */
export function encodeStatus(status: number): Uint8Array {
  return new ByteWriter().u8(status, 'status').toBytes();
}

/** Decodes Status. */
export function decodeStatus(payload: Uint8Array): number {
  if (payload.length !== 1) throw protocolError(`Status is ${payload.length} bytes; expected 1`);
  return payload[0] as number;
}

/** Error Report 0x0012: the error byte and the command that failed. */
export interface ErrorReport {
  errorCode: number;
  commandId: number;
}

/** Encodes Error Report (3 bytes). */
export function encodeErrorReport(report: ErrorReport): Uint8Array {
  return new ByteWriter().u8(report.errorCode, 'errorCode').u16(report.commandId, 'commandId').toBytes();
}

/** Decodes Error Report; the error byte is read unsigned (0x10 … 0xFF) although the PDF calls it sint8. */
export function decodeErrorReport(payload: Uint8Array): ErrorReport {
  if (payload.length !== 3) throw protocolError(`Error Report is ${payload.length} bytes; expected 3`);
  const r = new ByteReader(payload);
  return { errorCode: r.u8(), commandId: r.u16() };
}

/** Encodes Update Time: the time in UTC (7 bytes; append nK ‖ PIN). */
export function encodeUpdateTime(time: Date): Uint8Array {
  return encodeDateTime(time);
}

/** Decodes Update Time. */
export function decodeUpdateTime(payload: Uint8Array): Date | null {
  if (payload.length !== 7) throw protocolError(`Update Time is ${payload.length} bytes; expected 7`);
  return decodeDateTime(payload);
}

/** `body ‖ nK` for a command that needs a challenge but no PIN. */
export function appendChallenge(body: Uint8Array, challenge: Uint8Array): Uint8Array {
  return concatBytes(body, new ByteWriter().bytes(challenge, CHALLENGE_BYTES, 'challenge').toBytes());
}

/** `body ‖ nK ‖ PIN` for a command that needs the security PIN (Verify Security PIN: an empty body). */
export function appendChallengeAndPin(body: Uint8Array, challenge: Uint8Array, securityPin: number, pinWidth: PinWidth): Uint8Array {
  const max = pinWidth === 2 ? 0xffff : 0xffffffff;
  if (!Number.isInteger(securityPin) || securityPin < 0 || securityPin > max) {
    throw new CodedError('lock.bad_security_pin', `The security PIN does not fit this lock (${pinWidth * 8}-bit)`, { pinWidth });
  }
  const pin = new ByteWriter();
  if (pinWidth === 2) pin.u16(securityPin);
  else pin.u32(securityPin);
  return concatBytes(appendChallenge(body, challenge), pin.toBytes());
}

/** Splits `body ‖ nK` (for a virtual lock). */
export function splitChallenge(payload: Uint8Array): { body: Uint8Array; challenge: Uint8Array } {
  if (payload.length < CHALLENGE_BYTES) throw protocolError('Command is shorter than its challenge');
  const at = payload.length - CHALLENGE_BYTES;
  return { body: payload.slice(0, at), challenge: payload.slice(at) };
}

/** Splits `body ‖ nK ‖ PIN` (for a virtual lock). */
export function splitChallengeAndPin(payload: Uint8Array, pinWidth: PinWidth): { body: Uint8Array; challenge: Uint8Array; securityPin: number } {
  if (payload.length < CHALLENGE_BYTES + pinWidth) throw protocolError('Command is shorter than its challenge and PIN');
  const r = new ByteReader(payload, payload.length - pinWidth);
  const securityPin = pinWidth === 2 ? r.u16() : r.u32();
  return { ...splitChallenge(payload.subarray(0, payload.length - pinWidth)), securityPin };
}
