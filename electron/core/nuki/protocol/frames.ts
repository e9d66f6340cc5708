import { ByteReader, ByteWriter, concatBytes } from './bytes';
import { appendCrc, hasValidCrc } from './crc';
import { BOX_NONCE_BYTES, BOX_TAG_BYTES, createBoxNonce, openBox, sealBox, type RandomSource } from './nuki-crypto';

/**
 * Nuki frames (nuki-ble.md §2). Decoding never throws: a bad frame is a typed failure the session can log and map.
 *
 *   plain     : cmd u16 ‖ payload ‖ CRC u16                          (pairing GDIO)
 *   encrypted : nonce 24 ‖ authId u32 ‖ len u16 ‖ secretbox(PDATA)    (USDIO; len = |PDATA| + 16)
 *   PDATA     : authId u32 ‖ cmd u16 ‖ payload ‖ CRC u16             (CRC over authId ‖ cmd ‖ payload)
 */

/** Length of the clear ADATA header of an encrypted frame. */
export const ADATA_BYTES = BOX_NONCE_BYTES + 4 + 2;

/** A command and its payload (no id, no CRC). */
export interface NukiMessage {
  commandId: number;
  payload: Uint8Array;
}

/** A decrypted message with the auth id it was sent under and the box nonce. */
export interface EncryptedNukiMessage extends NukiMessage {
  authId: number;
  nonce: Uint8Array;
}

/** The clear header of an encrypted frame: the lock finds the key by `authId`. */
export interface EncryptedHeader {
  nonce: Uint8Array;
  authId: number;
  /** Length of the sealed part (PDATA + 16). */
  length: number;
}

/** Why a frame was refused. Distinct kinds so a bad key is not mistaken for line noise. */
export type FrameFailure =
  | { kind: 'too_short'; length: number }
  | { kind: 'bad_length'; expected: number; actual: number }
  | { kind: 'bad_crc' }
  | { kind: 'decrypt_failed'; authId: number }
  | { kind: 'auth_id_mismatch'; expected: number; actual: number };

/** A decoded frame or the reason it was refused. */
export type FrameResult<T> = { ok: true; value: T } | { ok: false; failure: FrameFailure };

const fail = <T>(failure: FrameFailure): FrameResult<T> => ({ ok: false, failure });

/** Builds an unencrypted frame: cmd ‖ payload ‖ CRC. */
export function encodePlainFrame(commandId: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return appendCrc(new ByteWriter().u16(commandId, 'commandId').bytes(payload).toBytes());
}

/** Reads an unencrypted frame, checking its CRC. */
export function decodePlainFrame(frame: Uint8Array): FrameResult<NukiMessage> {
  if (frame.length < 4) return fail({ kind: 'too_short', length: frame.length });
  if (!hasValidCrc(frame)) return fail({ kind: 'bad_crc' });
  return { ok: true, value: { commandId: new ByteReader(frame).u16(), payload: frame.slice(2, frame.length - 2) } };
}

/** Builds the plaintext PDATA: authId ‖ cmd ‖ payload ‖ CRC. */
export function encodePdata(authId: number, commandId: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return appendCrc(new ByteWriter().u32(authId, 'authId').u16(commandId, 'commandId').bytes(payload).toBytes());
}

/** What encodeEncryptedFrame needs besides the message. */
export interface EncryptOptions {
  /** The shared key k. */
  key: Uint8Array;
  authId: number;
  /** A fixed box nonce (only to replay a known example); by default a fresh random one. */
  nonce?: Uint8Array;
  /** Random source for the nonce (tests). */
  random?: RandomSource;
}

/** Builds an encrypted frame: ADATA ‖ secretbox(PDATA). */
export function encodeEncryptedFrame(message: NukiMessage, options: EncryptOptions): Uint8Array {
  const nonce = options.nonce ?? createBoxNonce(options.random);
  const sealed = sealBox(encodePdata(options.authId, message.commandId, message.payload), nonce, options.key);
  const adata = new ByteWriter().bytes(nonce, BOX_NONCE_BYTES, 'nonce').u32(options.authId, 'authId').u16(sealed.length).toBytes();
  return concatBytes(adata, sealed);
}

/** Reads the clear header of an encrypted frame and checks the total length is 30 + len. */
export function readEncryptedHeader(frame: Uint8Array): FrameResult<EncryptedHeader> {
  if (frame.length < ADATA_BYTES) return fail({ kind: 'too_short', length: frame.length });
  const reader = new ByteReader(frame);
  const header = { nonce: reader.bytes(BOX_NONCE_BYTES), authId: reader.u32(), length: reader.u16() };
  if (frame.length !== ADATA_BYTES + header.length) {
    return fail({ kind: 'bad_length', expected: ADATA_BYTES + header.length, actual: frame.length });
  }
  if (header.length < BOX_TAG_BYTES + 8) return fail({ kind: 'too_short', length: frame.length });
  return { ok: true, value: header };
}

/** What decodeEncryptedFrame needs. */
export interface DecryptOptions {
  /** The shared key k. */
  key: Uint8Array;
  /** When given, the ADATA auth id must equal it (a client knows its own auth id). */
  expectedAuthId?: number;
}

/**
 * Opens an encrypted frame. Checks, in order: length, the clear auth id against `expectedAuthId`, the Poly1305 tag,
 * the CRC inside, and that the auth id inside the box equals the one outside.
 */
export function decodeEncryptedFrame(frame: Uint8Array, options: DecryptOptions): FrameResult<EncryptedNukiMessage> {
  const header = readEncryptedHeader(frame);
  if (!header.ok) return header;
  const { nonce, authId } = header.value;
  if (options.expectedAuthId !== undefined && authId !== options.expectedAuthId) {
    return fail({ kind: 'auth_id_mismatch', expected: options.expectedAuthId, actual: authId });
  }
  const pdata = openBox(frame.subarray(ADATA_BYTES), nonce, options.key);
  if (!pdata) return fail({ kind: 'decrypt_failed', authId });
  if (!hasValidCrc(pdata)) return fail({ kind: 'bad_crc' });
  const reader = new ByteReader(pdata);
  const innerAuthId = reader.u32();
  if (innerAuthId !== authId) return fail({ kind: 'auth_id_mismatch', expected: authId, actual: innerAuthId });
  const commandId = reader.u16();
  return { ok: true, value: { authId, nonce, commandId, payload: pdata.slice(6, pdata.length - 2) } };
}

/** A one-line description of a frame failure for logs and error messages (no key material). */
export function describeFrameFailure(failure: FrameFailure): string {
  switch (failure.kind) {
    case 'too_short':
      return `frame too short (${failure.length} bytes)`;
    case 'bad_length':
      return `frame length ${failure.actual} does not match its header (${failure.expected})`;
    case 'bad_crc':
      return 'frame CRC does not match';
    case 'decrypt_failed':
      return `frame for auth id ${failure.authId} could not be decrypted (wrong key or damaged)`;
    case 'auth_id_mismatch':
      return `frame auth id ${failure.actual} where ${failure.expected} was expected`;
  }
}
