import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { LockManager } from '../locks/lock-manager';
import type { DurableDoc, ShardedStore, SiteCodesData } from '../store/store-v2';
import type { Clock } from '../ports/clock';
import { pickDoorWork, type BatchProof } from './door-work';
import type { AttemptOutcome } from '../ports/lock-port';
import type { LockProfile } from '../../../shared/domain/lock';
import type { LockAddress } from '../../../shared/domain/lock-address';
import { applyOutcome, moveToAnotherSlot, type RetryRules } from './operation-records';
import { runAttempts, type RefusalPolicy } from './run-attempts';
import { freeSlotFor } from './slot-moves';

/** What the queue needs. */
export interface QueueDeps {
  store: ShardedStore;
  locks: LockManager;
  clock: Clock;
  rules: RetryRules;
  onCodeChanged: (code: AccessCode) => void;
  /** Something in the site's queue changed (state, running, waiting): the UI refreshes its queue panel. */
  onQueueChanged: (siteId: string) => void;
  /**
   * Asks a lock that is not answering whether it is back (a ping); true when it answered. Without it a lock marked
   * not answering is tried as if it were.
   */
  wake?: (siteId: string, lock: LockAddress) => Promise<boolean>;
  /** Something worth a progress line on a door ("slot 3 holds a code from elsewhere; using slot 4"). */
  onActivity?: (door: Door, message: string) => void;
  /** How a lock's refusal of a PIN is judged and learned from (PIN lengths nobody told us). */
  refusals?: RefusalPolicy;
}

/**
 * Applies queued operations to locks, one door at a time.
 *
 *   kick(door) ─▶ pick work (removals first; per code its oldest op) ─▶ site ready? lock answering (ping)? ─no─▶ wait
 *                      │ yes
 *                      ▼
 *   mark on air (durable, while the slot is read) ─▶ read slot: free? ─▶ Set/Clear ─▶ read back ─▶ one durable update
 *                      │ slot holds another code: nothing sent, the code moves to another free slot (or stops: full)
 *                      └─ not due yet ─▶ timer at its not_before
 *
 * `is_ambiguous` reaches the disk before any command that changes the lock: after a crash, an operation that is not
 * ambiguous never reached the lock, and one that is gets its slot read before anything is sent again.
 */
export interface OperationQueue {
  /** Note an operation created in this process, now on disk. */
  markFresh(operationId: string): void;
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

  /** Writes "may reach the lock" on the operations still waiting; resolves with those it marked. */
  function markOnAir(doc: DurableDoc<SiteCodesData>, work: Operation[]): Promise<Set<string>> {
    const ids = new Set(work.map((o) => o.operation_id));
    return doc
      .update((data) => {
        const marked = new Set<string>();
        for (const o of data.operations) {
          if (!ids.has(o.operation_id) || o.state !== 'waiting') continue;
          o.is_ambiguous = true;
          marked.add(o.operation_id);
        }
        return marked;
      })
      .catch(() => new Set<string>());
  }

  /** True when the lock can be tried now: answering, or it answered a ping just now. */
  async function isReachable(door: Door): Promise<boolean> {
    const profile = locks.profile(door.siteId, door.lockAddress);
    if (!profile || profile.isOnline || !deps.wake) return true;
    return deps.wake(door.siteId, door.lockAddress);
  }

  async function drain(doorId: string): Promise<void> {
    for (;;) {
      const door = doorOf(doorId);
      if (!door || isClosed) return;
      const doc = await store.codes(door.siteId);
      if (!loaded.has(door.siteId)) loaded.set(door.siteId, new Set(doc.read().operations.map((o) => o.operation_id)));
      const onDisk = loaded.get(door.siteId)!;
      const data = doc.read();
      const codeOf = (o: Operation) => data.accessCodes.find((c) => c.access_code_id === o.access_code_id);
      // A paused bulk run holds its waiting changes (a batch already on the air finishes first).
      const paused = new Set(data.bulkRuns.filter((r) => r.state === 'paused').map((r) => r.run_id));
      const work = pickDoorWork({
        doorId,
        operations: paused.size === 0 ? data.operations : data.operations.filter((o) => o.run_id === null || !paused.has(o.run_id)),
        codeOf,
        isDurable: (o) => fresh.has(o.operation_id) || onDisk.has(o.operation_id),
        now: clock.now(),
        batch: batchProofOf(locks.profile(door.siteId, door.lockAddress)),
      });
      if (work.orphan) {
        const orphanId = work.orphan.operation_id;
        await doc.update((d) => void (d.operations.find((o) => o.operation_id === orphanId)!.state = 'cancelled'));
        continue;
      }
      if (work.due.length === 0) {
        if (work.nextAt) wakeAt(doorId, work.nextAt);
        return;
      }
      // Each lock is usable once ITS interview is over (kicked then), also while the site's others are still interviewed.
      if (!locks.isLockReady(door.siteId, door.lockAddress)) return;
      const wasAmbiguous = new Map(work.due.map((o) => [o.operation_id, o.is_ambiguous]));
      work.due.forEach((o) => running.add(o.operation_id));
      deps.onQueueChanged(door.siteId);
      let outcomes: Map<string, AttemptOutcome>;
      if (await isReachable(door)) {
        const marking = markOnAir(doc, work.due);
        outcomes = await runAttempts({ store, locks, door, work: work.due, codeOf, wasAmbiguous, marking });
      } else {
        const silent: AttemptOutcome = { kind: 'transient', message: 'the lock is not answering', mayHaveReached: false };
        outcomes = new Map(work.due.map((o) => [o.operation_id, silent]));
      }
      work.due.forEach((o) => running.delete(o.operation_id));
      await record(door, doc, outcomes, wasAmbiguous);
      deps.onQueueChanged(door.siteId);
    }
  }

