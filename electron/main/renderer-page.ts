/**
 * Which page is "ours" in the Electron window, and which IPC senders may be trusted. Pure (no 'electron' import) so
 * it is tested under Node; electron/main feeds it facts read from Electron's objects.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** Where the renderer comes from: the built renderer on app://lockbench, or the electron-vite dev server while developing. */
export interface RendererPage {
  /** What the window loads. */
  url: string;
  /** True for our page (any hash or query), false for anything else: other paths, hosts and schemes, file:, data:, about:. */
  isOurPage(url: string): boolean;
}

/** Options for createRendererPage. */
export interface RendererPageOptions {
  /** ELECTRON_RENDERER_URL in development (never passed when packaged); ignored unless it is http on localhost/127.0.0.1. */
  devServerUrl?: string | undefined;
}

/** The built renderer's page, served by app-protocol.ts. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const LOCAL_DEV_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Creates the page policy. The built page is `app://lockbench/index.html` (also accepted as `app://lockbench/`, which
 * serves the same file). A dev server URL that is not local http is ignored (no remote content, ever).
 */
export function createRendererPage(options: RendererPageOptions = {}): RendererPage {
  const dev = parse(options.devServerUrl);
  if (dev && dev.protocol === 'http:' && LOCAL_DEV_HOSTS.has(dev.hostname)) {
    return { url: dev.href, isOurPage: (url) => parse(url)?.origin === dev.origin };
  }
  return {
    url: APP_PAGE_URL,
    isOurPage(url) {
      const candidate = parse(url);
      if (!candidate || candidate.protocol !== `${APP_SCHEME}:` || candidate.hostname.toLowerCase() !== APP_HOST) return false;
      if (candidate.port || candidate.username || candidate.password) return false;
      return candidate.pathname === '/index.html' || candidate.pathname === '/';
    },
  };
}

/** What main knows about the sender of an IPC message. */
export interface SenderFacts {
  /** webContents id of the sender. */
  webContentsId: number;
  /** The sending frame, or null when it navigated away or was destroyed meanwhile. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/**
 * True when a message comes from the main frame of our window showing our page. Anything else (an iframe, another
 * window, a page navigated elsewhere, a destroyed frame) is refused with ipc.forbidden.
 */
export function isTrustedSender(sender: SenderFacts, windowWebContentsId: number | null, page: RendererPage): boolean {
  if (windowWebContentsId === null || sender.webContentsId !== windowWebContentsId) return false;
  if (!sender.frame || !sender.frame.isMainFrame) return false;
  return page.isOurPage(sender.frame.url);
}

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
