import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrashReporterStartOptions } from 'electron';
import type { CrashDumpFacts } from '../core/ports/platform-port';

/** The part of Electron's `crashReporter` used here (a stand-in in tests). */
export interface CrashReporterLike {
  start(options: CrashReporterStartOptions): void;
}

/** The part of Electron's `app` used here. */
export interface CrashDumpsApp {
  getPath(name: 'crashDumps'): string;
}

/** How deep below the crash dumps folder dumps are looked for (Crashpad keeps them in completed/, pending/, new/). */
const MAX_DEPTH = 3;
/** Only the newest dumps are listed (a crash loop could leave hundreds). */
const MAX_LISTED = 50;

/**
 * Starts Electron's crash reporter so a crash leaves a minidump on this computer, and nothing is ever sent: no
 * upload, no server. Call it before the app is ready (as early as possible in main) so early crashes are caught too.
 * Returns the folder the dumps go to (`app.getPath('crashDumps')`), for `listCrashDumps` and the platform.
 */
export function startCrashDumps(crashReporter: CrashReporterLike, app: CrashDumpsApp): string {
  crashReporter.start({ submitURL: '', uploadToServer: false, compress: true });
  return app.getPath('crashDumps');
}

/**
 * The crash dumps (`*.dmp`) under `dir` and its subfolders, newest first: name (path below `dir`), size and time. Their
 * content is never read: a dump holds the process's memory, which may hold a PIN. A missing folder has none.
 */
export async function listCrashDumps(dir: string): Promise<CrashDumpFacts[]> {
  const found: Array<CrashDumpFacts & { at: number }> = [];
  const walk = async (folder: string, prefix: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      if (['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
      throw e;
    }
    for (const entry of entries) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(join(folder, entry.name), name, depth + 1);
      if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.dmp')) continue;
      try {
        const facts = await stat(join(folder, entry.name));
        found.push({ name, bytes: facts.size, modifiedAt: facts.mtime.toISOString(), at: facts.mtimeMs });
      } catch {
        // Removed while listing (Crashpad moves new/ to pending/ to completed/): it is listed where it arrives.
      }
    }
  };
  await walk(dir, '', 0);
  return found
    .sort((a, b) => b.at - a.at || a.name.localeCompare(b.name))
    .slice(0, MAX_LISTED)
    .map(({ name, bytes, modifiedAt }) => ({ name, bytes, modifiedAt }));
}
