import { ByteReader, ByteWriter, protocolError } from './bytes';
import { authenticatorsMatch, CHALLENGE_BYTES, hmacSha256, KEY_BYTES } from './nuki-crypto';

/**
 * Pairing bodies (nuki-ble.md §3), both directions, with the authenticators each side computes and checks:
 *
 *   CL ─ Public Key pk_cl ──────────▶ SL     SL ─ Public Key pk_sl, Challenge nK1 ─▶ CL
 *   CL ─ Authorization Authenticator = HMAC(k, pk_cl ‖ pk_sl ‖ nK1) ─▶ SL            SL ─ Challenge nK2 ─▶ CL
 *   CL ─ Authorization Data (101 B) = auth ‖ idType ‖ appId ‖ name[32] ‖ nA,  auth = HMAC(k, idType ‖ appId ‖ name ‖ nA ‖ nK2)
 *   SL ─ Authorization-ID (84 B) = auth ‖ authId ‖ uuid[16] ‖ nK3,            auth = HMAC(k, authId ‖ uuid ‖ nK3 ‖ nA)
 *   CL ─ Authorization-ID Confirmation (36 B) = HMAC(k, authId ‖ nK3) ‖ authId
 *
 * The Authorization-ID authenticator covering nA (which is not resent) is confirmed by the official example.
 */

/** Encodes a Public Key body (32 bytes). */
export function encodePublicKey(publicKey: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(publicKey, KEY_BYTES, 'publicKey').toBytes();
}

/** Decodes a Public Key body. */
export function decodePublicKey(payload: Uint8Array): Uint8Array {
  return exact(payload, KEY_BYTES, 'Public Key').slice();
}

/** Encodes a Challenge body (the 32-byte nonce nK). */
export function encodeChallenge(nonce: Uint8Array): Uint8Array {
  return new ByteWriter().bytes(nonce, CHALLENGE_BYTES, 'challenge').toBytes();
}

/** Decodes a Challenge body. */
export function decodeChallenge(payload: Uint8Array): Uint8Array {
  return exact(payload, CHALLENGE_BYTES, 'Challenge').slice();
}

/** The public keys and first challenge that the Authorization Authenticator covers. */
export interface AuthenticatorInputs {
  clientPublicKey: Uint8Array;
  lockPublicKey: Uint8Array;
  /** nK1, the lock's first challenge. */
  challenge: Uint8Array;
}

/** Encodes Authorization Authenticator: the body is just HMAC(k, pk_cl ‖ pk_sl ‖ nK1), 32 bytes. */
export function encodeAuthorizationAuthenticator(key: Uint8Array, inputs: AuthenticatorInputs): Uint8Array {
  return hmacSha256(key, inputs.clientPublicKey, inputs.lockPublicKey, inputs.challenge);
}

/** True when an Authorization Authenticator body is the one expected (for a virtual lock). */
export function verifyAuthorizationAuthenticator(key: Uint8Array, payload: Uint8Array, inputs: AuthenticatorInputs): boolean {
  return authenticatorsMatch(exact(payload, 32, 'Authorization Authenticator'), encodeAuthorizationAuthenticator(key, inputs));
}

/** Authorization Data as the client describes itself. */
export interface AuthorizationData {
  /** NUKI_ID_TYPE value; a desktop app uses APP (0). */
  idType: number;
  /** Any u32 the client picks once and keeps. */
  appId: number;
  /** Shown in the lock's user list and log; at most 32 bytes of UTF-8. */
  name: string;
  /** The client's nonce nA (32). */
  clientNonce: Uint8Array;
}

/** Encodes Authorization Data (101 bytes), authenticated against the lock's challenge nK2. */
export function encodeAuthorizationData(key: Uint8Array, data: AuthorizationData, lockChallenge: Uint8Array): Uint8Array {
  const fields = new ByteWriter().u8(data.idType, 'idType').u32(data.appId, 'appId').text(data.name, 32, 'name');
  const signed = fields.bytes(data.clientNonce, CHALLENGE_BYTES, 'clientNonce').toBytes();
  return new ByteWriter().bytes(hmacSha256(key, signed, lockChallenge)).bytes(signed).toBytes();
}

/** Decodes Authorization Data and checks its authenticator against nK2 (`isAuthentic`). */
export function decodeAuthorizationData(key: Uint8Array, payload: Uint8Array, lockChallenge: Uint8Array): AuthorizationData & { isAuthentic: boolean } {
  const r = new ByteReader(exact(payload, 101, 'Authorization Data'));
  const authenticator = r.bytes(32);
  const data = { idType: r.u8(), appId: r.u32(), name: r.text(32), clientNonce: r.bytes(CHALLENGE_BYTES) };
  return { ...data, isAuthentic: authenticatorsMatch(authenticator, hmacSha256(key, payload.subarray(32), lockChallenge)) };
}

/** The lock's answer to Authorization Data. */
export interface AuthorizationId {
  authId: number;
  /** Random per lock, stable until a factory reset (16 bytes). */
  lockUuid: Uint8Array;
  /** nK3, to be confirmed. */
  lockNonce: Uint8Array;
}

/** Encodes Authorization-ID (84 bytes, for a virtual lock), authenticated with the client's nonce nA. */
export function encodeAuthorizationId(key: Uint8Array, value: AuthorizationId, clientNonce: Uint8Array): Uint8Array {
  const signed = new ByteWriter().u32(value.authId, 'authId').bytes(value.lockUuid, 16, 'lockUuid').bytes(value.lockNonce, CHALLENGE_BYTES, 'lockNonce').toBytes();
  return new ByteWriter().bytes(hmacSha256(key, signed, clientNonce)).bytes(signed).toBytes();
}

/** Decodes Authorization-ID and checks its authenticator against nA (`isAuthentic`). */
export function decodeAuthorizationId(key: Uint8Array, payload: Uint8Array, clientNonce: Uint8Array): AuthorizationId & { isAuthentic: boolean } {
  const r = new ByteReader(exact(payload, 84, 'Authorization-ID'));
  const authenticator = r.bytes(32);
  const value = { authId: r.u32(), lockUuid: r.bytes(16), lockNonce: r.bytes(CHALLENGE_BYTES) };
  return { ...value, isAuthentic: authenticatorsMatch(authenticator, hmacSha256(key, payload.subarray(32), clientNonce)) };
}

/** Encodes Authorization-ID Confirmation (36 bytes): HMAC(k, authId ‖ nK3) ‖ authId. */
export function encodeAuthorizationIdConfirmation(key: Uint8Array, authId: number, lockNonce: Uint8Array): Uint8Array {
  const id = new ByteWriter().u32(authId, 'authId').toBytes();
  return new ByteWriter().bytes(hmacSha256(key, id, lockNonce)).bytes(id).toBytes();
}

/** Decodes Authorization-ID Confirmation and checks it against nK3 (`isAuthentic`). */
export function decodeAuthorizationIdConfirmation(key: Uint8Array, payload: Uint8Array, lockNonce: Uint8Array): { authId: number; isAuthentic: boolean } {
  const r = new ByteReader(exact(payload, 36, 'Authorization-ID Confirmation'));
  const authenticator = r.bytes(32);
  return { authId: r.u32(), isAuthentic: authenticatorsMatch(authenticator, hmacSha256(key, payload.subarray(32), lockNonce)) };
}

function exact(payload: Uint8Array, length: number, what: string): Uint8Array {
  if (payload.length !== length) throw protocolError(`${what} is ${payload.length} bytes; expected ${length}`, { length: payload.length });
  return payload;
}
