import { describe, expect, it } from 'vitest';
import { NUKI_COMMAND } from './command-ids';
import { frameFailureToCodedError, NUKI_ERROR, nukiErrorCode, nukiErrorName, nukiErrorToCodedError } from './nuki-errors';

const code = (errorCode: number, commandId: number = NUKI_COMMAND.ADD_KEYPAD_CODE) => nukiErrorCode({ errorCode, commandId });

describe('nuki errors', () => {
  it('maps the Error Report table to generic lock codes', () => {
    expect(code(0x21)).toBe('lock.bad_security_pin');
    expect(code(0x28)).toBe('lock.bad_security_pin');
    expect(code(0x20)).toBe('lock.not_paired');
    expect(code(0x24)).toBe('lock.not_paired');
    expect(code(0x10, NUKI_COMMAND.PUBLIC_KEY)).toBe('lock.not_pairing');
    for (const b of [0x11, 0x12, 0x13]) expect(code(b, NUKI_COMMAND.AUTHORIZATION_DATA)).toBe('lock.pairing_refused');
    expect(code(0x29)).toBe('lock.full');
    expect(code(0x2a)).toBe('lock.duplicate_code');
    expect(code(0x2b)).toBe('lock.code_refused');
    expect(code(0x45)).toBe('lock.busy');
    for (const b of [0xfd, 0xfe, 0x22]) expect(code(b)).toBe('lock.protocol_error');
    for (const b of [0x25, 0x2c, 0x42, 0x4d, 0xff, 0x77]) expect(code(b)).toBe('lock.failed');
  });

  it('treats K_ERROR_BAD_PARAMETER as a refused code only on Add/Update Keypad Code', () => {
    expect(code(0x23, NUKI_COMMAND.ADD_KEYPAD_CODE)).toBe('lock.code_refused');
    expect(code(0x23, NUKI_COMMAND.UPDATE_KEYPAD_CODE)).toBe('lock.code_refused');
    expect(code(0x23, NUKI_COMMAND.SET_CONFIG)).toBe('lock.failed');
  });

  it('keeps the Nuki name, byte and command in the error', () => {
    const error = nukiErrorToCodedError({ errorCode: NUKI_ERROR.CODE_ALREADY_EXISTS, commandId: NUKI_COMMAND.ADD_KEYPAD_CODE });
    expect(error.code).toBe('lock.duplicate_code');
    expect(error.message).toBe('The lock refused ADD_KEYPAD_CODE (0x0041): K_ERROR_CODE_ALREADY_EXISTS (0x2A)');
    expect(error.details).toEqual({ nukiError: 'K_ERROR_CODE_ALREADY_EXISTS', nukiErrorByte: 0x2a, commandId: 0x41 });
  });

  it('names every byte, with a fallback for unknown ones', () => {
    expect(NUKI_ERROR.CODE_ALREADY_EXISTS).toBe(0x2a);
    expect(NUKI_ERROR.PAIRING_BAD_PARAMETER).toBe(0x12);
    expect(nukiErrorName(0x12)).toBe('P_ERROR_BAD_PARAMETER');
    expect(nukiErrorName(0x23)).toBe('K_ERROR_BAD_PARAMETER');
    expect(nukiErrorName(0xfd)).toBe('ERROR_BAD_CRC');
    expect(nukiErrorName(0x5a)).toBe('ERROR_0x5A');
  });

  it('turns a frame failure into lock.protocol_error', () => {
    const error = frameFailureToCodedError({ kind: 'bad_crc' });
    expect(error.code).toBe('lock.protocol_error');
    expect(error.details).toEqual({ frameFailure: 'bad_crc' });
  });
});
