/**
 * What the update controller needs from electron-updater's `AppUpdater` (`autoUpdater`), and nothing more: the names,
 * arguments and event payloads are electron-updater 6's own, so `autoUpdater` satisfies this interface as it is
 * (create-updater.ts) and a test hands the controller an EventEmitter instead.
 *
 *   checkForUpdates() ─▶ 'checking-for-update' ─▶ 'update-not-available' (info)
 *                                              └▶ 'update-available' (info) ─▶ 'download-progress' (progress)… ─▶ 'update-downloaded' (info)
 *   any step can fail ─▶ 'error' (error) and, for the check itself, a rejected promise
 */

/** A release as electron-updater describes it (a subset of builder-util-runtime's `UpdateInfo`). */
export interface UpdateRelease {
  /** The release's version, e.g. "0.2.0". */
  readonly version: string;
  releaseName?: string | null;
  /** The GitHub release's notes: a string, or one entry per version when `fullChangelog` is on. */
  releaseNotes?: string | ReadonlyArray<{ readonly version: string; readonly note: string | null }> | null;
  releaseDate: string;
}

/** Download progress as electron-updater reports it (`ProgressInfo`): `percent` runs 0–100. */
export interface UpdateDownloadProgress {
  percent: number;
  transferred: number;
  total: number;
  bytesPerSecond: number;
}

/** What `checkForUpdates()` resolves to (`UpdateCheckResult`); null when the updater is inactive (not packaged). */
export interface UpdateCheckOutcome {
  readonly isUpdateAvailable: boolean;
  readonly updateInfo: UpdateRelease;
  /**
   * The background download started by `autoDownload`. It rejects when the download fails (after the 'error' event),
   * so whoever checks must catch it or Node reports an unhandled rejection.
   */
  readonly downloadPromise?: Promise<string[]> | null;
}

/**
 * Subscribes (`on`) or unsubscribes (`off`) a listener to one of the updater's events, with electron-updater's
 * payloads. 'update-downloaded' carries `UpdateDownloadedEvent` (the release plus `downloadedFile`); 'error' carries
 * electron-updater's own description as `message`, often with a stack: log it, never show it.
 */
export interface UpdaterEventMethod {
  (event: 'checking-for-update', listener: () => void): unknown;
  (event: 'update-available' | 'update-not-available' | 'update-downloaded', listener: (info: UpdateRelease) => void): unknown;
  (event: 'download-progress', listener: (progress: UpdateDownloadProgress) => void): unknown;
  (event: 'error', listener: (error: Error, message?: string) => void): unknown;
}

/** The logger electron-updater writes to (`{ info, warn, error }`, optional `debug`); it passes strings and Errors. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

/** The part of electron-updater's `AppUpdater` the update controller uses. */
export interface UpdaterPort {
  /** Download as soon as an update is found (the controller turns it on: downloads run in the background). */
  autoDownload: boolean;
  /** Install a downloaded update on any quit: the controller turns it OFF and decides itself (never while doors have work). */
  autoInstallOnAppQuit: boolean;
  /** Also offer GitHub pre-releases (off: installers on site get published releases only). */
  allowPrerelease: boolean;
  logger: UpdaterLogger | null;
  /** Asks the release feed for a newer version; rejects (and emits 'error') when it cannot. */
  checkForUpdates(): Promise<UpdateCheckOutcome | null>;
  /** Starts the download when `autoDownload` is off; resolves to the downloaded files. */
  downloadUpdate(): Promise<string[]>;
  /**
   * Quits the app and installs the downloaded update. `isSilent` (Windows): run the installer without its wizard;
   * `isForceRunAfter`: start the app again after a silent install. On macOS both are ignored.
   */
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on: UpdaterEventMethod;
  off: UpdaterEventMethod;
}

/**
 * `text` with every http(s) URL cut to its origin and path ("https://x/a?token=1" → "https://x/a?…"): electron-updater
 * logs the URLs it downloads from, and a feed's token would sit in the query or the user info.
 */
export function withoutUrlSecrets(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>`]+?(?=[),.;:]*(?:[\s"'<>`]|$))/gi, (found) => {
    let url: URL;
    try {
      url = new URL(found);
    } catch {
      return '[url]';
    }
    const hadMore = url.search !== '' || url.hash !== '';
    return `${url.protocol}//${url.host}${url.pathname}${hadMore ? '?…' : ''}`;
  });
}
