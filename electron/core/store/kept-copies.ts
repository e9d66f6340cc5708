import { open as openFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldCipher } from '../secrets/field-cipher';
import type { StoreFileSystem } from './store-file-system';

/** How a sealed kept copy starts: the whole original text is in `text`, sealed (see field-cipher.ts). */
const SEALED_COPY_START = '{"lockbenchSealedCopy":1,';
const TEMP_SUFFIX = '.sealing-tmp';
const CONTEXT = 'kept-copy';

/** Names of copies kept for recovery that may hold PINs: damaged site files set aside, v1 files after migration. */
export function isKeptCopyWithPins(folder: 'data' | 'sites', name: string): boolean {
  if (name.endsWith(TEMP_SUFFIX)) return false;
  if (folder === 'sites') return name.includes('.corrupt-');
  return name.startsWith('lockbench.json') && (name.includes('.corrupt-') || name.includes('.v1-migrated'));
}

/**
 * Seals, whole and in place, every kept copy in `dir` that is still in clear (`which` says which names count). Kept
 * copies are never read by Lockbench, only kept for a person to recover from, so the whole text is sealed as one value
 * (`openKeptCopy` gives it back). Cheap when there is nothing to do: a folder listing and 32 bytes per kept copy.
 * Returns the names it sealed.
 */
export async function sealKeptCopies(
  fs: StoreFileSystem,
  dir: string,
  which: (name: string) => boolean,
  cipher: FieldCipher,
): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const leftover of names.filter((n) => n.endsWith(TEMP_SUFFIX))) await fs.unlink(path.join(dir, leftover)).catch(() => undefined);
  const sealed: string[] = [];
  for (const name of names.filter(which)) {
    const file = path.join(dir, name);
    if ((await readHead(file, SEALED_COPY_START.length)) === SEALED_COPY_START) continue;
    const text = await fs.readText(file);
    const temp = `${file}${TEMP_SUFFIX}`;
    await fs.writeFileSynced(temp, `${SEALED_COPY_START}"text":${JSON.stringify(cipher.seal(text, CONTEXT))}}\n`);
    await fs.rename(temp, file);
    sealed.push(name);
  }
  if (sealed.length > 0) await fs.syncDirectory(dir);
  return sealed;
}

/** The original text of a kept copy sealed by `sealKeptCopies` (a copy in clear is returned as it is); null if it does not open. */
export function openKeptCopy(text: string, cipher: FieldCipher): string | null {
  if (!text.startsWith(SEALED_COPY_START)) return text;
  const { text: sealed } = JSON.parse(text) as { text: string };
  return cipher.open(sealed, CONTEXT);
}

async function readHead(file: string, length: number): Promise<string> {
  const handle = await openFile(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
