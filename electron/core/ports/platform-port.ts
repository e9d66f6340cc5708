import type { BuiltFile, SavedFile } from '../../../shared/domain/report';
import type { SecretVault } from './secret-vault';

/**
 * What differs between the desktop app (electron/main) and the browser host (electron/host), behind one port. Both
 * implement it; core code uses it and never asks which one it runs in.
 *
 *   core ──▶ PlatformPort ──┬─ desktop: save dialog · OS keychain · electron-log files · powerMonitor · shell.openExternal
 *                           └─ browser: page download · key file · stderr + log file · wake detection by timer drift · page opens it
 */
export interface PlatformPort {
  /** Saves a built file (report, export, diagnostics): the desktop app asks where with the save dialog; the browser host hands it to the page to download. */
  saveFile(file: BuiltFile): Promise<SavedFile>;
  /** Where the data key is protected (the OS keychain, or the browser host's key file). */
  readonly secrets: SecretVault;
  /** The app's log: every line is redacted (PINs, keys, tokens) before it is written anywhere. */
  readonly log: AppLog;
  /** Calls `listener` when the computer wakes from sleep (timers may have slept through their time); returns a function that stops it. */
  onResume(listener: () => void): () => void;
  /** Opens an https link in the installer's browser; in the browser host the page opens it itself (`in_page`). Anything but https is refused. */
  openLink(url: string): Promise<'opened' | 'in_page'>;
  /** Crash dumps kept on this computer (never sent anywhere): names, sizes and times for "Save diagnostics". */
  crashDumps(): Promise<CrashDumpFacts[]>;
}

/** The app's log, redacted on write. */
export interface AppLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  /** The log files as written (already redacted), newest last, for "Save diagnostics". */
  files(): Promise<Array<{ name: string; text: string }>>;
}

/** One crash dump on disk. Its content is not put into diagnostics (a dump holds memory, which may hold a PIN). */
export interface CrashDumpFacts {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** Facts about this build for the About box and diagnostics. */
export interface BuildFacts {
  version: string;
  /** False for a build made without signing credentials (its name and the About box say so). */
  isSigned: boolean;
  /** Git commit the build was made from, when known. */
  commit: string | null;
  /** Runtime versions (electron, chrome, node) and OS, as words. */
  runtime: Record<string, string>;
}
