import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What a sealed value looks like inside a JSON file (see field-cipher.ts). */
const SEALED_MARK = '"lb1:';

/**
 * True when a file directly in the data folder or in `sites/` holds a sealed value: then the data key exists
 * somewhere, and making a new one would leave that data unreadable for good. Only run when the key file is gone
 * (it reads those files whole); the zwave-js cache is left out: it is only a copy of what the locks hold.
 */
export async function hasSealedData(dataDir: string): Promise<boolean> {
  for (const dir of [dataDir, path.join(dataDir, 'sites')]) {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.filter((e) => e.isFile())) {
      const text = await readFile(path.join(dir, entry.name), 'utf8').catch(() => '');
      if (text.includes(SEALED_MARK)) return true;
    }
  }
  return false;
}
