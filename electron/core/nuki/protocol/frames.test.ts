import { describe, expect, it } from 'vitest';
import { ByteWriter, bytesToHex, concatBytes, hexToBytes as h } from './bytes';
import { NUKI_COMMAND } from './command-ids';
import {
  decodeEncryptedFrame,
  decodePlainFrame,
  describeFrameFailure,
  encodeEncryptedFrame,
  encodePdata,
  encodePlainFrame,
  readEncryptedHeader,
} from './frames';
import { sealBox } from './nuki-crypto';
import { PDF_EXAMPLE as PDF } from './pdf-example';

const key = h(PDF.sharedKey);

describe('plain frames', () => {
  it('encodes Request Data(Public Key) as in the PDF', () => {
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.REQUEST_DATA, h('0300')))).toBe('0100030027A7');
  });

  it('decodes Status COMPLETE and checks the CRC', () => {
    const ok = decodePlainFrame(h(PDF.statusCompleteMessage));
    expect(ok).toEqual({ ok: true, value: { commandId: NUKI_COMMAND.STATUS, payload: h('00') } });
    expect(decodePlainFrame(h('0E00009DD8'))).toEqual({ ok: false, failure: { kind: 'bad_crc' } });
    expect(decodePlainFrame(h('0E00'))).toEqual({ ok: false, failure: { kind: 'too_short', length: 2 } });
  });
});

describe('encrypted frames (official "Read lock state" example)', () => {
  const wire = h(PDF.requestKeyturnerEncrypted);
  const nonce = wire.slice(0, 24);

  it('builds the PDATA and re-encrypts to the exact wire bytes with the same nonce', () => {
    expect(bytesToHex(encodePdata(2, NUKI_COMMAND.REQUEST_DATA, h('0C00')))).toBe('0200000001000C00418D');
    const encoded = encodeEncryptedFrame({ commandId: NUKI_COMMAND.REQUEST_DATA, payload: h('0C00') }, { key, authId: 2, nonce });
    expect(bytesToHex(encoded)).toBe(bytesToHex(wire));
    expect(bytesToHex(encoded.subarray(24, 30))).toBe('020000001A00');
  });

  it('decrypts the request', () => {
    const decoded = decodeEncryptedFrame(wire, { key, expectedAuthId: 2 });
    expect(decoded).toEqual({ ok: true, value: { authId: 2, nonce, commandId: 1, payload: h('0C00') } });
  });

  it('decrypts the Keyturner States reply, the Challenge reply and the Lock Action', () => {
    const reply = decodeEncryptedFrame(h(PDF.keyturnerStatesChunks.join('')), { key, expectedAuthId: 2 });
    expect(reply.ok && reply.value.commandId).toBe(NUKI_COMMAND.KEYTURNER_STATES);
    expect(reply.ok && bytesToHex(reply.value.payload)).toBe(PDF.keyturnerStatesPayload);
    const challenge = decodeEncryptedFrame(h(PDF.challengeReplyEncrypted), { key });
    expect(challenge.ok && bytesToHex(challenge.value.payload)).toBe(PDF.lockActionChallenge);
    const lockAction = decodeEncryptedFrame(h(PDF.lockActionEncrypted), { key });
    expect(lockAction.ok && lockAction.value.commandId).toBe(NUKI_COMMAND.LOCK_ACTION);
    const request = decodeEncryptedFrame(h(PDF.requestChallengeEncrypted), { key });
    expect(request.ok && bytesToHex(request.value.payload)).toBe('0400');
  });

  it('reports tampering, a wrong key, a wrong length and a foreign auth id as distinct failures', () => {
    const tampered = wire.slice();
    tampered[40] = (tampered[40] as number) ^ 0x80;
    expect(decodeEncryptedFrame(tampered, { key })).toEqual({ ok: false, failure: { kind: 'decrypt_failed', authId: 2 } });
    expect(decodeEncryptedFrame(wire, { key: new Uint8Array(32) })).toMatchObject({ ok: false, failure: { kind: 'decrypt_failed' } });
    expect(decodeEncryptedFrame(wire.subarray(0, 50), { key })).toEqual({
      ok: false,
      failure: { kind: 'bad_length', expected: 56, actual: 50 },
    });
    expect(decodeEncryptedFrame(wire, { key, expectedAuthId: 3 })).toEqual({
      ok: false,
      failure: { kind: 'auth_id_mismatch', expected: 3, actual: 2 },
    });
    expect(decodeEncryptedFrame(wire.subarray(0, 10), { key })).toEqual({ ok: false, failure: { kind: 'too_short', length: 10 } });
  });

  it('reports a bad CRC and an inner auth id that differs from the clear one', () => {
    expect(decodeEncryptedFrame(sealAs(2, h('0200000001000C00418E')), { key })).toEqual({ ok: false, failure: { kind: 'bad_crc' } });
    const inner7 = sealAs(2, encodePdata(7, 1, h('0C00')));
    expect(decodeEncryptedFrame(inner7, { key })).toEqual({ ok: false, failure: { kind: 'auth_id_mismatch', expected: 2, actual: 7 } });
    expect(describeFrameFailure({ kind: 'auth_id_mismatch', expected: 2, actual: 7 })).toContain('auth id 7');
  });

  it('reads the clear header so a lock can pick the key by auth id', () => {
    expect(readEncryptedHeader(wire)).toMatchObject({ ok: true, value: { authId: 2, length: 26 } });
  });

  it('uses a fresh nonce for every frame by default', () => {
    const a = encodeEncryptedFrame({ commandId: 1, payload: h('0C00') }, { key, authId: 2 });
    const b = encodeEncryptedFrame({ commandId: 1, payload: h('0C00') }, { key, authId: 2 });
    expect(a.subarray(0, 24)).not.toEqual(b.subarray(0, 24));
  });
});

/** A frame whose box holds arbitrary `pdata` (to build frames the encoder refuses to make). */
function sealAs(authId: number, pdata: Uint8Array): Uint8Array {
  const nonce = new Uint8Array(24).fill(9);
  const sealed = sealBox(pdata, nonce, key);
  return concatBytes(nonce, new ByteWriter().u32(authId).u16(sealed.length).toBytes(), sealed);
}
