import type { AccessCode } from '../../../shared/domain/access-code';
import { applyTransition, mayBeOnLock } from '../records/code-records';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from './operation-queue';
import { newOperation } from './operation-records';
import { transitionDue, type Transition } from './time-transitions';

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
 *
 *   scheduled by the lock:      preloaded (`unset`) ──starts_at──▶ `set` (the lock's own schedule switches it on)
 *   scheduled by Lockbench:     `unset` ──starts_at──▶ `setting` (its Set is due now) ──▶ `set` once the lock confirms
 *   any code on the lock ──ends_at──▶ `removing` + a remove_code operation (cleared at the lock's next chance); a
 *   Lockbench-scheduled PIN past its end carries `delay_in_removing_from_device` until the lock confirms it is gone;
 *   a code that never reached the lock is simply withdrawn.
 *
 * Only codes of sites whose store is open are watched; opening a site catches up on everything overdue.
 */
export interface TimeKeeper {
  watchSite(siteId: string): Promise<void>;
  /** Resolves when no transition is being applied (tests and shutdown). */
  idle(): Promise<void>;
  close(): void;
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
    const isDue = (data: Readonly<SiteCodesData>) => data.accessCodes.some((c) => transitionDue(c, data.operations, now) !== null);
    // Most ticks (a new code, a site coming up) have nothing due: no durable write for those.
    if (!isDue(doc.read())) return schedule(siteId, doc.read());
    const { changed, fresh } = await doc.update((data) => {
      const touched: AccessCode[] = [];
      const newOps: string[] = [];
      for (const code of data.accessCodes) {
        const due = transitionDue(code, data.operations, now);
        if (due === null) continue;
        touched.push(structuredClone(apply(data, code, due, now, newOps)));
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

  /** Applies one due transition in place (inside the store update); returns the code. */
  function apply(data: SiteCodesData, code: AccessCode, due: Transition, now: Date, newOps: string[]): AccessCode {
    const add = (kind: 'set_code' | 'remove_code', reason: 'window_start' | 'window_end') => {
      const op = newOperation({ id: deps.newId(), code, kind, reason, notBefore: null, at: now });
      data.operations.push(op);
      newOps.push(op.operation_id);
    };
    switch (due) {
      case 'adopt_lockbench':
        // Stored before Lockbench switched codes itself: no door is linked to the cloud, so nobody else would.
        code.scheduled_by = 'lockbench';
        return code;
      case 'start_native':
        return applyTransition(code, { status: 'set', event: 'access_code.set_on_device' }, now);
      case 'start_lockbench':
        if (!data.operations.some((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code' && o.state === 'waiting')) add('set_code', 'window_start');
        return applyTransition(code, { status: 'setting' }, now);
      case 'end': {
        const onLock = mayBeOnLock(code, data.operations, deps.queue.isRunning);
        for (const op of data.operations) {
          if (op.access_code_id === code.access_code_id && op.kind === 'set_code' && (op.state === 'waiting' || op.state === 'failed')) op.state = 'cancelled';
        }
        if (!onLock) return applyTransition(code, { status: 'unset', isRemoved: true, event: 'access_code.deleted', clearIssues: true }, now);
        add('remove_code', 'window_end');
        if (code.scheduled_by !== 'lockbench') return applyTransition(code, { status: 'removing', clearIssues: true }, now);
        const message = 'Its end has passed and the PIN may still work on the lock: Lockbench removes it as soon as it reaches the lock.';
        return applyTransition(code, { status: 'removing', clearIssues: true, warning: { code: 'delay_in_removing_from_device', message } }, now);
      }
    }
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
