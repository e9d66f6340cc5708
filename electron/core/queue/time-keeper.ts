import type { AccessCode } from '../../../shared/domain/access-code';
import { applyTransition } from '../codes/code-records';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { Clock } from './clock';
import type { OperationQueue } from './operation-queue';
import { newOperation } from './operation-records';

/** What the time keeper needs. */
export interface TimeKeeperDeps {
  store: ShardedStore;
  queue: OperationQueue;
  clock: Clock;
  newId: () => string;
  onCodeChanged: (code: AccessCode) => void;
  onQueueChanged: (siteId: string) => void;
}

/**
 * Moves time-bound codes along their Seam lifecycle as time passes, per site:
 *   preloaded (`unset`, access_code.scheduled_on_device) ──starts_at──▶ `set` (the lock enforces the window itself)
 *   any active code ──ends_at──▶ `removing` + a remove_code operation (cleared at the lock's next chance);
 *                               one that never reached the lock is simply removed from the list.
 * Only codes of sites whose store is open are watched; opening a site catches up on everything overdue.
 */
export interface TimeKeeper {
  watchSite(siteId: string): Promise<void>;
  /** Resolves when no transition is being applied (tests and shutdown). */
  idle(): Promise<void>;
  close(): void;
}

const isOnLockOrMayBe = (code: AccessCode, data: SiteCodesData) =>
  code.events.some((e) => e.event_type === 'access_code.scheduled_on_device' || e.event_type === 'access_code.set_on_device') ||
  data.operations.some((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code' && (o.attempts > 0 || o.is_ambiguous));

/** Which transition a code is due for at `now`: its end (clear it), its start (a preloaded code becomes `set`), or none. */
function transitionDue(code: AccessCode, now: Date): 'end' | 'start' | null {
  if (code.type !== 'time_bound' || code.is_removed || !code.starts_at || !code.ends_at) return null;
  if (new Date(code.ends_at) <= now) return code.status === 'removing' ? null : 'end';
  const wasScheduled = code.events.some((e) => e.event_type === 'access_code.scheduled_on_device');
  return new Date(code.starts_at) <= now && code.status === 'unset' && wasScheduled && code.scheduled_by === 'lock' ? 'start' : null;
}

/** Creates the time keeper. */
export function createTimeKeeper(deps: TimeKeeperDeps): TimeKeeper {
  const timers = new Map<string, () => void>();
  const inFlight = new Set<Promise<void>>();
  let isClosed = false;

  const track = (work: Promise<void>): Promise<void> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  async function tick(siteId: string): Promise<void> {
    if (isClosed) return;
    const doc = await deps.store.codes(siteId);
    const now = deps.clock.now();
    // Most ticks (a new code, a site coming up) have nothing due: no durable write for those.
    if (!doc.read().accessCodes.some((c) => transitionDue(c, now))) return schedule(siteId, doc.read());
    const { changed, fresh } = await doc.update((data) => {
      const touched: AccessCode[] = [];
      const newOps: string[] = [];
      for (const code of data.accessCodes) {
        const due = transitionDue(code, now);
        if (due === 'end') {
          for (const op of data.operations) {
            if (op.access_code_id === code.access_code_id && op.state === 'waiting' && op.kind === 'set_code') op.state = 'cancelled';
          }
          if (code.scheduled_by === 'lock' && isOnLockOrMayBe(code, data)) {
            const op = newOperation({ id: deps.newId(), code, kind: 'remove_code', reason: 'window_end', notBefore: null, at: now });
            data.operations.push(op);
            newOps.push(op.operation_id);
            touched.push(structuredClone(applyTransition(code, { status: 'removing' }, now)));
          } else {
            touched.push(structuredClone(applyTransition(code, { status: 'unset', isRemoved: true, event: 'access_code.deleted' }, now)));
          }
        } else if (due === 'start') {
          touched.push(structuredClone(applyTransition(code, { status: 'set', event: 'access_code.set_on_device' }, now)));
        }
      }
      return { changed: touched, fresh: newOps };
    });
    fresh.forEach((id) => deps.queue.markFresh(id));
    changed.forEach((c) => deps.onCodeChanged(c));
    if (changed.length > 0) {
      deps.onQueueChanged(siteId);
      deps.queue.kickSite(siteId);
    }
    schedule(siteId, doc.read());
  }

  function schedule(siteId: string, data: Readonly<SiteCodesData>): void {
    timers.get(siteId)?.();
    const now = deps.clock.now().getTime();
    const upcoming = data.accessCodes
      .filter((c) => c.type === 'time_bound' && !c.is_removed && c.status !== 'removing')
      .flatMap((c) => [c.starts_at, c.ends_at])
      .map((t) => (t ? new Date(t).getTime() : NaN))
      .filter((t) => t > now)
      .sort((a, b) => a - b)[0];
    if (upcoming === undefined) return;
    timers.set(siteId, deps.clock.at(new Date(upcoming), () => void track(tick(siteId)).catch(() => {})));
  }

  return {
    watchSite: (siteId) => track(tick(siteId)),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      isClosed = true;
      timers.forEach((cancel) => cancel());
      timers.clear();
    },
  };
}
