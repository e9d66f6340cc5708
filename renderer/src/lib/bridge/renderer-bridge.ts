import type { LockbenchBridge } from '../../../../shared/bridge';

/** Whether the renderer can reach the main process right now. */
export type LinkState = 'connecting' | 'up' | 'down';

/**
 * The bridge as the renderer's state classes see it: the contract's LockbenchBridge plus the state of the link, so
 * the screen can say "reconnecting" and reload what it may have missed. Electron's link is always up.
 */
export interface RendererBridge extends LockbenchBridge {
  readonly linkState: LinkState;
  /** Calls `listener` on every change of the link state; returns the unsubscribe function. */
  onLinkChange(listener: (state: LinkState) => void): () => void;
}
