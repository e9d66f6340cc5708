/**
 * The only module that imports electron-updater (bundled into out/main by the build). It hands the update controller
 * electron-updater's `autoUpdater` as an UpdaterPort, with its log going to the app's (redacted) log.
 *
 * The feed is the one electron-builder writes into the packaged app (`app-update.yml`, from the `publish` setting:
 * GitHub releases). electron-updater is CommonJS: it is imported whole and `autoUpdater` taken from it, which works
 * both bundled and when Node loads it as a CommonJS module from ESM.
 */
import electronUpdater from 'electron-updater';
import type { AppLog } from '../../core/ports/platform-port';
import { withoutUrlSecrets, type UpdaterEventMethod, type UpdaterLogger, type UpdaterPort } from './updater-port';

/** Options for createUpdater. */
export interface CreateUpdaterOptions {
  log: AppLog;
}

/**
 * electron-updater's `autoUpdater` for this platform (NSIS on Windows, Squirrel.Mac on macOS), logging through `log`.
 * It is made on first use, so a build that cannot update (the controller then never touches it) never creates one.
 * Web installers are refused (their packages may skip the signature check). The controller sets the download and
 * install switches; nothing here checks or downloads.
 */
export function createUpdater(options: CreateUpdaterOptions): UpdaterPort {
  let made: UpdaterPort | null = null;
  const updater = (): UpdaterPort => {
    if (made) return made;
    const { autoUpdater } = electronUpdater;
    autoUpdater.disableWebInstaller = true;
    autoUpdater.logger = createUpdaterLogger(options.log);
    return (made = autoUpdater);
  };
  // The events keep their overloaded types (UpdaterEventMethod); the arguments pass through unchanged.
  const forward = (method: 'on' | 'off') => ((event: never, listener: never) => updater()[method](event, listener)) as UpdaterEventMethod;
  return {
    get autoDownload() { return updater().autoDownload; },
    set autoDownload(value) { updater().autoDownload = value; },
    get autoInstallOnAppQuit() { return updater().autoInstallOnAppQuit; },
    set autoInstallOnAppQuit(value) { updater().autoInstallOnAppQuit = value; },
    get allowPrerelease() { return updater().allowPrerelease; },
    set allowPrerelease(value) { updater().allowPrerelease = value; },
    get logger() { return updater().logger; },
    set logger(value) { updater().logger = value; },
    checkForUpdates: () => updater().checkForUpdates(),
    downloadUpdate: () => updater().downloadUpdate(),
    quitAndInstall: (isSilent, isForceRunAfter) => updater().quitAndInstall(isSilent, isForceRunAfter),
    on: forward('on'),
    off: forward('off'),
  };
}

/**
 * electron-updater's logger over the app's log, every line prefixed `[updates]`. electron-updater writes the URLs it
 * downloads from and whole Errors: URLs lose their query, fragment and user info (where a feed's token would be),
 * and Errors are written as their message (their stacks can quote a request).
 */
export function createUpdaterLogger(log: AppLog): UpdaterLogger {
  const line = (message: unknown) => `[updates] ${withoutUrlSecrets(message instanceof Error ? message.message : String(message))}`;
  return {
    info: (message) => log.info(line(message)),
    warn: (message) => log.warn(line(message)),
    error: (message) => log.error(line(message)),
  };
}

