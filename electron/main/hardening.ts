import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers';
import type { RendererPage } from './renderer-page';

/**
 * Locks the Electron side down (https://www.electronjs.org/docs/latest/tutorial/security): the session adds our CSP to
 * every response and grants no permission; every web contents may show only our page, opens no windows and attaches
 * no webviews. Call once, before the first window.
 */
export function hardenElectron(page: RendererPage, log: (line: string) => void): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, page, log));
}

function hardenContents(contents: WebContents, page: RendererPage, log: (line: string) => void): void {
  contents.setWindowOpenHandler(() => {
    log('[main] refused to open a new window');
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
}