  /** One durable update with every outcome; then the UI hears about each changed code. */
  async function record(door: Door, doc: DurableDoc<SiteCodesData>, outcomes: Map<string, AttemptOutcome>, wasAmbiguous: Map<string, boolean>): Promise<void> {
    const lock = locks.profile(door.siteId, door.lockAddress) ?? door.lastProfile;
    // The lock's picture (after the fresh read that found a slot taken) is only needed to move a code.
    const hasMoves = [...outcomes.values()].some((o) => o.kind === 'slot_taken');
    const cached = hasMoves && lock && locks.isLockReady(door.siteId, door.lockAddress) ? locks.connection(door.siteId, door.lockAddress.protocol).knownCodes(door.lockAddress.address) : [];
    const moves: string[] = [];
    const lengths: Array<{ length: number; accepted: boolean }> = [];
    // The lock answered something in this try (a code proven, a place read): a change that failed beside it was lost
    // on the air, not sent to a lock that is gone, so it is tried again soon.
    const lockAnswered = [...outcomes.values()].some(showsLockAnswered);
    const changed = await doc.update((d) => {
      const touched: AccessCode[] = [];
      for (const [operationId, outcome] of outcomes) {
        const o = d.operations.find((x) => x.operation_id === operationId);
        const c = o && d.accessCodes.find((x) => x.access_code_id === o.access_code_id);
        if (!o || !c || o.state !== 'waiting') continue;
        const before = wasAmbiguous.get(operationId) ?? o.is_ambiguous;
        if (outcome.kind === 'slot_taken') {
          const slot = lock ? freeSlotFor({ door, lock, codes: d.accessCodes, cached, taken: outcome.slot }) : null;
          moveToAnotherSlot(o, c, slot, clock.now(), before);
          moves.push(slot === null ? `${outcome.message} No other slot is free: the code was not put on the lock.` : `${outcome.message} This code goes to slot ${slot} instead.`);
        } else {
          const isRefusal = outcome.kind === 'transient' && outcome.refusedByLock === true;
          const stopOnRefusal = isRefusal ? (deps.refusals?.stopMessage(door, c) ?? null) : null;
          const seen = lockAnswered && outcome.kind === 'transient' ? { ...outcome, lockAnswered: true } : outcome;
          applyOutcome(o, c, seen, clock.now(), deps.rules, { wasAmbiguous: before, stopOnRefusal });
          if (o.kind === 'set_code' && (isRefusal || (outcome.kind === 'confirmed' && outcome.proof !== null))) {
            lengths.push({ length: c.code.length, accepted: !isRefusal });
          }
        }
        touched.push(structuredClone(c));
      }
      return touched;
    });
    for (const code of changed) deps.onCodeChanged(code);
    for (const message of moves) deps.onActivity?.(door, `${door.name}: ${message}`);
    if (deps.refusals && lengths.length > 0) await deps.refusals.learn(door, lengths).catch(() => undefined);
  }

  /**
   * One door at a time per connection (a site's stick, a site's Bluetooth radio): the radio carries one exchange at a
   * time anyway, so doors finish one after another (each door's batch whole) instead of all at the very end, and
   * progress and speed can be measured per door. Doors on different connections run in parallel.
   */
  const laneHolder = new Map<string, string>();
  const laneWaiting = new Map<string, string[]>();
  const laneOf = (door: Door) => `${door.siteId}\u0000${door.lockAddress.protocol}`;
  const waitInLane = (lane: string, doorId: string) => {
    const waiting = laneWaiting.get(lane) ?? [];
    if (!waiting.includes(doorId)) waiting.push(doorId);
    laneWaiting.set(lane, waiting);
  };

  function kickDoor(doorId: string): void {
    if (isClosed) return;
    if (busy.has(doorId)) {
      again.add(doorId);
      return;
    }
    const door = doorOf(doorId);
    if (!door) return;
    const lane = laneOf(door);
    const holder = laneHolder.get(lane);
    if (holder !== undefined && holder !== doorId) {
      waitInLane(lane, doorId);
      return;
    }
    laneHolder.set(lane, doorId);
    const work = drain(doorId)
      .catch(() => {})
      .finally(() => {
        busy.delete(doorId);
        laneHolder.delete(lane);
        // A door kicked again while it worked goes to the back of its lane: the others get their turn first.
        if (again.delete(doorId)) waitInLane(lane, doorId);
        const next = laneWaiting.get(lane)?.shift();
        if (next !== undefined) kickDoor(next);
      });
    busy.set(doorId, work);
  }

  return {
    markFresh: (id) => void fresh.add(id),
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
      laneWaiting.clear();
      wakeups.forEach((w) => w.cancel());
      wakeups.clear();
    },
  };
}

/** True when an attempt's outcome shows the lock answered (whatever became of the change itself). */
function showsLockAnswered(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'confirmed' || outcome.kind === 'slot_taken') return true;
  return outcome.kind === 'transient' && (outcome.lockAnswered === true || outcome.refusedByLock === true);
}

/** How this lock proves a batch of new codes, from its profile. */
function batchProofOf(profile: LockProfile | null): BatchProof {
  if (!profile) return null;
  if (profile.codeProof === 'list') return 'list';
  return profile.supportsChecksum ? 'checksum' : null;
}
