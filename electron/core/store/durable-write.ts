import path from 'node:path';
import { errnoCode, type StoreFileSystem } from './store-file-system';
import { tempFileName, type StoreFileNames } from './store-file-names';

/** Errors Windows raises while another process (an antivirus, an indexer) briefly holds the target open. */
const WINDOWS_TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_RETRY_DELAYS_MS = [10, 30, 60, 120];

/**
 * Replaces the store file with `text` so that, whatever moment the process or the power dies, the store file is
 * either the old version or the new one, complete:
 *
 *   write <file>.tmp-* ─ fsync ─▶ <file> hard-linked (or copied) to <file>.bak ─▶ rename tmp over <file> ─▶ fsync dir
 *
 * `.bak` ends up holding the version just replaced (the last good copy). Resolves only once the rename is durable.
 */
export async function replaceFileDurably(
  fs: StoreFileSystem,
  names: StoreFileNames,
  text: string,
  log: (message: string) => void,
): Promise<void> {
  const temp = tempFileName(names);
  try {
    await fs.writeFileSynced(temp, text);
    await keepPreviousAsBackup(fs, names, log);
    await renameWithRetry(fs, temp, names.file);
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
  await fs.syncDirectory(names.dir);
}

/**
 * Makes `.bak` the current store file before it is replaced. A hard link costs nothing whatever the file size;
 * where links are not supported (FAT, some network shares) it falls back to a copy. Failing to keep a backup
 * does not block the save: the atomic rename still protects the store file, and the failure is logged.
 */
async function keepPreviousAsBackup(
  fs: StoreFileSystem,
  names: StoreFileNames,
  log: (message: string) => void,
): Promise<void> {
  try {
    await fs.unlink(names.backup);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') {
      log(`Could not replace the backup copy ${names.backup} (${errnoCode(e) ?? 'error'}); saving without a fresh backup.`);
      return;
    }
  }
  try {
    await fs.link(names.file, names.backup);
    return;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return; // no store file yet (first save, or it was set aside as damaged)
  }
  try {
    await fs.copyFileSynced(names.file, names.backup);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    await fs.unlink(names.backup).catch(() => undefined); // never leave a half-copied backup behind
    log(`Could not keep a backup copy at ${names.backup} (${errnoCode(e) ?? 'error'}); saving without one.`);
  }
}

async function renameWithRetry(fs: StoreFileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      const isTransient = process.platform === 'win32' && WINDOWS_TRANSIENT.has(errnoCode(e) ?? '');
      if (!isTransient || delay === undefined) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Deletes temp files left by a write that was interrupted (crash, power cut): the store file was never replaced by them. */
export async function removeLeftoverTempFiles(
  fs: StoreFileSystem,
  names: StoreFileNames,
  log: (message: string) => void,
): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(names.dir);
  } catch {
    return;
  }
  for (const name of entries.filter((entry) => entry.startsWith(names.tempPrefix))) {
    try {
      await fs.unlink(path.join(names.dir, name));
      log(`Removed ${name}, left over from an interrupted save.`);
    } catch {
      // Harmless: it is ignored on open and another attempt is made next time.
    }
  }
}
