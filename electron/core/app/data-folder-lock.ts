import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { CodedError } from '../../../shared/result';
import { errnoCode } from '../store/store-file-system';

/** The lock file in the data folder. */
export const LOCK_FILE = 'in-use.lock';
const ATTEMPTS = 5;

/** Who holds a data folder: written into the lock file, named in the refusal. */
export interface FolderHolder {
  host: 'electron' | 'browser';
  pid: number;
  /** ISO instant the holder started. */
  since: string;
  /** The computer's name: a pid only means something on the computer that wrote it (a folder on a network share). */
  hostname: string;
}

/** A held data folder; `release` removes the lock file if it is still ours. */
export interface DataFolderLock {
  readonly holder: FolderHolder;
  release(): Promise<void>;
}

/** How to lock; the defaults are this process. */
export interface LockDataFolderOptions {
  host: FolderHolder['host'];
  pid?: number;
  now?: () => Date;
  /** Whether a process is running on this computer (tests may replace it). */
  isRunning?: (pid: number) => boolean;
}

/**
 * Makes this process the only Lockbench writing to `dataDir` (desktop app and browser host alike). The lock file is
 * created whole and atomically (written to a temp file, then hard-linked into place, which fails if one exists):
 *
 *   no lock file ─────────────────────────────▶ ours
 *   lock of a running process (or of another computer) ─▶ store.locked naming it: host, pid, since
 *   lock of a process that is gone (a crash) ─▶ set aside, checked to be the one judged stale, then ours
 */
export async function lockDataFolder(dataDir: string, options: LockDataFolderOptions): Promise<DataFolderLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const holder: FolderHolder = {
    host: options.host,
    pid: options.pid ?? process.pid,
    since: (options.now ?? (() => new Date()))().toISOString(),
    hostname: hostname(),
  };
  const isRunning = options.isRunning ?? isProcessRunning;
  const text = JSON.stringify(holder);
  const temp = `${file}.${holder.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await createExclusively(temp, file, text)) return { holder, release: () => releaseIfOurs(file, text) };
      const seen = await readFile(file, 'utf8').catch(() => null);
      if (seen === null) continue; // released meanwhile
      const other = parseHolder(seen);
      if (other && (other.hostname !== holder.hostname || isRunning(other.pid))) throw lockedBy(dataDir, file, other);
      await takeOverStale(file, seen);
    }
    throw new CodedError('store.locked', `Could not take the data folder ${dataDir}: another Lockbench is starting on it at the same time.`, { file });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Puts the lock file in place unless one exists: a hard link of the complete temp file (atomic); where the disk has no
 * hard links (FAT, some network shares), an exclusive create instead. False when a lock file is already there.
 */
async function createExclusively(temp: string, file: string, text: string): Promise<boolean> {
  try {
    await link(temp, file);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
  }
  try {
    await writeFile(file, text, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') return false;
    throw e;
  }
}

/** Whether `pid` is a running process on this computer (signal 0 checks without sending anything). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM'; // running, as another user
  }
}

/** Moves a stale lock aside; if what was moved is not the stale lock read a moment ago (a new holder won), puts it back. */
async function takeOverStale(file: string, staleText: string): Promise<void> {
  const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return;
    throw e;
  }
  if ((await readFile(aside, 'utf8').catch(() => null)) !== staleText) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseIfOurs(file: string, text: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => null)) === text) await unlink(file).catch(() => undefined);
}

function parseHolder(text: string): FolderHolder | null {
  try {
    const json = JSON.parse(text) as Partial<FolderHolder>;
    if ((json.host === 'electron' || json.host === 'browser') && Number.isInteger(json.pid) && typeof json.since === 'string' && typeof json.hostname === 'string') {
      return json as FolderHolder;
    }
  } catch {
    // a lock file that is not ours to read: treated as stale
  }
  return null;
}

function lockedBy(dataDir: string, file: string, other: FolderHolder): CodedError {
  const who = other.host === 'electron' ? 'the Lockbench desktop app' : 'the Lockbench browser host';
  const where = other.hostname === hostname() ? '' : ` on the computer "${other.hostname}"`;
  return new CodedError(
    'store.locked',
    `The data folder ${dataDir} is in use by ${who} (process ${other.pid}${where}, since ${other.since}). Close it first, or use another data folder. If that process is not Lockbench, delete ${file}.`,
    { file, host: other.host, pid: other.pid, since: other.since },
  );
}
