import { readFile } from 'node:fs/promises';
import { basename, dirname, join, parse } from 'node:path';
import type { Hook, LevelOption, LogMessage, MainTransports } from 'electron-log';
import { redactLogLine } from '../../shared/logging/redact';
import type { AppLog } from '../core/ports/platform-port';

/** The largest the log file grows before electron-log moves it aside as `main.old.log` (one archived file is kept). */
export const DESKTOP_LOG_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The part of an electron-log v5 logger used here: `electron-log/main` in the app; `electron-log/node` (same hooks and
 * transports, no Electron) in tests.
 */
export interface ElectronLogLike {
  hooks: Hook[];
  transports: Pick<MainTransports, 'file' | 'console'> & { ipc?: { level: LevelOption } | null };
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

/** How the desktop log behaves. */
export interface DesktopLogOptions {
  /** Development (not packaged): lines also go to stderr. */
  isDevelopment: boolean;
  /** Where development lines go (default: process.stderr). */
  stderr?: (text: string) => void;
}

/**
 * The desktop app's log over electron-log: a file in the OS log folder (electron-log's default for the app's name:
 * ~/Library/Logs/Lockbench, %APPDATA%\Lockbench\logs, ~/.config/Lockbench/logs), 5 MB then one archived file; in
 * development also stderr. A hook redacts every part of every message (also from code that calls electron-log
 * directly), so no transport ever sees a PIN, key or token:
 *
 *   log.info(…) ─▶ hooks: … ▶ redact (last) ─▶ file transport / console transport (development)
 */
export function createDesktopLog(electronLog: ElectronLogLike, options: DesktopLogOptions): AppLog {
  const { file, console: consoleTransport } = electronLog.transports;
  electronLog.hooks.push(redactHook);
  file.level = 'info';
  file.maxSize = DESKTOP_LOG_MAX_BYTES;
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  consoleTransport.level = options.isDevelopment ? 'info' : false;
  consoleTransport.writeFn = ({ message }) => stderr(`${message.data.map(String).join(' ')}\n`);
  // electron-log's ipc transport copies main's lines into the page's console in development: the page needs none.
  if (electronLog.transports.ipc) electronLog.transports.ipc.level = false;

  return {
    info: (line) => electronLog.info(line),
    warn: (line) => electronLog.warn(line),
    error: (line) => electronLog.error(line),
    async files() {
      const current = file.getFile().path;
      const { name, ext } = parse(current);
      const archived = join(dirname(current), `${name}.old${ext}`);
      const read = await Promise.all([archived, current].map(readRedacted));
      return read.filter((f): f is { name: string; text: string } => f !== null);
    },
  };
}

/** Redacts each part of a message; objects and errors become redacted text (their fields could hold a PIN). */
const redactHook: Hook = (message: LogMessage) => ({ ...message, data: message.data.map(redactPart) });

function redactPart(part: unknown): unknown {
  if (typeof part === 'string') return redactLogLine(part);
  if (part instanceof Error) return redactLogLine(part.stack ?? `${part.name}: ${part.message}`);
  if (part === null || typeof part !== 'object') return typeof part === 'function' ? '[function]' : part;
  try {
    return redactLogLine(JSON.stringify(part));
  } catch {
    return '[unserialisable value]';
  }
}

/** A log file as written, redacted again on read (a line from an older build may predate a rule); null when absent. */
async function readRedacted(path: string): Promise<{ name: string; text: string } | null> {
  try {
    return { name: basename(path), text: redactLogLine(await readFile(path, 'utf8')) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
