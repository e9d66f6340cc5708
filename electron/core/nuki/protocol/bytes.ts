import { CodedError } from '../../../../shared/result';

/**
 * Little-endian byte helpers for the Nuki wire format: a writer and a reader that check ranges and lengths, so a
 * codec reads like its table in the reference. A short or malformed message becomes CodedError `lock.protocol_error`.
 */

/** A CodedError for bytes that do not fit the protocol (from the lock, or a value that cannot be encoded). */
export function protocolError(message: string, details?: Record<string, string | number | boolean | null>): CodedError {
  return new CodedError('lock.protocol_error', message, details);
}

/** Joins byte arrays into one new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Parses hex (whitespace ignored, any case) into bytes; for test vectors and logs. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw protocolError('Not a hex string');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Upper-case hex of `bytes` (the form the Nuki PDF prints). */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** True when both arrays hold the same bytes (not constant-time; see nuki-crypto for secrets). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

function checkInt(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw protocolError(`${field} must be an integer from ${min} to ${max}`, { field });
  }
  return value;
}

/** Builds a little-endian message field by field. */
export class ByteWriter {
  private readonly parts: number[] = [];

  /** Appends an unsigned byte. */
  u8(value: number, field = 'uint8'): this {
    this.parts.push(checkInt(value, 0, 0xff, field));
    return this;
  }

  /** Appends an unsigned 16-bit integer. */
  u16(value: number, field = 'uint16'): this {
    checkInt(value, 0, 0xffff, field);
    this.parts.push(value & 0xff, value >>> 8);
    return this;
  }

  /** Appends a signed 16-bit integer (two's complement). */
  i16(value: number, field = 'sint16'): this {
    checkInt(value, -0x8000, 0x7fff, field);
    return this.u16(value & 0xffff, field);
  }

  /** Appends an unsigned 32-bit integer. */
  u32(value: number, field = 'uint32'): this {
    checkInt(value, 0, 0xffffffff, field);
    this.parts.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    return this;
  }

  /** Appends an IEEE-754 single-precision float. */
  f32(value: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    return this.bytes(new Uint8Array(view.buffer));
  }

  /** Appends raw bytes; with `length`, insists on exactly that many. */
  bytes(value: Uint8Array, length?: number, field = 'bytes'): this {
    if (length !== undefined && value.length !== length) {
      throw protocolError(`${field} must be ${length} bytes, got ${value.length}`, { field, length: value.length });
    }
    for (const b of value) this.parts.push(b);
    return this;
  }

  /** Appends UTF-8 text NUL-padded to `length` bytes; refuses text that does not fit (never cuts a character). */
  text(value: string, length: number, field = 'name'): this {
    const encoded = utf8.encode(value);
    if (encoded.length > length) {
      throw protocolError(`${field} is ${encoded.length} bytes of UTF-8; at most ${length} fit`, { field, length: encoded.length });
    }
    const padded = new Uint8Array(length);
    padded.set(encoded);
    return this.bytes(padded);
  }

  /** The bytes written so far. */
  toBytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Reads a little-endian message field by field; throws `lock.protocol_error` when it runs short. */
export class ByteReader {
  private at: number;

  constructor(
    private readonly data: Uint8Array,
    offset = 0,
  ) {
    this.at = offset;
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.data.length - this.at;
  }

  private take(n: number): Uint8Array {
    if (this.remaining < n) {
      throw protocolError(`Message too short: needed ${n} more bytes at offset ${this.at}`, { offset: this.at, length: this.data.length });
    }
    const slice = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return slice;
  }

  /** Reads an unsigned byte. */
  u8(): number {
    return this.take(1)[0] as number;
  }

  /** Reads an unsigned 16-bit integer. */
  u16(): number {
    const b = this.take(2);
    return (b[0] as number) | ((b[1] as number) << 8);
  }

  /** Reads a signed 16-bit integer. */
  i16(): number {
    const v = this.u16();
    return v >= 0x8000 ? v - 0x10000 : v;
  }

  /** Reads an unsigned 32-bit integer. */
  u32(): number {
    const b = this.take(4);
    return ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16)) + (b[3] as number) * 0x1000000;
  }

  /** Reads an IEEE-754 single-precision float. */
  f32(): number {
    const b = this.take(4);
    return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true);
  }

  /** Reads `n` raw bytes (a copy). */
  bytes(n: number): Uint8Array {
    return this.take(n).slice();
  }

  /** Reads NUL-padded UTF-8 text of `length` bytes, up to the first NUL. */
  text(length: number): string {
    const raw = this.take(length);
    const end = raw.indexOf(0);
    return utf8Decoder.decode(end < 0 ? raw : raw.subarray(0, end));
  }
}
