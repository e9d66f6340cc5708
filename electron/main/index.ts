/**
 * The Electron main process (built as out/main/index.js). Wiring only:
 *
 *   single-instance lock ─▶ harden session/contents ─▶ createAppServices(userData, safeStorage vault) ─▶ IPC bridge + event forwarding
 *                                                                                   ─▶ the window (our page only)
 *   quit ─▶ services.close() ─▶ exit
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { isCodedError } from '../../shared/result';
import type { AppServices } from '../core/app/app-services';
import { createAppServices } from '../core/app/create-app-services';
import { createDispatcher } from '../core/ipc/dispatcher';
import { hardenElectron } from './hardening';
import { forwardEvents, registerIpcBridge } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { createRendererPage } from './renderer-page';
import { createSafeStorageVault } from './safe-storage-vault';
import { createDialogSaveFile } from './save-file';

const here = dirname(fileURLToPath(import.meta.url));
// A closed pipe (the launcher went away) must not crash the app through an unhandled stream error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const log = (line: string) => process.stderr.write(`${line}\n`);
const page = createRendererPage({
  indexFileUrl: pathToFileURL(join(here, '..', 'renderer', 'index.html')).href,
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  isCaseInsensitive: process.platform === 'win32',
});

let window: BrowserWindow | null = null;
let services: AppServices | null = null;

function showWindow(): void {
  if (window && !window.isDestroyed()) {
    if (window.isMinimized()) window.restore();
    window.focus();
    return;
  }
  window = createMainWindow(page, join(here, '..', 'preload', 'index.cjs'));
  window.on('closed', () => (window = null));
}

async function start(): Promise<void> {
  hardenElectron(page, log);
  const secrets = createSafeStorageVault(safeStorage, process.platform);
  const saveFile = createDialogSaveFile(dialog, () => window, app.getPath('documents'));
  services = await createAppServices({ dataDir: app.getPath('userData'), host: 'electron', version: app.getVersion(), secrets, saveFile });
  services.ready.catch((error: unknown) => log(`[main] services failed to get ready: ${describe(error)}`));
  registerIpcBridge({ dispatch: createDispatcher(services.handlers, log, { checkValues: !app.isPackaged }), getWindow: () => window, page, log });
  forwardEvents(services.events, () => window);
  showWindow();
}

/** Closes the services exactly once before the app exits, so the store is flushed and sticks are released. */
function closeServicesOnQuit(): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed' || (state === 'open' && !services)) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    services!
      .close()
      .catch((error: unknown) => log(`[main] closing services failed: ${describe(error)}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => showWindow());
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (services) showWindow();
  });
  closeServicesOnQuit();
  app.whenReady().then(start).catch((error: unknown) => {
    log(`[main] Lockbench could not start: ${describe(error)}`);
    // store.locked names the process holding the data folder; secrets.unavailable says what to do about the keychain.
    const title = isCodedError(error) && error.code === 'store.locked' ? 'Lockbench is already open' : 'Lockbench could not start';
    dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
