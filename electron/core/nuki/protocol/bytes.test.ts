import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesEqual, bytesToHex, concatBytes, hexToBytes } from './bytes';

describe('byte helpers', () => {
  it('writes little-endian integers, floats and padded text', () => {
    const bytes = new ByteWriter().u8(0xab).u16(0x1234).i16(-2).u32(0xfedcba98).f32(1).text('Ab', 4).toBytes();
    expect(bytesToHex(bytes)).toBe('AB3412FEFF98BADCFE0000803F41620000');
  });

  it('reads what was written, including the top bit of a u32', () => {
    const r = new ByteReader(hexToBytes('AB3412FEFF98BADCFE0000803F41620000'));
    expect([r.u8(), r.u16(), r.i16(), r.u32(), r.f32(), r.text(4)]).toEqual([0xab, 0x1234, -2, 0xfedcba98, 1, 'Ab']);
    expect(r.remaining).toBe(0);
    expect(() => r.u8()).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('refuses values that do not fit', () => {
    expect(() => new ByteWriter().u8(256)).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => new ByteWriter().u16(-1)).toThrow();
    expect(() => new ByteWriter().i16(0x8000)).toThrow();
    expect(() => new ByteWriter().u32(2 ** 32)).toThrow();
    expect(() => new ByteWriter().text('ab', 1)).toThrow();
    expect(() => new ByteWriter().bytes(new Uint8Array(3), 4)).toThrow();
  });

  it('converts hex and joins arrays', () => {
    expect(hexToBytes('0a 0B')).toEqual(Uint8Array.of(10, 11));
    expect(() => hexToBytes('0g')).toThrow();
    expect(() => hexToBytes('abc')).toThrow();
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
  });
});
