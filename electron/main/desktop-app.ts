/**
 * The desktop shell's lifecycle, with Electron and the heavy factories passed in (index.ts hands it the real ones,
 * tests the stand-in of testing/stand-in-electron.ts):
 *
 *   before ready: smoke folder? ─▶ crash dumps ─▶ log ─▶ app:// scheme ─▶ single-instance lock (second: quit) ─▶ sandbox
 *   ready ─▶ harden ─▶ serve app:// ─▶ build facts ─▶ desktop platform (keychain | memory vault in smoke)
 *         ─▶ services ─▶ IPC bridge + events ─▶ updates (packaged only) ─▶ menu ─▶ window (hidden in smoke)
 *         ─▶ services ready ─▶ quiet update check;  smoke: measure, one line, exit
 *   second launch ─▶ this window to the front;  quit ─▶ updates.beforeQuit (installs only when idle) ─▶ services.close
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { isCodedError } from '../../shared/result';
import type { AppServices, AppServicesOptions } from '../core/app/app-services';
import { processMemoryVault } from '../core/app/open-private-data';
import { createDispatcher } from '../core/ipc/dispatcher';
import type { AppLog } from '../core/ports/platform-port';
import { applyAppMenu, createMenuActions } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { readBuildFacts, updatePolicy, type DesktopBuildFacts } from './build-facts';
import type { startCrashDumps } from './crash-dumps';
import type { createDesktopPlatform } from './desktop-platform';
import { hardenElectron } from './hardening';
import { forwardEvents, registerIpcBridge } from './ipc-bridge';
import { bringToFront, createMainWindow } from './main-window';
import { createRendererPage } from './renderer-page';
import { createSafeStorageVault } from './safe-storage-vault';
import { isSmokeRun, runSmoke, useSmokeFolder } from './smoke-mode';
import { createUpdateController, type UpdateController } from './updates/update-controller';
import { createElectronUpdateDialogs, updateMenuLabel } from './updates/update-dialogs';
import type { UpdaterPort } from './updates/updater-port';

/** The parts of the electron module the shell uses: the real module in index.ts, the stand-in in tests. */
export type DesktopElectron = Pick<
  typeof import('electron'),
  'app' | 'BrowserWindow' | 'protocol' | 'Menu' | 'dialog' | 'shell' | 'powerMonitor' | 'safeStorage' | 'session' | 'ipcMain' | 'crashReporter'
>;

/** Everything the shell is started with. */
export interface DesktopAppDeps {
  electron: DesktopElectron;
  /** out/main: the preload is ../preload/index.cjs and the renderer ../renderer. */
  mainDir: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Milliseconds since process start when the main module had been evaluated, and a clock on the same scale (smoke). */
  mainLoadedMs: number;
  now(): number;
  createLog(options: { isDevelopment: boolean }): AppLog;
  startCrashDumps: typeof startCrashDumps;
  createDesktopPlatform: typeof createDesktopPlatform;
  createAppServices(options: AppServicesOptions): Promise<AppServices>;
  createUpdater(options: { log: AppLog }): UpdaterPort;
  loadSerialportBinding(): Promise<string>;
  /** Smoke mode's line (default: stdout). */
  write?: (line: string) => void;
}

/** What a started shell exposes (for tests): settles once started, failed, or handed over to the first instance. */
export interface DesktopApp {
  started: Promise<void>;
  window(): BrowserWindow | null;
  services(): AppServices | null;
  updates(): UpdateController | null;
}

