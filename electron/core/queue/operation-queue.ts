import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { LockManager } from '../locks/lock-manager';
import type { ShardedStore } from '../store/store-v2';
import type { Clock } from './clock';
import { attemptClear, attemptSet, type AttemptOutcome } from './lock-attempts';
import { applyOutcome, type RetryRules } from './operation-records';
import { attemptScheduledSet } from './schedule-attempt';
import { setBatchWithChecksum } from './checksum-batch';

/** What the queue needs. */
export interface QueueDeps {
  store: ShardedStore;
  locks: LockManager;
  clock: Clock;
  rules: RetryRules;
  onCodeChanged: (code: AccessCode) => void;
  /** Something in the site's queue changed (state, running, waiting): the UI refreshes its queue panel. */
  onQueueChanged: (siteId: string) => void;
}

/**
 * Applies queued operations to locks, one door at a time, in the order they were acknowledged.
 *
 *   kick(door) ─▶ next due waiting op ─▶ site connected? ─no─▶ wait (kicked again on reconnect)
 *                      │ yes
 *                      ▼
 *        read first if it may already be there ─▶ Set/Clear ─▶ read back ─▶ one durable update (op + code)
 *                      └─ not due yet ─▶ timer at its not_before
 *
 * Operations loaded from disk (written before a crash or restart) are treated as ambiguous: the slot is read
 * before anything is sent, so nothing is ever duplicated.
 */
export interface OperationQueue {
  /** Note an operation created in this process, now on disk (not ambiguous unless an attempt makes it so). */
  markFresh(operationId: string): void;
  /**
   * True for an operation created in this process that has not been attempted yet. An operation loaded from disk is
   * never fresh: a crash may have come after its Set reached the lock (attempts are not saved mid-radio).
   */
  isFresh(operationId: string): boolean;
  kickDoor(doorId: string): void;
  kickSite(siteId: string): void;
  /** Ids of operations on the radio right now. */
  isRunning(operationId: string): boolean;
  /** Resolves when no door is being worked on (tests and shutdown). */
  idle(): Promise<void>;
  close(): void;
}

