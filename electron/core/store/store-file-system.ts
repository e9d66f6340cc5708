import * as fsp from 'node:fs/promises';
import path from 'node:path';

/**
 * The few file operations the store needs, as a port so tests can inject failures. The real one is
 * `nodeStoreFileSystem`; durability (fsync) lives behind `writeFileSynced`, `copyFileSynced` and `syncDirectory`.
 */
export interface StoreFileSystem {
  readText(file: string): Promise<string>;
  /** Creates or truncates `file`, writes `text`, fsyncs it and closes it. */
  writeFileSynced(file: string, text: string): Promise<void>;
  /** Copies `from` to `to` and fsyncs the copy. */
  copyFileSynced(from: string, to: string): Promise<void>;
  /** Fsyncs a directory so renames and links in it survive a power cut (no-op where the OS cannot). */
  syncDirectory(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** Creates `dir` (and missing parents; nothing if it exists) and fsyncs its parent so the new entry is durable. */
  makeDirectory(dir: string): Promise<void>;
  /** Last modification time, or null when the file does not exist. */
  modifiedAt(file: string): Promise<Date | null>;
}

/** Errors from fsync on a directory that mean "not supported here", not "the disk failed". */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** The error code of a Node fs error (`ENOENT`…), or undefined. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;
}

async function syncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The store's file operations on the real disk. */
export const nodeStoreFileSystem: StoreFileSystem = {
  readText: (file) => fsp.readFile(file, 'utf8'),
  async writeFileSynced(file, text) {
    const handle = await fsp.open(file, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async copyFileSynced(from, to) {
    await fsp.copyFile(from, to);
    await syncFile(to);
  },
  async syncDirectory(dir) {
    // Windows cannot open a directory for fsync (EPERM/EISDIR); NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    try {
      const handle = await fsp.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (e) {
      if (!DIRECTORY_SYNC_UNSUPPORTED.has(errnoCode(e) ?? '')) throw e;
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  unlink: (file) => fsp.unlink(file),
  readdir: (dir) => fsp.readdir(dir),
  async makeDirectory(dir) {
    const created = await fsp.mkdir(dir, { recursive: true });
    if (created !== undefined) await nodeStoreFileSystem.syncDirectory(path.dirname(path.resolve(dir)));
  },
  async modifiedAt(file) {
    try {
      return (await fsp.stat(file)).mtime;
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null;
      throw e;
    }
  },
};
