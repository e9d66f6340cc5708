import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers';
import type { RendererPage } from './renderer-page';

/** The parts of Electron hardening touches (the stand-in's in tests). */
export interface HardeningTarget {
  app: Pick<App, 'on'>;
  session: { defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> } };
}

/** What hardening needs to know about this run. */
export interface HardeningOptions {
  page: RendererPage;
  /** Packaged: DevTools that open anyway (a shortcut, a debugger) are closed at once. */
  isPackaged: boolean;
  log: (line: string) => void;
  /** Where a link the page opens in a new window goes instead (the platform's openLink: https only, in the installer's browser). */
  openLink?: (url: string) => Promise<unknown>;
}

/**
 * Locks the Electron side down (https://www.electronjs.org/docs/latest/tutorial/security): the session grants no
 * permission and adds our CSP to every network response (the dev server; app:// responses carry it themselves, see
 * app-protocol.ts); every web contents may show only our page, opens no windows, attaches no webviews, and keeps no
 * DevTools when packaged; a link the page opens in a new window goes to `openLink`. Call once, before the first window.
 */
export function hardenElectron(electron: HardeningTarget, options: HardeningOptions): void {
  const ses = electron.session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  electron.app.on('web-contents-created', (_event, contents) => hardenContents(contents, options));
}

function hardenContents(contents: WebContents, options: HardeningOptions): void {
  const { page, log } = options;
  contents.setWindowOpenHandler(({ url }) => {
    if (!options.openLink) log('[main] refused to open a new window');
    // Never a window of ours: an https link goes to the installer's browser, anything else is refused there.
    else void options.openLink(url).catch(() => log('[main] refused to open a link that is not an https web page'));
    return { action: 'deny' };
  });
  const keepOnOurPage = (event: { preventDefault(): void }, url: string) => {
    if (!page.isOurPage(url)) {
      event.preventDefault();
      log('[main] refused to navigate away from Lockbench');
    }
  };
  contents.on('will-navigate', keepOnOurPage);
  contents.on('will-redirect', keepOnOurPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (options.isPackaged) {
    contents.on('devtools-opened', () => {
      log('[main] closed DevTools (not available in packaged builds)');
      contents.closeDevTools();
    });
  }
}
