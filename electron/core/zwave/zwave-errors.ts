import { isZWaveError, ZWaveErrorCodes } from '@zwave-js/core';
import type { ErrorCode } from '../../../shared/error-codes';
import { CodedError, isCodedError } from '../../../shared/result';

/** What was going on when zwave-js failed: decides the words and, for Driver_Failed, open vs. disconnect. */
export interface ZWaveErrorContext {
  action: string;
  nodeId?: number;
  /** The node was marked dead by zwave-js when the error came back. */
  isNodeDead?: boolean;
  /** The driver was still opening (Driver_Failed means the port never opened). */
  isOpening?: boolean;
}

const NO_ANSWER = new Set<number>([
  ZWaveErrorCodes.Controller_CallbackNOK, // ZW0204: no ACK from the node; the command may still have arrived
  ZWaveErrorCodes.Controller_NodeTimeout,
  ZWaveErrorCodes.Controller_Timeout,
  ZWaveErrorCodes.Controller_MessageExpired,
  ZWaveErrorCodes.Security2CC_CannotDecode,
  ZWaveErrorCodes.Security2CC_NoSPAN,
]);
const NAK = new Set<number>([ZWaveErrorCodes.Controller_MessageDropped, ZWaveErrorCodes.Controller_ResponseNOK]);
const UNSUPPORTED = new Set<number>([
  ZWaveErrorCodes.CC_NotSupported,
  ZWaveErrorCodes.CC_NotImplemented,
  ZWaveErrorCodes.CC_NoAPI,
  ZWaveErrorCodes.Driver_NotSupported,
  ZWaveErrorCodes.Controller_NotSupported,
]);

/** The project error code for a zwave-js ZWaveError code (see the sets above; ZW0204 = no answer). */
export function zwaveCodeToErrorCode(code: number, context: Omit<ZWaveErrorContext, 'action'> = {}): ErrorCode {
  if (NO_ANSWER.has(code)) return 'lock.no_answer';
  if (NAK.has(code)) return context.isNodeDead ? 'lock.offline' : 'lock.not_sent';
  if (code === ZWaveErrorCodes.Controller_NodeNotFound) return 'lock.not_found';
  // zwave-js checks a code against the lock's reported characters and slot count before sending.
  if (code === ZWaveErrorCodes.Argument_Invalid) return 'codes.constraint_violated';
  if (UNSUPPORTED.has(code)) return 'lock.unsupported';
  if (code === ZWaveErrorCodes.Driver_SerialPortClosed) return 'transport.disconnected';
  if (code === ZWaveErrorCodes.Driver_Failed) return context.isOpening ? 'transport.open_failed' : 'transport.disconnected';
  if (code === ZWaveErrorCodes.Driver_NotReady || code === ZWaveErrorCodes.Driver_Destroyed) return 'lock.not_ready';
  return 'lock.failed';
}

const WORDS: Partial<Record<ErrorCode, string>> = {
  'lock.no_answer': 'the lock is not answering (the command may still have reached it: read it back)',
  'lock.not_sent': 'the controller refused the command',
  'lock.offline': 'the lock is not answering',
  'lock.not_found': 'there is no such lock on this controller',
  'lock.unsupported': 'the lock does not support this',
  'transport.open_failed': 'the controller port could not be opened',
  'transport.disconnected': 'the controller is disconnected',
  'lock.not_ready': 'the controller is not ready',
  'codes.constraint_violated': 'the lock does not accept this code or slot',
};

/**
 * Turns anything zwave-js throws into a CodedError with a stable code. The zwave-js message is kept in `details`
 * (it never contains PINs: zwave-js errors name CCs and nodes, not payloads).
 */
export function toCodedError(e: unknown, context: ZWaveErrorContext): CodedError {
  if (isCodedError(e)) return e;
  const node = context.nodeId === undefined ? '' : `Lock ${context.nodeId}: `;
  if (isZWaveError(e)) {
    const code = zwaveCodeToErrorCode(e.code, context);
    const details: Record<string, string | number> = { zwaveCode: `ZW${String(e.code).padStart(4, '0')}` };
    if (context.nodeId !== undefined) details.nodeId = context.nodeId;
    return new CodedError(code, `${node}${context.action} failed: ${WORDS[code] ?? e.message}`, details);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CodedError('lock.failed', `${node}${context.action} failed: ${message}`);
}

/** Runs a zwave-js call and rethrows any failure as a CodedError. */
export async function withZWaveErrors<T>(context: ZWaveErrorContext | (() => ZWaveErrorContext), run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toCodedError(e, typeof context === 'function' ? context() : context);
  }
}
