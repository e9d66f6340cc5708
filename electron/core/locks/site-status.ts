import type { LockProtocol } from '../../../shared/domain/lock-address';
import type { SiteState } from '../../../shared/domain/site';

/** One connection's state within a site. */
export interface ConnectionStatus {
  protocol: LockProtocol;
  state: SiteState;
  message: string | null;
}

/**
 * A site's state from its connections' states: failed when one failed (its reason shown), connecting while one is
 * still opening, ready when every one is, else disconnected.
 */
export function siteStatusOf(connections: readonly ConnectionStatus[]): { state: SiteState; message: string | null } {
  const failed = connections.find((c) => c.state === 'failed');
  if (failed) return { state: 'failed', message: failed.message };
  if (connections.some((c) => c.state === 'connecting')) return { state: 'connecting', message: null };
  if (connections.length > 0 && connections.every((c) => c.state === 'ready')) return { state: 'ready', message: null };
  return { state: 'disconnected', message: null };
}
