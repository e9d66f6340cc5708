import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The files that belong to one store: the store file itself, its last good copy, and where temp files go. */
export interface StoreFileNames {
  file: string;
  /** The previous good version of `file`, kept so a damaged store file can be recovered. */
  backup: string;
  dir: string;
  /** Names in `dir` starting with this are temp files of an unfinished write (safe to delete on open). */
  tempPrefix: string;
}

/** Derives the backup and temp names for a store file. */
export function storeFileNames(file: string): StoreFileNames {
  const resolved = path.resolve(file);
  return {
    file: resolved,
    backup: `${resolved}.bak`,
    dir: path.dirname(resolved),
    tempPrefix: `${path.basename(resolved)}.tmp-`,
  };
}

/** A fresh temp file name next to the store file (same folder, so the final rename is atomic). */
export function tempFileName(names: StoreFileNames): string {
  return path.join(names.dir, `${names.tempPrefix}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Where a damaged `file` is moved: `<file>.corrupt-<UTC timestamp>`, with characters every OS accepts. */
export function setAsideFileName(file: string, at: Date, attempt: number): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return attempt === 0 ? `${file}.corrupt-${stamp}` : `${file}.corrupt-${stamp}-${attempt}`;
}

/** True when a name in the store's folder is a set-aside damaged copy of this store or of its backup. */
export function isSetAsideName(names: StoreFileNames, name: string): boolean {
  const base = path.basename(names.file);
  return name.startsWith(`${base}.corrupt-`) || name.startsWith(`${base}.bak.corrupt-`);
}
