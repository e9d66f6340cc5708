import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of the built renderer's JavaScript, raw and gzipped (level 9), from out/renderer. */
export async function rendererJsSize(dir = 'out/renderer'): Promise<{ raw: number; gzip: number; files: number }> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}
