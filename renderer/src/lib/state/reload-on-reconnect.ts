import type { RendererBridge } from '../bridge/renderer-bridge';

/**
 * Calls `load` each time the link to main comes back after it was down (a restarted host, a reloaded window):
 * pushes sent while it was down are lost, so what a view shows is read again. Returns the unsubscribe function.
 */
export function reloadOnReconnect(bridge: RendererBridge, load: () => Promise<void>): () => void {
  let link = bridge.linkState;
  return bridge.onLinkChange((state) => {
    if (state === 'up' && link === 'down') void load();
    link = state;
  });
}
