import { BrowserWindow } from 'electron';
import type { RendererPage } from './renderer-page';

/** Printed to stdout once the window is shown; scripts/start.mjs waits for it to know Electron really started. */
export const WINDOW_SHOWN_LINE = 'Lockbench window is open';

/** Creates the one Lockbench window: sandboxed, isolated, no Node, showing only our page. */
export function createMainWindow(page: RendererPage, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Lockbench',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
    process.stdout.write(`${WINDOW_SHOWN_LINE}\n`);
  });
  void window.loadURL(page.url);
  return window;
}
