import type { RawBridge } from '../../../../shared/bridge';
import { readAccessToken } from './access-token';
import { createElectronBridge } from './electron-bridge';
import type { RendererBridge } from './renderer-bridge';
import { createWebSocketBridge } from './websocket-bridge';

/**
 * Picks the transport once, at start: Electron's preload bridge when `window.lockbench` exists, else the browser
 * host's WebSocket. Nothing else in the renderer knows which. Returns null in a browser without an access token
 * (the page was not opened from the address `npm start` printed).
 */
export function createBridge(): RendererBridge | null {
  const raw = (window as unknown as { lockbench?: RawBridge }).lockbench;
  if (raw) return createElectronBridge(raw);
  const token = readAccessToken({ location: window.location, storage: tabStorage(), history: window.history });
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWebSocketBridge({ url: `${scheme}://${location.host}/ipc`, token });
}

/** This tab's sessionStorage, or a no-op stand-in where the browser refuses storage (the token then lasts one load). */
function tabStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    return window.sessionStorage;
  } catch {
    return { getItem: () => null, setItem: () => {} };
  }
}
