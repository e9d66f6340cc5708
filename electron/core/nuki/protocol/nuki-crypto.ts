import { createHmac, randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import nacl from 'tweetnacl';
import { protocolError } from './bytes';

/**
 * The NaCl primitives of the Nuki protocol (nuki-ble.md §2 "Crypto"):
 *
 *   keypair (X25519) ─▶ dh1 = X25519(sk_cl, pk_sl) ─▶ kdf1 = HSalsa20(dh1) = k   (= nacl.box.before)
 *   h1 = HMAC-SHA256 keyed with k          e1 = XSalsa20-Poly1305 secretbox, 24-byte nonce, tag first
 *
 * Randomness is injectable (keys, nonces) so the official example can be replayed byte for byte.
 */

/** Length of a public key, secret key and the shared key k. */
export const KEY_BYTES = 32;
/** Length of a secretbox nonce (the ADATA nonce). */
export const BOX_NONCE_BYTES = 24;
/** Length of the Poly1305 tag that starts every sealed box. */
export const BOX_TAG_BYTES = 16;
/** Length of a challenge nonce nK / nA and of an HMAC authenticator. */
export const CHALLENGE_BYTES = 32;

/** An X25519 keypair. */
export interface NukiKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A source of random bytes; tests pass a fixed one. */
export type RandomSource = (length: number) => Uint8Array;

/** Cryptographically secure random bytes (Node's CSPRNG), as a plain Uint8Array. */
export const randomBytes: RandomSource = (length) => new Uint8Array(nodeRandomBytes(length));

/** A fresh keypair; with `secretKey`, the keypair for that secret key (to replay a known example). */
export function createKeyPair(secretKey?: Uint8Array): NukiKeyPair {
  const pair = secretKey ? nacl.box.keyPair.fromSecretKey(checkLength(secretKey, KEY_BYTES, 'secretKey')) : nacl.box.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/** dh1: the raw X25519 result of our secret key and the peer's public key (for the test vector; use deriveSharedKey). */
export function diffieHellman(secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  return nacl.scalarMult(checkLength(secretKey, KEY_BYTES, 'secretKey'), checkLength(peerPublicKey, KEY_BYTES, 'publicKey'));
}

/** The long-term shared key k = HSalsa20(X25519(secretKey, peerPublicKey)); both sides derive the same k. */
export function deriveSharedKey(secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  return nacl.box.before(checkLength(peerPublicKey, KEY_BYTES, 'publicKey'), checkLength(secretKey, KEY_BYTES, 'secretKey'));
}

/** h1: HMAC-SHA256 keyed with k over the concatenation of `parts`. */
export function hmacSha256(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return new Uint8Array(mac.digest());
}

/** Constant-time comparison of two authenticators. */
export function authenticatorsMatch(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** e1: seals `plain` with k and a 24-byte nonce; the result is tag (16) ‖ ciphertext, the NaCl "easy" layout. */
export function sealBox(plain: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array {
  return nacl.secretbox(plain, checkLength(nonce, BOX_NONCE_BYTES, 'nonce'), checkLength(key, KEY_BYTES, 'key'));
}

/** Opens a box sealed by sealBox; null when the tag does not verify (wrong key, nonce or tampered bytes). */
export function openBox(boxed: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null {
  return nacl.secretbox.open(boxed, checkLength(nonce, BOX_NONCE_BYTES, 'nonce'), checkLength(key, KEY_BYTES, 'key'));
}

/** A fresh random 24-byte nonce; never reuse one under the same key. */
export function createBoxNonce(random: RandomSource = randomBytes): Uint8Array {
  return checkLength(random(BOX_NONCE_BYTES), BOX_NONCE_BYTES, 'nonce');
}

/** A fresh random 32-byte challenge nonce (nA on the client, nK on a virtual lock). */
export function createChallengeNonce(random: RandomSource = randomBytes): Uint8Array {
  return checkLength(random(CHALLENGE_BYTES), CHALLENGE_BYTES, 'challenge');
}

function checkLength(bytes: Uint8Array, length: number, field: string): Uint8Array {
  if (bytes.length !== length) throw protocolError(`${field} must be ${length} bytes, got ${bytes.length}`, { field });
  return bytes;
}