/** Starts the desktop app (see the diagram above). Call once, when the main module is evaluated. */
export function startDesktopApp(deps: DesktopAppDeps): DesktopApp {
  const { electron, env } = deps;
  const { app, dialog } = electron;
  const platform = deps.platform ?? process.platform;
  const isSmoke = isSmokeRun(deps.argv, env);
  const smokeFolder = isSmoke ? useSmokeFolder(app) : undefined;
  deps.startCrashDumps(electron.crashReporter, app);
  const log = deps.createLog({ isDevelopment: !app.isPackaged });
  const warn = (line: string) => log.warn(line);
  registerAppScheme(electron.protocol);
  const page = createRendererPage({ devServerUrl: app.isPackaged || isSmoke ? undefined : env.ELECTRON_RENDERER_URL });

  let window: BrowserWindow | null = null;
  let services: AppServices | null = null;
  let updates: UpdateController | null = null;
  let facts: DesktopBuildFacts | null = null;
  const getWindow = () => (window && !window.isDestroyed() ? window : null);
  const handle: DesktopApp = { started: Promise.resolve(), window: getWindow, services: () => services, updates: () => updates };

  if (!isSmoke && !app.requestSingleInstanceLock()) {
    log.info('[main] Lockbench is already open: its window comes to the front');
    app.quit();
    return handle;
  }
  app.enableSandbox();

  function openWindow(show: boolean): Promise<void> {
    const existing = getWindow();
    if (existing) return (bringToFront(existing), Promise.resolve());
    const main = createMainWindow({ BrowserWindow: electron.BrowserWindow, page, preloadPath: join(deps.mainDir, '..', 'preload', 'index.cjs'), isPackaged: app.isPackaged, show, log: warn });
    window = main.window;
    window.on('closed', () => (window = null));
    return main.loaded;
  }

  function applyMenu(): void {
    const updateDialogs = createElectronUpdateDialogs(dialog, getWindow);
    const canUpdate = updatePolicy({ isPackaged: app.isPackaged, isSmoke, isSigned: facts?.isSigned ?? false, platform });
    const actions = createMenuActions({
      dialog, getWindow, log, productName: app.getName(), facts: () => facts!,
      openPath: (path) => electron.shell.openPath(path),
      getServices: () => services,
      checkForUpdates: () => (updates ? updates.checkFromMenu() : updateDialogs.tellCheckResult({ kind: 'disabled', reason: canUpdate.ok ? 'Updates are starting.' : canUpdate.reason })),
      logFolder: isSmoke ? null : app.getPath('logs'),
    });
    const updateLabel = updates ? updateMenuLabel(updates.state()) : 'Check for Updates…';
    applyAppMenu(electron.Menu, { platform, isPackaged: app.isPackaged, productName: app.getName(), updateLabel, actions });
  }

  function startUpdates(work: AppServices['work']): UpdateController | null {
    if (!app.isPackaged || isSmoke) return null;
    const canUpdate = updatePolicy({ isPackaged: true, isSmoke, isSigned: facts?.isSigned ?? false, platform });
    const controller = createUpdateController({ updater: deps.createUpdater({ log }), work, dialogs: createElectronUpdateDialogs(dialog, getWindow), log, canUpdate });
    controller.onStateChange(() => applyMenu());
    return controller;
  }

  async function start(): Promise<{ services: AppServices; windowLoaded: Promise<void> }> {
    const secrets = isSmoke ? processMemoryVault() : createSafeStorageVault(electron.safeStorage, platform);
    const desktop = deps.createDesktopPlatform({
      dialog, shell: electron.shell, powerMonitor: electron.powerMonitor, secrets, log, getWindow,
      documentsDir: app.getPath('documents'), crashDumpsDir: app.getPath('crashDumps'),
    });
    hardenElectron(electron, { page, isPackaged: app.isPackaged, log: warn, openLink: (url) => desktop.openLink(url) });
    serveAppProtocol(electron.protocol, join(deps.mainDir, '..', 'renderer'));
    facts = await readBuildFacts(app.getAppPath(), app.getVersion());
    log.info(`[main] Lockbench ${facts.version} (${facts.isSigned ? 'signed' : 'unsigned'} build${facts.commit ? `, ${facts.commit.slice(0, 12)}` : ''}) starting on ${platform} ${process.arch}; data: ${app.getPath('userData')}`);
    const opened = await deps.createAppServices({ dataDir: app.getPath('userData'), host: 'electron', version: app.getVersion(), platform: desktop, build: facts });
    services = opened;
    opened.ready.catch((error: unknown) => log.error(`[main] services failed to get ready: ${describe(error)}`));
    registerIpcBridge({ ipcMain: electron.ipcMain, dispatch: createDispatcher(opened.handlers, warn, { checkValues: !app.isPackaged }), getWindow, page, log: warn });
    forwardEvents(opened.events, getWindow);
    updates = startUpdates(opened.work);
    applyMenu();
    const windowLoaded = openWindow(!isSmoke);
    const controller = updates;
    if (controller) void opened.ready.catch(() => undefined).then(() => controller.checkAtStart());
    return { services: opened, windowLoaded };
  }

  let closing: Promise<void> | null = null;
  /** Updates first (an idle app may install on this quit), then the services: the store is flushed, sticks released. */
  const shutDown = () =>
    (closing ??= (async () => {
      if (updates) {
        await updates.beforeQuit().catch((error: unknown) => log.error(`[main] update on quit failed: ${describe(error)}`));
        updates.dispose();
      }
      await services?.close().catch((error: unknown) => log.error(`[main] closing services failed: ${describe(error)}`));
    })());

  let quitState: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (quitState === 'closed' || (quitState === 'open' && !services)) return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    void shutDown().finally(() => {
      quitState = 'closed';
      app.quit();
    });
  });
  app.on('second-instance', () => void openWindow(true));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => void (services && openWindow(true)));

  const started = app.whenReady().then(start);
  if (isSmoke) {
    handle.started = runSmoke({
      mainLoadedMs: deps.mainLoadedMs, started, now: deps.now, loadSerialportBinding: deps.loadSerialportBinding,
      facts: { isPackaged: app.isPackaged, platform, arch: process.arch },
      write: deps.write ?? ((line) => void process.stdout.write(`${line}\n`)),
      close: shutDown,
      folder: smokeFolder,
      exit: (code) => app.exit(code),
    });
  } else {
    handle.started = started.then(
      () => undefined,
      (error: unknown) => {
        log.error(`[main] Lockbench could not start: ${describe(error)}`);
        // store.locked names the process holding the data folder; secrets.unavailable says what to do about the keychain.
        const title = isCodedError(error) && error.code === 'store.locked' ? 'Lockbench is already open' : 'Lockbench could not start';
        dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
        app.exit(1);
      },
    );
  }
  return handle;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
