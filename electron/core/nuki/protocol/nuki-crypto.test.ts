import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes as h } from './bytes';
import {
  authenticatorsMatch,
  createBoxNonce,
  createKeyPair,
  deriveSharedKey,
  diffieHellman,
  hmacSha256,
  openBox,
  sealBox,
} from './nuki-crypto';
import { PDF_EXAMPLE as PDF } from './pdf-example';

describe('nuki crypto against the official example', () => {
  it('derives the client public key from its secret key', () => {
    expect(bytesToHex(createKeyPair(h(PDF.clientSecretKey)).publicKey)).toBe(PDF.clientPublicKey);
  });

  it('computes dh1 (X25519) and k = HSalsa20(dh1), on both sides', () => {
    expect(bytesToHex(diffieHellman(h(PDF.clientSecretKey), h(PDF.lockPublicKey)))).toBe(PDF.dhKey);
    expect(bytesToHex(deriveSharedKey(h(PDF.clientSecretKey), h(PDF.lockPublicKey)))).toBe(PDF.sharedKey);
  });

  it('computes the Authorization Authenticator with h1', () => {
    const auth = hmacSha256(h(PDF.sharedKey), h(PDF.clientPublicKey), h(PDF.lockPublicKey), h(PDF.challenge1));
    expect(bytesToHex(auth)).toBe('B09A0D3979A029E5FD027B519EAA200BC14AD3E163D3BE4563843E021073BCB1');
  });

  it('seals Request Data(Keyturner States) to the PDF bytes with its nonce (tag first) and opens it again', () => {
    const wire = h(PDF.requestKeyturnerEncrypted);
    const sealed = sealBox(h(PDF.requestKeyturnerPdata), wire.subarray(0, 24), h(PDF.sharedKey));
    expect(bytesToHex(sealed)).toBe(bytesToHex(wire.subarray(30)));
    expect(bytesToHex(openBox(sealed, wire.subarray(0, 24), h(PDF.sharedKey)) ?? new Uint8Array())).toBe('0200000001000C00418D');
  });

  it('refuses a tampered box', () => {
    const wire = h(PDF.requestKeyturnerEncrypted);
    const boxed = wire.slice(30);
    boxed[20] = (boxed[20] as number) ^ 1;
    expect(openBox(boxed, wire.subarray(0, 24), h(PDF.sharedKey))).toBeNull();
  });

  it('agrees on k from both ends with fresh keys', () => {
    const client = createKeyPair();
    const lock = createKeyPair();
    expect(deriveSharedKey(client.secretKey, lock.publicKey)).toEqual(deriveSharedKey(lock.secretKey, client.publicKey));
  });

  it('makes fresh 24-byte nonces, injectable for tests', () => {
    expect(createBoxNonce()).toHaveLength(24);
    expect(createBoxNonce()).not.toEqual(createBoxNonce());
    expect(createBoxNonce((n) => new Uint8Array(n).fill(7))).toEqual(new Uint8Array(24).fill(7));
    expect(() => createBoxNonce((n) => new Uint8Array(n - 1))).toThrow();
  });

  it('compares authenticators', () => {
    expect(authenticatorsMatch(h('0102'), h('0102'))).toBe(true);
    expect(authenticatorsMatch(h('0102'), h('0103'))).toBe(false);
    expect(authenticatorsMatch(h('0102'), h('01'))).toBe(false);
  });
});
