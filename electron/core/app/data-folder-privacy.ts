import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { errnoCode } from '../store/store-file-system';

/** What a private folder and file may be: read and written by their owner only. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** Names listed in a notice before "and N more". */
const NAMES_SHOWN = 5;

/**
 * Makes every file this process creates from now on private to the user (umask 077): zwave-js's cache, lowdb's temp
 * files, the demo locks' memory and the secrets files are created by code that does not pass a mode, so the umask is
 * what keeps them private. Not possible in a worker thread (Node refuses): there the fix-up walk
 * (`makeDataFolderPrivate`) is the only guard, run again on close. Does nothing on Windows (no POSIX modes; the user's
 * profile folders are private by their ACLs). Returns whether the umask is in force.
 */
export function restrictNewFilesToUser(platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32' || !isMainThread) return false;
  process.umask(0o077);
  return true;
}

/**
 * Creates the data folder if needed (0700), then walks it and takes group and other permissions away from everything
 * in it: folders 0700, files 0600. Symbolic links are left alone (never followed). Returns a sentence for the banner
 * naming what was fixed (or what could not be: a file of another user), or null when all was private already.
 * Windows: creates the folder only (see `restrictNewFilesToUser`).
 */
export async function makeDataFolderPrivate(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  await mkdir(dataDir, { recursive: true, mode: FOLDER_MODE });
  if (platform === 'win32') return null;
  const fixed: string[] = [];
  const refused: string[] = [];
  const visit = async (target: string): Promise<void> => {
    const stats = await lstat(target).catch(() => null);
    if (!stats || stats.isSymbolicLink()) return;
    const wanted = stats.isDirectory() ? FOLDER_MODE : FILE_MODE;
    const name = path.relative(dataDir, target) || '.';
    if ((stats.mode & 0o077) !== 0) {
      try {
        await chmod(target, wanted);
        fixed.push(stats.isDirectory() ? `${name}/` : name);
      } catch (e) {
        refused.push(`${name} (${errnoCode(e) ?? 'error'})`);
      }
    }
    if (stats.isDirectory()) {
      for (const entry of await readdir(target).catch(() => [] as string[])) await visit(path.join(target, entry));
    }
  };
  await visit(path.resolve(dataDir));
  return describeFixes(dataDir, fixed, refused);
}

function describeFixes(dataDir: string, fixed: string[], refused: string[]): string | null {
  const list = (names: string[]) =>
    names.length <= NAMES_SHOWN ? names.join(', ') : `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;
  const parts: string[] = [];
  if (fixed.length > 0) {
    parts.push(
      `The data folder ${dataDir} was open to other users of this computer; Lockbench made it private (folders 0700, files 0600): ${list(fixed)}.`,
    );
  }
  if (refused.length > 0) {
    parts.push(`These could not be made private and may be readable by others: ${list(refused)}. Fix their owner or permissions.`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
