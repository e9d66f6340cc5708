#!/usr/bin/env node
// Draws the Lockbench icon and writes the committed icon files (run by hand when the mark changes, never at build time):
//
//   drawIcon(size, variant) ──PNG──▶ resources/icon.png   1024×1024 (Linux, and the source electron-builder falls back to)
//                                 ├─▶ resources/icon.ico   16, 24, 32, 48, 64, 128, 256 (PNG entries, Windows Vista+)
//                                 └─▶ resources/icon.icns  icp4 16 … ic10 1024 (PNG entries, macOS 10.7+)
//
// The mark: a white padlock on a teal rounded square, its body a keypad. Every size is drawn, not scaled down, so the
// small ones stay sharp: 3×3 keys from 64 px, 2×2 larger keys at 32–48 px, a keyhole at 16–24 px. The macOS variant
// sits on Apple's icon grid (the square is 824 of 1024 px, centred); Windows and Linux icons fill more of their tile.
//
// Usage: node scripts/make-icons.mjs [outDir]   (default: resources/)
import { createCanvas } from '@napi-rs/canvas';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Sizes in the Windows .ico (px). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** Entries of the macOS .icns: OSType and pixel size (ic11–ic14 are the @2x twins Finder uses on Retina screens). */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const TEAL_TOP = '#15798d';
const TEAL_BOTTOM = '#0a4c5b';
const KEY_COLOUR = '#0d5d6e';

/** Transparent margin around the rounded square, as a share of the tile: Apple's grid for macOS, less elsewhere. */
function insetFor(size, variant) {
  if (variant === 'mac') return 100 / 1024;
  return size <= 32 ? 0 : 0.04;
}

/** Key centres and radius (in units of the rounded square's side) for a tile of `size` px. */
function keysFor(size) {
  if (size >= 64) {
    const cols = [0.37, 0.5, 0.63];
    const rows = [0.545, 0.645, 0.745];
    return { radius: 0.036, centres: rows.flatMap((y) => cols.map((x) => [x, y])) };
  }
  if (size >= 32) {
    const cols = [0.41, 0.59];
    const rows = [0.58, 0.72];
    return { radius: 0.056, centres: rows.flatMap((y) => cols.map((x) => [x, y])) };
  }
  return null; // a keyhole instead
}

/**
 * Draws the icon on a new `size`×`size` canvas and returns it. `variant` 'mac' puts the square on Apple's icon grid;
 * 'tile' (Windows, Linux) lets it fill the tile.
 */
export function drawIcon(size, variant = 'tile') {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const inset = insetFor(size, variant) * size;
  const side = size - 2 * inset;
  ctx.translate(inset, inset);
  ctx.scale(side, side);

  // The rounded square.
  const gradient = ctx.createLinearGradient(0, 0, 0, 1);
  gradient.addColorStop(0, TEAL_TOP);
  gradient.addColorStop(1, TEAL_BOTTOM);
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.roundRect(0, 0, 1, 1, 0.225);
  ctx.fill();

  // The padlock: shackle, then body.
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = size <= 24 ? 0.1 : 0.075;
  ctx.lineCap = 'butt';
  ctx.beginPath();
  ctx.moveTo(0.36, 0.47);
  ctx.lineTo(0.36, 0.34);
  ctx.arc(0.5, 0.34, 0.14, Math.PI, 0);
  ctx.lineTo(0.64, 0.47);
  ctx.stroke();
  ctx.beginPath();
  ctx.roundRect(0.23, 0.44, 0.54, 0.38, 0.07);
  ctx.fill();

  // The keypad on the body (or a keyhole where keys would be a blur).
  ctx.fillStyle = KEY_COLOUR;
  const keys = keysFor(size);
  if (keys) {
    for (const [x, y] of keys.centres) {
      ctx.beginPath();
      ctx.arc(x, y, keys.radius, 0, 2 * Math.PI);
      ctx.fill();
    }
  } else {
    ctx.beginPath();
    ctx.arc(0.5, 0.59, 0.075, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillRect(0.46, 0.6, 0.08, 0.13);
  }
  return canvas;
}

/** PNG bytes of the icon at `size`. */
export function iconPng(size, variant = 'tile') {
  return drawIcon(size, variant).encodeSync('png');
}

/** A Windows .ico holding one PNG-encoded entry per image (`{ size, png }`), as Windows Vista+ reads them. */
export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** A macOS .icns of PNG-encoded entries (`{ type, png }`): 'icns', total length, then type + length + data each. */
export function encodeIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Writes icon.png, icon.ico and icon.icns into `outDir`; returns their paths. */
export async function makeIcons(outDir) {
  await mkdir(outDir, { recursive: true });
  const files = {
    png: join(outDir, 'icon.png'),
    ico: join(outDir, 'icon.ico'),
    icns: join(outDir, 'icon.icns'),
  };
  await writeFile(files.png, iconPng(1024));
  await writeFile(files.ico, encodeIco(ICO_SIZES.map((size) => ({ size, png: iconPng(size) }))));
  await writeFile(files.icns, encodeIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: iconPng(size, 'mac') }))));
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'resources'));
  const files = await makeIcons(outDir);
  console.log(`Wrote ${Object.values(files).join(', ')}`);
}
