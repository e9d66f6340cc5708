import type { Clock } from '../queue/clock';
import type { LockManager } from './lock-manager';

/** Waits between pings of a lock that is not answering: 5 s, 15 s, 30 s, 1 min, 2 min, then every 5 min. */
export const defaultRevivalBackoffMs = (attempt: number): number => [5_000, 15_000, 30_000, 60_000, 120_000][attempt] ?? 300_000;

/**
 * Brings locks that stopped answering back by themselves. zwave-js marks a lock "dead" after commands go unanswered
 * and then never tries it again on its own, so without this a lock stays "not answering" until the app restarts.
 *
 *   lock stops answering ─▶ ping after 5 s, 15 s, 30 s, … (one NOP frame, no user data) ─▶ answers ─▶ zwave-js marks
 *   it alive ─▶ the lock manager reports it online ─▶ its queue resumes (wired by the app)
 *   any action that needs the lock (check, retry, a code to send) ─▶ wake(): ping at once
 */
export interface LockRevival {
  /** Pings the lock now (joining a ping already on its way); true when it answered. */
  wake(siteId: string, nodeId: number): Promise<boolean>;
  close(): void;
}

/** Creates the revival loop over the lock manager. */
export function createLockRevival(deps: { locks: LockManager; clock: Clock; backoffMs?: (attempt: number) => number }): LockRevival {
  const backoff = deps.backoffMs ?? defaultRevivalBackoffMs;
  const timers = new Map<string, () => void>();
  const attempts = new Map<string, number>();
  const pings = new Map<string, Promise<boolean>>();
  const key = (siteId: string, nodeId: number) => `${siteId}\u0000${nodeId}`;
  let isClosed = false;

  const isAnswering = (siteId: string, nodeId: number) => deps.locks.profile(siteId, nodeId)?.isOnline !== false;

  function stop(k: string): void {
    timers.get(k)?.();
    timers.delete(k);
    attempts.delete(k);
  }

  function scheduleNext(siteId: string, nodeId: number): void {
    const k = key(siteId, nodeId);
    if (isClosed || timers.has(k) || !deps.locks.isLockReady(siteId, nodeId) || isAnswering(siteId, nodeId)) return;
    const attempt = attempts.get(k) ?? 0;
    const at = new Date(deps.clock.now().getTime() + backoff(attempt));
    timers.set(k, deps.clock.at(at, () => {
      timers.delete(k);
      attempts.set(k, attempt + 1);
      void wake(siteId, nodeId).then((answered) => (answered ? stop(k) : scheduleNext(siteId, nodeId)));
    }));
  }

  function wake(siteId: string, nodeId: number): Promise<boolean> {
    const k = key(siteId, nodeId);
    const running = pings.get(k);
    if (running) return running;
    const ping = (async () => {
      try {
        return await deps.locks.network(siteId).ping(nodeId);
      } catch {
        return false;
      }
    })().finally(() => pings.delete(k));
    pings.set(k, ping);
    return ping;
  }

  const off = deps.locks.onChange((change) => {
    if (change.kind === 'lock') {
      if (isAnswering(change.siteId, change.nodeId)) stop(key(change.siteId, change.nodeId));
      else scheduleNext(change.siteId, change.nodeId);
    }
    if (change.kind === 'site') {
      const connected = deps.locks.status(change.siteId).state !== 'disconnected' && deps.locks.status(change.siteId).state !== 'failed';
      for (const k of [...timers.keys()].filter((x) => x.startsWith(`${change.siteId}\u0000`))) if (!connected) stop(k);
      if (connected) for (const nodeId of deps.locks.lockNodeIds(change.siteId)) scheduleNext(change.siteId, nodeId);
    }
  });

  return {
    wake,
    close() {
      isClosed = true;
      off();
      for (const k of [...timers.keys()]) stop(k);
    },
  };
}
