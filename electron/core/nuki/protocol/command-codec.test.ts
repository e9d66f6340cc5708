import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes as h } from './bytes';
import {
  appendChallenge,
  appendChallengeAndPin,
  decodeErrorReport,
  decodeRequestData,
  decodeStatus,
  decodeUpdateTime,
  encodeErrorReport,
  encodeRequestData,
  encodeStatus,
  encodeUpdateTime,
  splitChallenge,
  splitChallengeAndPin,
} from './command-codec';
import { NUKI_COMMAND, NUKI_STATUS } from './command-ids';
import { decodeEncryptedFrame, decodePlainFrame, encodePdata, encodePlainFrame } from './frames';
import { PDF_EXAMPLE as PDF } from './pdf-example';

const nK = h(PDF.lockActionChallenge);

describe('command codec', () => {
  it('encodes Request Data as in the PDF (Public Key, Keyturner States, Challenge)', () => {
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.PUBLIC_KEY)))).toBe('0100030027A7');
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES)))).toBe('0200000001000C00418D');
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.CHALLENGE)))).toBe('0200000001000400E804');
    expect(decodeRequestData(h('0C00'))).toEqual({ commandId: 0x0c, extra: new Uint8Array(0) });
  });

  it('reads Status COMPLETE and ACCEPTED from the PDF', () => {
    const plain = decodePlainFrame(h(PDF.statusCompleteMessage));
    expect(plain.ok && decodeStatus(plain.value.payload)).toBe(NUKI_STATUS.COMPLETE);
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.STATUS, encodeStatus(NUKI_STATUS.ACCEPTED)))).toBe(bytesToHex(h(PDF.statusAcceptedPdata)));
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.STATUS, encodeStatus(NUKI_STATUS.COMPLETE)))).toBe(bytesToHex(h(PDF.statusCompletePdata)));
    expect(() => decodeStatus(h('0000'))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('encodes Error Report as code u8 ‖ failed command u16', () => {
    expect(encodeErrorReport({ errorCode: 0x2a, commandId: NUKI_COMMAND.ADD_KEYPAD_CODE })).toEqual(h('2A 4100'));
    expect(decodeErrorReport(h('FD 1300'))).toEqual({ errorCode: 0xfd, commandId: 0x13 });
    expect(() => decodeErrorReport(h('2A'))).toThrow();
  });

  it('builds the PDF Lock Action PDATA with the challenge appended (CRC CACF)', () => {
    const body = appendChallenge(h('01 00000000 00'), nK);
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.LOCK_ACTION, body))).toBe(bytesToHex(h(PDF.lockActionPdata)));
    const decrypted = decodeEncryptedFrame(h(PDF.lockActionEncrypted), { key: h(PDF.sharedKey) });
    expect(decrypted.ok && splitChallenge(decrypted.value.payload)).toEqual({ body: h('01 00000000 00'), challenge: nK });
  });

  it('appends the security PIN as u16 (Smart Lock 1–4) or u32 (Ultra) and splits it again', () => {
    const sl = appendChallengeAndPin(h('0300'), nK, 1234, 2);
    expect(sl).toHaveLength(2 + 32 + 2);
    expect(bytesToHex(sl.subarray(34))).toBe('D204');
    expect(splitChallengeAndPin(sl, 2)).toEqual({ body: h('0300'), challenge: nK, securityPin: 1234 });
    const ultra = appendChallengeAndPin(new Uint8Array(0), nK, 123456, 4);
    expect(bytesToHex(ultra.subarray(32))).toBe('40E20100');
    expect(splitChallengeAndPin(ultra, 4)).toEqual({ body: new Uint8Array(0), challenge: nK, securityPin: 123456 });
  });

  it('refuses a PIN that does not fit, without echoing it', () => {
    expect(() => appendChallengeAndPin(new Uint8Array(0), nK, 123456, 2)).toThrow(
      expect.objectContaining({ code: 'lock.bad_security_pin', message: expect.not.stringContaining('123456') }),
    );
    expect(() => appendChallengeAndPin(new Uint8Array(0), nK, 1.5, 4)).toThrow(expect.objectContaining({ code: 'lock.bad_security_pin' }));
    expect(() => appendChallenge(new Uint8Array(0), new Uint8Array(31))).toThrow();
    expect(() => splitChallengeAndPin(new Uint8Array(33), 2)).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('encodes Update Time in UTC', () => {
    expect(encodeUpdateTime(new Date('2016-03-07T08:15:30Z'))).toEqual(h('E0070307080F1E'));
    expect(decodeUpdateTime(h('E0070307080F1E'))).toEqual(new Date('2016-03-07T08:15:30Z'));
  });
});
