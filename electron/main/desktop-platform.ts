import type { BrowserWindow } from 'electron';
import { httpsLinkOf } from '../../shared/links/https-link';
import type { AppLog, PlatformPort } from '../core/ports/platform-port';
import type { SecretVault } from '../core/secrets/secret-vault';
import { listCrashDumps } from './crash-dumps';
import { createDialogSaveFile, type SaveDialog } from './save-file';

/** The part of Electron's `powerMonitor` used here (a stand-in in tests). */
export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown;
  removeListener(event: 'resume', listener: () => void): unknown;
}

/** What the desktop platform is made of: Electron's modules (or stand-ins) and what main already built. */
export interface DesktopPlatformDeps {
  dialog: SaveDialog;
  shell: { openExternal(url: string): Promise<void> };
  /** Electron's powerMonitor: usable only once the app is ready, so the platform is created after `whenReady`. */
  powerMonitor: PowerMonitorLike;
  /** The safeStorage vault (createSafeStorageVault). */
  secrets: SecretVault;
  /** The electron-log log (createDesktopLog). */
  log: AppLog;
  /** The window the save dialog belongs to; null (none open) → the save is `cancelled`. */
  getWindow: () => BrowserWindow | null;
  /** `app.getPath('documents')`: where the save dialog suggests a file. */
  documentsDir: string;
  /** `app.getPath('crashDumps')` (startCrashDumps returns it). */
  crashDumpsDir: string;
}

/**
 * The desktop app's platform: the system save dialog, the OS keychain, electron-log files, powerMonitor's `resume`,
 * the installer's browser for https links (nothing else is handed to the OS: a `file:` or custom-scheme link could
 * start a program) and the local crash dumps.
 */
export function createDesktopPlatform(deps: DesktopPlatformDeps): PlatformPort {
  const { log } = deps;
  return {
    saveFile: createDialogSaveFile(deps.dialog, deps.getWindow, deps.documentsDir),
    secrets: deps.secrets,
    log,
    onResume(listener) {
      const onWake = (): void => {
        try {
          listener();
        } catch (e) {
          // Thrown inside Electron's event emitter it would end the main process.
          log.error(`a wake-from-sleep listener failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      };
      deps.powerMonitor.on('resume', onWake);
      return () => void deps.powerMonitor.removeListener('resume', onWake);
    },
    async openLink(url) {
      await deps.shell.openExternal(httpsLinkOf(url));
      return 'opened';
    },
    crashDumps: () => listCrashDumps(deps.crashDumpsDir),
  };
}