/** Creates the operation queue. */
export function createOperationQueue(deps: QueueDeps): OperationQueue {
  const { store, locks, clock } = deps;
  const fresh = new Set<string>();
  /** Per site, the operations that were on disk when the queue first looked: durable by definition. */
  const loaded = new Map<string, Set<string>>();
  const attempted = new Set<string>();
  const running = new Set<string>();
  const busy = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const wakeups = new Map<string, { at: number; cancel: () => void }>();
  let isClosed = false;

  const doorOf = (doorId: string): Door | undefined => store.index.read().doors.find((d) => d.id === doorId);

  function wakeAt(doorId: string, at: Date): void {
    const current = wakeups.get(doorId);
    if (current && current.at <= at.getTime()) return;
    current?.cancel();
    const cancel = clock.at(at, () => {
      wakeups.delete(doorId);
      kickDoor(doorId);
    });
    wakeups.set(doorId, { at: at.getTime(), cancel });
  }

  async function runOne(door: Door, op: Operation, code: AccessCode): Promise<AttemptOutcome> {
    const network = locks.network(door.siteId);
    if (code.slot === null) return { kind: 'permanent', error: 'failed_to_set_on_device', message: 'The code has no slot.' };
    if (op.kind === 'remove_code') {
      const cleared = await attemptClear(network, door.nodeId, code.slot, code.code);
      if (cleared.kind !== 'confirmed' || code.scheduled_by !== 'lock') return cleared;
      // The user's schedule must go too, or the next code in this slot would inherit the old window.
      try {
        await network.clearSchedules(door.nodeId, code.slot);
        return cleared;
      } catch {
        return { kind: 'transient', message: "the code is gone but the slot's schedule is not cleared yet", mayHaveReached: false };
      }
    }
    const readFirst = op.is_ambiguous || !fresh.has(op.operation_id);
    if (code.type === 'time_bound' && code.scheduled_by === 'lock') {
      const zone = store.index.read().sites.find((s) => s.id === door.siteId)?.timeZone ?? 'UTC';
      const offset = locks.profile(door.siteId, door.nodeId)?.clockOffsetMinutes ?? null;
      return attemptScheduledSet(network, door.nodeId, { ...code, slot: code.slot }, zone, offset, readFirst);
    }
    return attemptSet(network, door.nodeId, code.slot, code.code, readFirst);
  }

  async function drain(doorId: string): Promise<void> {
    for (;;) {
      const door = doorOf(doorId);
      if (!door || isClosed) return;
      const doc = await store.codes(door.siteId);
      const now = clock.now();
      // Per code only its oldest waiting operation may run: a removal never overtakes the set it undoes.
      const heads = new Map<string, Operation>();
      if (!loaded.has(door.siteId)) loaded.set(door.siteId, new Set(doc.read().operations.map((o) => o.operation_id)));
      const onDisk = loaded.get(door.siteId)!;
      for (const o of doc.read().operations) {
        // An operation still being written (in memory, not yet acknowledged) never goes on air: if the app died now,
        // the lock would hold a code nobody was told about.
        if (!fresh.has(o.operation_id) && !onDisk.has(o.operation_id)) continue;
        if (o.door_id === doorId && o.state === 'waiting' && !heads.has(o.access_code_id)) heads.set(o.access_code_id, o);
      }
      const waiting = [...heads.values()];
      const due = waiting.find((o) => o.not_before === null || new Date(o.not_before) <= now);
      if (!due) {
        const next = waiting.map((o) => new Date(o.not_before!)).sort((a, b) => a.getTime() - b.getTime())[0];
        if (next) wakeAt(doorId, next);
        return;
      }
      if (locks.status(door.siteId).state !== 'ready') return;
      const data = doc.read();
      const codeOf = (o: Operation) => data.accessCodes.find((c) => c.access_code_id === o.access_code_id);
      const orphan = waiting.find((o) => !codeOf(o));
      if (orphan) {
        await doc.update((d) => void (d.operations.find((o) => o.operation_id === orphan.operation_id)!.state = 'cancelled'));
        continue;
      }
      const batch = checksumBatch(door, waiting.filter((o) => o.not_before === null || new Date(o.not_before) <= now), codeOf);
      const work = batch.length >= 2 ? batch : [due];
      work.forEach((o) => {
        running.add(o.operation_id);
        attempted.add(o.operation_id);
      });
      deps.onQueueChanged(door.siteId);
      const outcomes = await runWork(door, work, codeOf);
      work.forEach((o) => running.delete(o.operation_id));
      const changed = await doc.update((d) => {
        const touched: AccessCode[] = [];
        for (const [operationId, outcome] of outcomes) {
          const o = d.operations.find((x) => x.operation_id === operationId);
          const c = o && d.accessCodes.find((x) => x.access_code_id === o.access_code_id);
          if (!o || !c || o.state !== 'waiting') continue;
          applyOutcome(o, c, outcome, clock.now(), deps.rules);
          touched.push(structuredClone(c));
        }
        return touched;
      });
      changed.forEach((c) => deps.onCodeChanged(c));
      deps.onQueueChanged(door.siteId);
    }
  }

  /** Fresh ongoing sets that can be proven together by one checksum read (User Code CC v2), at most 30. */
  function checksumBatch(door: Door, due: Operation[], codeOf: (o: Operation) => AccessCode | undefined): Operation[] {
    if (!locks.profile(door.siteId, door.nodeId)?.supportsChecksum) return [];
    return due
      .filter((o) => o.kind === 'set_code' && !o.is_ambiguous && fresh.has(o.operation_id) && codeOf(o)?.type === 'ongoing' && codeOf(o)?.slot !== null)
      .slice(0, 30);
  }

  async function runWork(door: Door, work: Operation[], codeOf: (o: Operation) => AccessCode | undefined): Promise<Map<string, AttemptOutcome>> {
    const failed = (e: unknown): AttemptOutcome => ({ kind: 'transient', message: String(e), mayHaveReached: true });
    const outcomes = new Map<string, AttemptOutcome>();
    if (work.length >= 2) {
      const items = work.map((o) => ({ slot: codeOf(o)!.slot!, pin: codeOf(o)!.code }));
      const confirmed = (await store.codes(door.siteId)).read().accessCodes
        .filter((c) => c.door_id === door.id && !c.is_removed && c.slot !== null && c.events.some((e) => e.event_type === 'access_code.set_on_device' || e.event_type === 'access_code.scheduled_on_device'))
        .map((c) => ({ slot: c.slot!, pin: c.code }));
      const proven = await setBatchWithChecksum(locks.network(door.siteId), door.nodeId, items, confirmed).catch(() => null);
      // Without the proof every code is checked on its own; each was sent, so its slot is read before any resend.
      for (const o of work) {
        const code = codeOf(o)!;
        const outcome = proven?.get(code.slot!) ?? (await attemptSet(locks.network(door.siteId), door.nodeId, code.slot!, code.code, true).catch(failed));
        outcomes.set(o.operation_id, outcome);
      }
      return outcomes;
    }
    const op = work[0]!;
    outcomes.set(op.operation_id, await runOne(door, op, codeOf(op)!).catch(failed));
    return outcomes;
  }

  function kickDoor(doorId: string): void {
    if (isClosed) return;
    if (busy.has(doorId)) {
      again.add(doorId);
      return;
    }
    const work = drain(doorId)
      .catch(() => {})
      .finally(() => {
        busy.delete(doorId);
        if (again.delete(doorId)) kickDoor(doorId);
      });
    busy.set(doorId, work);
  }

  return {
    markFresh: (id) => void fresh.add(id),
    isFresh: (id) => fresh.has(id) && !attempted.has(id),
    kickDoor,
    kickSite(siteId) {
      for (const door of store.index.read().doors.filter((d) => d.siteId === siteId)) kickDoor(door.id);
    },
    isRunning: (id) => running.has(id),
    async idle() {
      while (busy.size > 0) await Promise.allSettled([...busy.values()]);
    },
    close() {
      isClosed = true;
      wakeups.forEach((w) => w.cancel());
      wakeups.clear();
    },
  };
}
