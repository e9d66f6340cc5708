import type { LockAddress } from '../../../shared/domain/lock-address';
import type { Clock } from '../ports/clock';
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
  wake(siteId: string, lock: LockAddress): Promise<boolean>;
  close(): void;
}

/** Creates the revival loop over the lock manager. */
export function createLockRevival(deps: { locks: LockManager; clock: Clock; backoffMs?: (attempt: number) => number }): LockRevival {
  const backoff = deps.backoffMs ?? defaultRevivalBackoffMs;
  const timers = new Map<string, () => void>();
  const attempts = new Map<string, number>();
  const pings = new Map<string, Promise<boolean>>();
  const key = (siteId: string, lock: LockAddress) => `${siteId}\u0000${lock.protocol}\u0000${lock.address}`;
  let isClosed = false;

  const isAnswering = (siteId: string, lock: LockAddress) => deps.locks.profile(siteId, lock)?.isOnline !== false;

  function stop(k: string): void {
    timers.get(k)?.();
    timers.delete(k);
    attempts.delete(k);
  }

  function scheduleNext(siteId: string, lock: LockAddress): void {
    const k = key(siteId, lock);
    if (isClosed || timers.has(k) || !deps.locks.isLockReady(siteId, lock) || isAnswering(siteId, lock)) return;
    const attempt = attempts.get(k) ?? 0;
    const at = new Date(deps.clock.now().getTime() + backoff(attempt));
    timers.set(k, deps.clock.at(at, () => {
      timers.delete(k);
      attempts.set(k, attempt + 1);
      void wake(siteId, lock).then((answered) => (answered ? stop(k) : scheduleNext(siteId, lock)));
    }));
  }

  function wake(siteId: string, lock: LockAddress): Promise<boolean> {
    const k = key(siteId, lock);
    const running = pings.get(k);
    if (running) return running;
    const ping = (async () => {
      try {
        return await deps.locks.connection(siteId, lock.protocol).ping(lock.address);
      } catch {
        return false;
      }
    })().finally(() => pings.delete(k));
    pings.set(k, ping);
    return ping;
  }

  const off = deps.locks.onChange((change) => {
    if (change.kind === 'lock') {
      if (isAnswering(change.siteId, change.lock)) stop(key(change.siteId, change.lock));
      else scheduleNext(change.siteId, change.lock);
    }
    if (change.kind === 'site') {
      const connected = deps.locks.status(change.siteId).state !== 'disconnected' && deps.locks.status(change.siteId).state !== 'failed';
      for (const k of [...timers.keys()].filter((x) => x.startsWith(`${change.siteId}\u0000`))) if (!connected) stop(k);
      if (connected) for (const lock of deps.locks.lockAddresses(change.siteId)) scheduleNext(change.siteId, lock);
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
