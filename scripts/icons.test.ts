import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The committed icons (made by scripts/make-icons.mjs), read with parsers of their own here: the container formats
// are checked against their specs, not against the writer that made them.
const resources = join(import.meta.dirname, '..', 'resources');
const read = (name: string) => readFileSync(join(resources, name));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (signature)');
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG (first chunk is not IHDR)');
  if (png.toString('ascii', png.length - 8, png.length - 4) !== 'IEND') throw new Error('PNG is cut short (no IEND)');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The entries of a .ico: the size its directory states and the image bytes it points at. */
function icoEntries(ico: Buffer): { stated: number; image: Buffer }[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = ico.readUInt8(entry) || 256;
    const height = ico.readUInt8(entry + 1) || 256;
    expect(height).toBe(width);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { stated: width, image: ico.subarray(offset, offset + length) };
  });
}

/** The entries of an .icns: OSType and data, walking the length-prefixed chunks to the stated end. */
function icnsEntries(icns: Buffer): { type: string; data: Buffer }[] {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const entries: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < icns.length; ) {
    const type = icns.toString('ascii', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    expect(at + length).toBeLessThanOrEqual(icns.length);
    entries.push({ type, data: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

describe('committed app icons', () => {
  it('icon.png is a 1024×1024 PNG', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds 16, 24, 32, 48, 64, 128 and 256 px, each a PNG of the size its directory states', () => {
    const entries = icoEntries(read('icon.ico'));
    expect(entries.map((e) => e.stated).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { stated, image } of entries) expect(pngSize(image)).toEqual({ width: stated, height: stated });
  });

  it('icon.icns holds icp4 16 … ic10 1024, each a PNG of the size its type stands for', () => {
    const pixels: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    const entries = icnsEntries(read('icon.icns'));
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']));
    for (const { type, data } of entries) {
      expect(pixels[type], `unexpected icns entry ${type}`).toBeDefined();
      expect(pngSize(data), type).toEqual({ width: pixels[type], height: pixels[type] });
    }
  });

  it('the parsers refuse what is not a PNG (the checks can fail)', () => {
    const png = read('icon.png');
    expect(() => pngSize(Buffer.from('GIF89a not a png at all'))).toThrow(/signature/);
    expect(() => pngSize(png.subarray(0, png.length - 100))).toThrow(/IEND/);
  });
});
