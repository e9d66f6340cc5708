import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes as h } from './bytes';
import { NUKI_COMMAND, NUKI_ID_TYPE } from './command-ids';
import { decodePlainFrame, encodePlainFrame } from './frames';
import {
  decodeAuthorizationData,
  decodeAuthorizationId,
  decodeAuthorizationIdConfirmation,
  decodeChallenge,
  decodePublicKey,
  encodeAuthorizationAuthenticator,
  encodeAuthorizationData,
  encodeAuthorizationId,
  encodeAuthorizationIdConfirmation,
  encodeChallenge,
  encodePublicKey,
  verifyAuthorizationAuthenticator,
} from './pairing-codec';
import { PDF_EXAMPLE as PDF } from './pdf-example';

const key = h(PDF.sharedKey);
const payloadOf = (hex: string): Uint8Array => {
  const frame = decodePlainFrame(h(hex));
  if (!frame.ok) throw new Error(frame.failure.kind);
  return frame.value.payload;
};
const authInputs = { clientPublicKey: h(PDF.clientPublicKey), lockPublicKey: h(PDF.lockPublicKey), challenge: h(PDF.challenge1) };
const authData = { idType: NUKI_ID_TYPE.APP, appId: 0, name: 'Marc (Test)', clientNonce: h(PDF.clientNonce) };

describe('pairing codec against the official example', () => {
  it('encodes and decodes the Public Key and Challenge messages', () => {
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.PUBLIC_KEY, encodePublicKey(h(PDF.clientPublicKey))))).toBe(bytesToHex(h(PDF.clientPublicKeyMessage)));
    expect(bytesToHex(decodePublicKey(payloadOf(PDF.lockPublicKeyChunks.join(''))))).toBe(PDF.lockPublicKey);
    expect(bytesToHex(decodeChallenge(payloadOf(PDF.challenge1Message)))).toBe(PDF.challenge1);
    expect(bytesToHex(encodeChallenge(h(PDF.challenge2)))).toBe(PDF.challenge2);
  });

  it('builds the Authorization Authenticator message byte for byte (0500 B09A0D39…BCB1 C357)', () => {
    const body = encodeAuthorizationAuthenticator(key, authInputs);
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR, body))).toBe(bytesToHex(h(PDF.authenticatorMessage)));
    expect(verifyAuthorizationAuthenticator(key, body, authInputs)).toBe(true);
    expect(verifyAuthorizationAuthenticator(key, body, { ...authInputs, challenge: h(PDF.challenge2) })).toBe(false);
  });

  it('builds the Authorization Data message byte for byte (authenticator CF1B9E78…7BFC, CRC 69F2)', () => {
    const body = encodeAuthorizationData(key, authData, h(PDF.challenge2));
    expect(body).toHaveLength(101);
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.AUTHORIZATION_DATA, body))).toBe(bytesToHex(h(PDF.authorizationDataMessage)));
    expect(decodeAuthorizationData(key, body, h(PDF.challenge2))).toEqual({ ...authData, isAuthentic: true });
    expect(decodeAuthorizationData(key, body, h(PDF.challenge1)).isAuthentic).toBe(false);
  });

  it('decodes the lock\'s Authorization-ID (auth id 2) and verifies its authenticator over nA', () => {
    const body = payloadOf(PDF.authorizationIdChunks.join(''));
    expect(body).toHaveLength(84);
    const id = decodeAuthorizationId(key, body, h(PDF.clientNonce));
    expect(id.authId).toBe(2);
    expect(bytesToHex(id.lockUuid)).toBe(PDF.lockUuid);
    expect(bytesToHex(id.lockNonce)).toBe(PDF.challenge3);
    expect(id.isAuthentic).toBe(true);
    expect(decodeAuthorizationId(key, body, h(PDF.challenge1)).isAuthentic).toBe(false);
    expect(encodeAuthorizationId(key, id, h(PDF.clientNonce))).toEqual(body);
  });

  it('builds the Authorization-ID Confirmation byte for byte (1E00 3A41B91A…3F8A 02000000 CDF5)', () => {
    const body = encodeAuthorizationIdConfirmation(key, 2, h(PDF.challenge3));
    expect(bytesToHex(encodePlainFrame(NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION, body))).toBe(bytesToHex(h(PDF.authorizationIdConfirmationMessage)));
    expect(decodeAuthorizationIdConfirmation(key, body, h(PDF.challenge3))).toEqual({ authId: 2, isAuthentic: true });
    expect(decodeAuthorizationIdConfirmation(key, body, h(PDF.challenge2)).isAuthentic).toBe(false);
  });

  it('lays out Authorization Data as auth @0, idType @32, appId @33, name @37, nA @69', () => {
    const body = encodeAuthorizationData(key, { ...authData, idType: 1, appId: 0x01020304, name: 'Lockbench' }, h(PDF.challenge2));
    expect(body[32]).toBe(1);
    expect([...body.subarray(33, 37)]).toEqual([4, 3, 2, 1]);
    expect(new TextDecoder().decode(body.subarray(37, 46))).toBe('Lockbench');
    expect(body[46]).toBe(0);
    expect(bytesToHex(body.subarray(69))).toBe(PDF.clientNonce);
  });

  it('refuses wrong lengths', () => {
    expect(() => decodePublicKey(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => decodeAuthorizationId(key, new Uint8Array(116), h(PDF.clientNonce))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => encodeAuthorizationData(key, { ...authData, name: 'x'.repeat(33) }, h(PDF.challenge2))).toThrow();
  });
});
