import { ZWaveError, ZWaveErrorCodes } from '@zwave-js/core';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../shared/result';
import { toCodedError, zwaveCodeToErrorCode } from './zwave-errors';

describe('zwave error mapping', () => {
  it('maps radio failures', () => {
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Controller_CallbackNOK)).toBe('lock.no_answer'); // ZW0204
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Controller_NodeTimeout)).toBe('lock.no_answer');
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Controller_MessageDropped)).toBe('lock.not_sent'); // ZW0202
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Controller_MessageDropped, { isNodeDead: true })).toBe('lock.offline');
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Controller_NodeNotFound)).toBe('lock.not_found');
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.CC_NotSupported)).toBe('lock.unsupported');
  });

  it('maps transport failures by phase', () => {
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Driver_Failed, { isOpening: true })).toBe('transport.open_failed');
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Driver_Failed)).toBe('transport.disconnected');
    expect(zwaveCodeToErrorCode(ZWaveErrorCodes.Driver_SerialPortClosed)).toBe('transport.disconnected');
  });

  it('wraps errors in CodedError with the ZW code in details, passing CodedErrors through', () => {
    const e = toCodedError(new ZWaveError('no ack', ZWaveErrorCodes.Controller_CallbackNOK), { action: 'Setting the code', nodeId: 4 });
    expect(e).toBeInstanceOf(CodedError);
    expect(e.code).toBe('lock.no_answer');
    expect(e.details).toEqual({ zwaveCode: 'ZW0204', nodeId: 4 });
    const coded = new CodedError('lock.not_sent', 'x');
    expect(toCodedError(coded, { action: 'x' })).toBe(coded);
    expect(toCodedError(new Error('boom'), { action: 'x' }).code).toBe('lock.failed');
  });
});
