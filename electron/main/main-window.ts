import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { RendererPage } from './renderer-page';

/** Printed to stdout once the window is shown; scripts/start.mjs waits for it to know Electron really started. */
export const WINDOW_SHOWN_LINE = 'Lockbench window is open';

/** What createMainWindow needs: Electron's BrowserWindow class (the stand-in's in tests) and how this run looks. */
export interface MainWindowOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  page: RendererPage;
  preloadPath: string;
  /** Packaged builds have no DevTools at all (webPreferences.devTools off; hardening.ts closes any that open). */
  isPackaged: boolean;
  /** Show the window once it is ready (default); smoke mode keeps it hidden for the whole run. */
  show?: boolean;
  log: (line: string) => void;
}

/** The window and its first load: `loaded` settles when the page finished loading (rejects when it failed). */
export interface MainWindow {
  window: BrowserWindow;
  loaded: Promise<void>;
}

/** Creates the one Lockbench window: sandboxed, isolated, no Node, showing only our page. */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const window = new options.BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Lockbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  });
  if (options.show !== false) {
    window.once('ready-to-show', () => {
      window.show();
      process.stdout.write(`${WINDOW_SHOWN_LINE}\n`);
    });
  }
  const loaded = window.loadURL(options.page.url);
  loaded.catch((error: unknown) => options.log(`[main] the window could not load ${options.page.url}: ${error instanceof Error ? error.message : String(error)}`));
  return { window, loaded };
}

/** Brings an existing window to the front: restored if minimized, shown if hidden, focused. */
export function bringToFront(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
