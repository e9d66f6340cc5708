import type { SyncStatus } from '../../../shared/domain/cloud';
import type { AppError } from '../../../shared/result';
import { isCodedError } from '../../../shared/result';
import type { Clock } from '../ports/clock';
import type { ShardedStore } from '../store/store-v2';
import type { CloudAccounts } from './cloud-account';
import { runSync } from './sync-run';

/** What the engine needs; tests shorten the waits. */
export interface SyncEngineDeps {
  store: ShardedStore;
  accounts: CloudAccounts;
  clock: Clock;
  random: () => number;
  newId: () => string;
  isRunning(operationId: string): boolean;
  onRemovals(doorIds: string[], operationIds: string[]): void;
  /** Between background syncs while all is well (default 60 s). */
  intervalMs?: number;
  /** After a local change, how soon to sync (default 2 s: changes made together go together). */
  debounceMs?: number;
  /** Requests in flight at once (default 8). */
  inFlight?: number;
}

/** Background sync with the cloud, its indicator, and "sync now". */
export interface SyncEngine {
  status(): Promise<SyncStatus>;
  /** Runs a sync now (after the one running, if any) and resolves with the status after it. */
  syncNow(): Promise<SyncStatus>;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Starts the background loop (a first sync soon). */
  start(): void;
  close(): Promise<void>;
}

/** Waits after the cloud could not be reached: about 5 s, 15 s, 30 s, then every minute (each ±25 %: jitter). */
const OFFLINE_BACKOFF_MS = [5_000, 15_000, 30_000, 60_000];

/**
 * Creates the engine. It reads committed local changes from the store (site commits that touched the outbox) and
 * syncs soon after them; otherwise on an interval, and sooner when an entry's backoff ends. The cloud out of reach
 * is "offline": nothing is lost, the next try comes on a backoff. Only one sync runs at a time.
 *
 *   store commit (outbox changed) ─▶ debounce ─┐
 *   interval / backoff timer ──────────────────┼─▶ runSync (push ─▶ pull) ─▶ status ─▶ listeners (sync.changed)
 *   sync.now ──────────────────────────────────┘
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { store, clock } = deps;
  const intervalMs = deps.intervalMs ?? 60_000;
  const listeners = new Set<(status: SyncStatus) => void>();
  let running: Promise<void> | null = null;
  let again = false;
  let progress: SyncStatus['progress'] = null;
  let lastError: AppError | null = null;
  let offlineStreak = 0;
  let nextAt: Date | null = null;
  let cancelTimer: (() => void) | null = null;
  let isClosed = false;
  let isStarted = false;
  let isForced = false;

  async function status(): Promise<SyncStatus> {
    const index = store.index.read();
    let pending = 0;
    let conflicts = 0;
    for (const site of index.sites) {
      const data = (await store.codes(site.id)).read();
      pending += data.outbox.filter((e) => e.state === 'pending' || e.state === 'failed').length;
      conflicts += data.accessCodes.filter((c) => c.cloud?.conflict).length;
    }
    const account = index.cloud.account;
    const state: SyncStatus['state'] = !account ? 'no_account' : running ? 'syncing' : lastError?.code === 'sync.offline' ? 'offline' : lastError ? 'error' : 'idle';
    return { account, state, progress: running ? progress : null, pending, conflicts, lastSuccessAt: index.cloud.lastSuccessAt, lastError, nextAt: nextAt?.toISOString() ?? null };
  }

  function tell(): void {
    if (listeners.size === 0) return;
    void status().then((s) => listeners.forEach((l) => l(s))).catch(() => {});
  }

  function schedule(at: Date): void {
    if (isClosed || !isStarted) return;
    if (nextAt && nextAt <= at && cancelTimer) return;
    cancelTimer?.();
    nextAt = at;
    cancelTimer = clock.at(at, () => {
      cancelTimer = null;
      nextAt = null;
      void run();
    });
  }

  async function earliestBackoff(): Promise<Date | null> {
    let earliest: number | null = null;
    for (const site of store.index.read().sites) {
      for (const e of (await store.codes(site.id)).read().outbox) {
        if (e.state !== 'pending' || !e.not_before) continue;
        const at = Date.parse(e.not_before);
        earliest = earliest === null ? at : Math.min(earliest, at);
      }
    }
    return earliest === null ? null : new Date(earliest);
  }

  async function once(): Promise<void> {
    const gateway = await deps.accounts.gateway().catch((e: unknown) => {
      lastError = isCodedError(e) ? { code: e.code, message: e.message } : { code: 'sync.failed', message: String(e) };
      return null;
    });
    if (!gateway) return;
    progress = { done: 0, total: 1, message: 'Starting' };
    tell();
    const force = isForced;
    isForced = false;
    lastError = await runSync({
      store, gateway, force, now: () => clock.now(), random: deps.random, newId: deps.newId, inFlight: deps.inFlight ?? 8,
      isRunning: deps.isRunning, onRemovals: deps.onRemovals,
      progress: (done, total, message) => {
        progress = { done, total, message };
        if (done === total || done % 25 === 0) tell();
      },
    });
    offlineStreak = lastError?.code === 'sync.offline' ? offlineStreak + 1 : 0;
  }

  async function run(): Promise<void> {
    if (isClosed) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once().catch((e: unknown) => {
          lastError = { code: 'sync.failed', message: e instanceof Error ? e.message : String(e) };
        });
      } while (again && !isClosed);
    })();
    try {
      await running;
    } finally {
      running = null;
      progress = null;
      await planNext();
      tell();
    }
  }

  async function planNext(): Promise<void> {
    if (isClosed || !store.index.read().cloud.account) return;
    const now = clock.now().getTime();
    if (lastError?.code === 'sync.offline') {
      const wait = OFFLINE_BACKOFF_MS[Math.min(offlineStreak, OFFLINE_BACKOFF_MS.length) - 1]! * (0.75 + deps.random() * 0.5);
      return schedule(new Date(now + wait));
    }
    const backoff = await earliestBackoff().catch(() => null);
    const interval = now + intervalMs;
    schedule(new Date(backoff ? Math.max(now + 1_000, Math.min(backoff.getTime(), interval)) : interval));
  }

  const unsubscribe = store.onSiteCommit((commit) => {
    if (!commit.outboxChanged && !commit.codes.some((c) => c.after?.cloud || c.before?.cloud)) return;
    tell();
    if (commit.outboxChanged && lastError?.code !== 'sync.offline' && store.index.read().cloud.account) schedule(new Date(clock.now().getTime() + (deps.debounceMs ?? 2_000)));
  });

  return {
    status,
    async syncNow() {
      offlineStreak = 0;
      isForced = true;
      await run();
      return status();
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      isStarted = true;
      schedule(new Date(clock.now().getTime() + 1_000));
    },
    async close() {
      isClosed = true;
      unsubscribe();
      cancelTimer?.();
      await running?.catch(() => {});
    },
  };
}
