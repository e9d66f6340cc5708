import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactLogLine } from '../../shared/logging/redact';
import type { AppLog } from '../core/ports/platform-port';

/** The browser host's log file grows to this size, then becomes `lockbench.old.log` (the one before is dropped). */
export const BROWSER_LOG_MAX_BYTES = 2 * 1024 * 1024;

/** What the browser host's log needs. */
export interface BrowserLogOptions {
  /** The host's data folder: the log is `<dataDir>/logs/lockbench.log`. */
  dataDir: string;
  /** stderr, one line at a time. */
  err: (line: string) => void;
  /** Clock for the file's time stamps (tests pass a fixed one). */
  now?: () => Date;
  /** Rotation size (tests make it small). */
  maxBytes?: number;
}

type Level = 'info' | 'warn' | 'error';

/**
 * The browser host's log: each line redacted (`redactLogLine`), then appended to `<dataDir>/logs/lockbench.log` with
 * its time and level; warnings and errors also go to stderr (the terminal shows the host's own lines on stdout, and
 * what went wrong), and every line does while the file cannot be written. Past 2 MB the file becomes `lockbench.old.log`. Writes are
 * synchronous (a line is on disk before the next one, and before a crash); a file that cannot be written is said
 * once on stderr and the host goes on with stderr only until the file works again.
 */
export function createBrowserLog(options: BrowserLogOptions): AppLog {
  const dir = join(options.dataDir, 'logs');
  const current = join(dir, 'lockbench.log');
  const archived = join(dir, 'lockbench.old.log');
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? BROWSER_LOG_MAX_BYTES;
  let size: number | null = null;
  let isFileFailing = false;

  /** Appends to the file; false when it cannot be written. */
  const append = (text: string): boolean => {
    try {
      if (size === null) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        size = sizeOf(current);
      }
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) {
        renameSync(current, archived);
        size = 0;
      }
      appendFileSync(current, text, { mode: 0o600 });
      size += bytes;
      isFileFailing = false;
      return true;
    } catch (e) {
      size = null;
      if (!isFileFailing) options.err(`[log] could not write ${current} (${(e as NodeJS.ErrnoException).code ?? 'error'}); logging to stderr only.`);
      isFileFailing = true;
      return false;
    }
  };

  const write = (level: Level, line: string): void => {
    const text = redactLogLine(line);
    const isInFile = append(`${now().toISOString()} [${level}] ${text}\n`);
    if (level !== 'info') options.err(`[${level}] ${text}`);
    else if (!isInFile) options.err(text);
  };

  return {
    info: (line) => write('info', line),
    warn: (line) => write('warn', line),
    error: (line) => write('error', line),
    async files() {
      const read = await Promise.all(
        [archived, current].map(async (path) => {
          try {
            return { name: path === current ? 'lockbench.log' : 'lockbench.old.log', text: redactLogLine(await readFile(path, 'utf8')) };
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
            throw e;
          }
        }),
      );
      return read.filter((f): f is { name: string; text: string } => f !== null);
    },
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
}
