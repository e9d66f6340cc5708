/**
 * Updates from the published GitHub releases: checked at start, every 4 hours and from the menu, downloaded in the
 * background, and installed only through the install gate (install-gate.ts), which waits until no change is waiting or
 * running on any door.
 *
 *   checkAtStart · every 4 h ─▶ quiet check ─▶ errors only logged (offline on site is normal)
 *   checkFromMenu ───────────▶ check ─▶ dialog: up to date · downloading X · what went wrong · why updates are off
 *   'update-downloaded' ─▶ install gate ─▶ asks "Restart now / Later", or waits for the doors
 */
import type { WorkSignal } from '../../core/app/app-services';
import type { AppLog } from '../../core/ports/platform-port';
import { createInstallGate } from './install-gate';
import { describeUpdateError, oneDialogAtATime, type MenuCheckResult, type UpdateDialogs } from './update-dialogs';
import { withoutUrlSecrets, type UpdateDownloadProgress, type UpdateRelease, type UpdaterEventMethod, type UpdaterPort } from './updater-port';

/** Where updating stands, for the menu (updateMenuLabel in update-dialogs.ts). */
export type UpdateState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string }
  | { kind: 'waiting_for_doors'; version: string; changes: number }
  | { kind: 'error'; message: string }
  | { kind: 'disabled'; reason: string };

/** Whether this build can update itself (not in development, not unsigned on macOS); `reason` is shown from the menu. */
export type CanUpdate = { ok: true } | { ok: false; reason: string };

/** What the update controller works with. */
export interface UpdateControllerDeps {
  updater: UpdaterPort;
  work: WorkSignal;
  dialogs: UpdateDialogs;
  log: AppLog;
  canUpdate: CanUpdate;
  /** Between quiet checks while the app runs (default UPDATE_CHECK_EVERY_MS). */
  checkEveryMs?: number;
}

/** The app's updates, for the menu and the app's quit. */
export interface UpdateController {
  /** A quiet check now and every few hours: errors are only logged, never shown. */
  checkAtStart(): void;
  /** "Check for Updates…": tells the result in a dialog; with an update downloaded, offers it again (installWhenIdle). */
  checkFromMenu(): Promise<void>;
  /** Offers the downloaded update again: asks now when no door has work, else says it waits and asks when they are done. */
  installWhenIdle(): void;
  /** Call when the app is about to quit: installs a downloaded update (true: the updater quits the app itself) only when no door has work. */
  beforeQuit(): Promise<boolean>;
  state(): UpdateState;
  /** Calls `listener` with every new state (to rebuild the menu); returns a function that stops it. */
  onStateChange(listener: (state: UpdateState) => void): () => void;
  dispose(): void;
}

/** Between quiet checks while the app runs: 4 hours. */
export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** The update controller over electron-updater (updater-port.ts); see the diagram above. */
export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const { updater, log, canUpdate } = deps;
  const dialogs = oneDialogAtATime(deps.dialogs);
  const stateListeners = new Set<(state: UpdateState) => void>();
  const stops: Array<() => void> = [];
  let current: UpdateState = canUpdate.ok ? { kind: 'idle' } : { kind: 'disabled', reason: canUpdate.reason };
  let lastError: unknown = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  const setState = (next: UpdateState) => {
    current = next;
    for (const listener of stateListeners) listener(next);
  };
  const describe = (error: unknown) => withoutUrlSecrets(error instanceof Error ? error.message : String(error)).slice(0, 500);
  const logFailure = (error: unknown) => log.error(`[updates] ${describe(error)}`);
  const gate = createInstallGate({
    work: deps.work,
    dialogs,
    log,
    logFailure,
    setState,
    quitAndInstall(restartAfter) {
      try {
        // Silent: the NSIS installer is assisted (oneClick: false) and would otherwise show its whole wizard.
        updater.quitAndInstall(true, restartAfter);
        return true;
      } catch (error) {
        logFailure(error);
        return false;
      }
    },
  });
  stops.push(() => gate.dispose());
  // Once an update is downloaded, the state is the gate's: checks are skipped and their events no longer move it.
  const isDownloaded = () => gate.release() !== null;

  async function check(): Promise<MenuCheckResult> {
    try {
      const outcome = await updater.checkForUpdates();
      // A failed download is reported by the 'error' event; its promise must not go unhandled.
      outcome?.downloadPromise?.catch(() => undefined);
      if (!outcome) return { kind: 'disabled', reason: 'The updater is not active in this build.' };
      const { version } = outcome.updateInfo;
      return outcome.isUpdateAvailable ? { kind: 'downloading', version } : { kind: 'up_to_date', latestVersion: version };
    } catch (error) {
      if (error !== lastError) log.warn(`[updates] check failed: ${describe(error)}`);
      const message = describeUpdateError(error);
      if (!isDownloaded()) setState({ kind: 'error', message });
      return { kind: 'error', message };
    }
  }
  const checkQuietly = async () => {
    if (!isDownloaded()) await check();
  };

  const onChecking = () => !isDownloaded() && setState({ kind: 'checking' });
  const onAvailable = (info: UpdateRelease) => {
    log.info(`[updates] ${info.version} is available: downloading`);
    if (!isDownloaded()) setState({ kind: 'downloading', version: info.version, percent: 0 });
  };
  const onNotAvailable = () => !isDownloaded() && setState({ kind: 'idle' });
  const onProgress = (progress: UpdateDownloadProgress) => current.kind === 'downloading' && setState({ ...current, percent: progress.percent });
  const onDownloaded = (info: UpdateRelease) => {
    log.info(`[updates] ${info.version} is downloaded`);
    gate.downloaded(info);
  };
  const onError = (error: Error) => {
    lastError = error;
    log.warn(`[updates] ${describe(error)}`);
    gate.installFailed();
    if (!isDownloaded()) setState({ kind: 'error', message: describeUpdateError(error) });
  };
  const wire = (method: UpdaterEventMethod) => {
    method('checking-for-update', onChecking);
    method('update-available', onAvailable);
    method('update-not-available', onNotAvailable);
    method('download-progress', onProgress);
    method('update-downloaded', onDownloaded);
    method('error', onError);
  };
  if (canUpdate.ok) {
    updater.autoDownload = true;
    // The gate decides when to install: electron-updater must not install on a quit while doors have work.
    updater.autoInstallOnAppQuit = false;
    updater.allowPrerelease = false;
    wire(updater.on.bind(updater));
    stops.push(() => wire(updater.off.bind(updater)));
  }

  return {
    checkAtStart() {
      if (!canUpdate.ok) return log.info(`[updates] off: ${canUpdate.reason}`);
      void checkQuietly();
      timer ??= setInterval(() => void checkQuietly(), deps.checkEveryMs ?? UPDATE_CHECK_EVERY_MS);
    },
    async checkFromMenu() {
      if (!canUpdate.ok) return dialogs.tellCheckResult({ kind: 'disabled', reason: canUpdate.reason });
      if (isDownloaded()) {
        await gate.offerAgain();
        return dialogs.settled();
      }
      const result = await check();
      // Downloaded already (a cached download): the gate is offering it.
      if (result.kind === 'downloading' && gate.release()?.version === result.version) return;
      await dialogs.tellCheckResult(result);
    },
    installWhenIdle() {
      if (canUpdate.ok && isDownloaded()) void gate.offerAgain();
    },
    beforeQuit: async () => canUpdate.ok && gate.beforeQuit(),
    state: () => current,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      if (timer) clearInterval(timer);
      for (const stop of stops.splice(0)) stop();
      stateListeners.clear();
    },
  };
}
