import { encodeErrorReport, encodeStatus } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND, NUKI_STATUS } from '../../nuki/protocol/command-ids';
import type { NukiMessage } from '../../nuki/protocol/frames';
import { NUKI_ERROR, nukiErrorToCodedError } from '../../nuki/protocol/nuki-errors';
import { isCodedError } from '../../../../shared/result';

/**
 * How the virtual lock answers: messages built with the protocol codecs, and refusals. A command handler refuses by
 * throwing `refuse(byte, commandId)` (a CodedError carrying the Nuki byte, as the client will map it); the dispatcher
 * turns it back into an Error Report. A body the codecs cannot read is K_ERROR_BAD_PARAMETER.
 */

/** One reply message. */
export function reply(commandId: number, payload: Uint8Array): NukiMessage {
  return { commandId, payload };
}

/** Status 0x000E (COMPLETE unless told). */
export function statusReply(status: number = NUKI_STATUS.COMPLETE): NukiMessage {
  return reply(NUKI_COMMAND.STATUS, encodeStatus(status));
}

/** Error Report 0x0012 for the command that failed. */
export function errorReply(errorCode: number, commandId: number): NukiMessage {
  return reply(NUKI_COMMAND.ERROR_REPORT, encodeErrorReport({ errorCode, commandId }));
}

/** The error a handler throws to make the lock answer Error Report `errorCode`. */
export function refuse(errorCode: number, commandId: number): Error {
  return nukiErrorToCodedError({ errorCode, commandId });
}

/** The Error Report for an error thrown while handling `commandId`; errors that are not the lock's refusals are rethrown. */
export function refusalReply(error: unknown, commandId: number): NukiMessage {
  if (!isCodedError(error)) throw error;
  const byte = error.details?.nukiErrorByte;
  return errorReply(typeof byte === 'number' ? byte : NUKI_ERROR.BAD_PARAMETER, commandId);
}
