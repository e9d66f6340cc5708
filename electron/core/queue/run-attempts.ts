import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { LockManager } from '../locks/lock-manager';
import type { ShardedStore } from '../store/store-v2';
import { wasConfirmedOnLock } from '../codes/code-records';
import { setBatchWithChecksum } from './checksum-batch';
import { attemptClear, attemptSet, type AttemptOutcome, type AttemptTarget } from './lock-attempts';
import { attemptScheduledSet } from './schedule-attempt';

/** How the queue treats a lock's refusal of a PIN (acknowledged, slot kept empty) and what it learns from it. */
export interface RefusalPolicy {
  /** Words that stop the code at this first refusal (its PIN length is not proven on this lock); null: retry as usual. */
  stopMessage(door: Door, code: AccessCode): string | null;
  /** Remembers lengths the lock accepted (a code read back) or refused. */
  learn(door: Door, results: ReadonlyArray<{ length: number; accepted: boolean }>): Promise<void>;
}

/** One run of a door's work: the operations, their codes, and the durable on-air mark being written meanwhile. */
export interface AttemptRun {
  store: ShardedStore;
  locks: LockManager;
  door: Door;
  work: Operation[];
  codeOf: (op: Operation) => AccessCode | undefined;
  /** Whether each operation may have reached the lock before this run. */
  wasAmbiguous: ReadonlyMap<string, boolean>;
  /** Resolves with the operations durably marked "may reach the lock" (started before the first read). */
  marking: Promise<Set<string>>;
}

const failed = (e: unknown): AttemptOutcome => ({ kind: 'transient', message: e instanceof Error ? e.message : String(e), mayHaveReached: true });

/** Runs the work (one operation, or a checksum batch) and returns each operation's outcome; never throws. */
export async function runAttempts(run: AttemptRun): Promise<Map<string, AttemptOutcome>> {
  const { door, locks } = run;
  const target = (op: Operation): AttemptTarget => ({
    network: locks.network(door.siteId),
    nodeId: door.nodeId,
    onAir: () => run.marking.then((ids) => ids.has(op.operation_id)),
  });
  const outcomes = new Map<string, AttemptOutcome>();
  if (run.work.length >= 2) {
    const items = run.work.map((o) => ({ slot: run.codeOf(o)!.slot!, pin: run.codeOf(o)!.code }));
    const batchTarget: AttemptTarget = { ...target(run.work[0]!), onAir: () => run.marking.then((ids) => run.work.every((o) => ids.has(o.operation_id))) };
    const { proven, sentSlots } = await setBatchWithChecksum(batchTarget, items, await confirmedCodes(run)).catch(() => ({ proven: null, sentSlots: new Set(items.map((i) => i.slot)) }));
    // Without the proof each code is checked on its own by reading its slot (only a sent one may already be there).
    for (const o of run.work) {
      const code = run.codeOf(o)!;
      const mayBeThere = sentSlots.has(code.slot!) || (run.wasAmbiguous.get(o.operation_id) ?? true);
      outcomes.set(o.operation_id, proven?.get(code.slot!) ?? (await attemptSet(target(o), code.slot!, code.code, mayBeThere).catch(failed)));
    }
    return outcomes;
  }
  const op = run.work[0]!;
  outcomes.set(op.operation_id, await runOne(run, op, target(op)).catch(failed));
  return outcomes;
}

/** Codes on this door the lock has confirmed before: the checksum batch's picture of what the slots hold. */
async function confirmedCodes(run: AttemptRun): Promise<Array<{ slot: number; pin: string }>> {
  return (await run.store.codes(run.door.siteId))
    .read()
    .accessCodes.filter((c) => c.door_id === run.door.id && !c.is_removed && c.slot !== null && wasConfirmedOnLock(c))
    .map((c) => ({ slot: c.slot!, pin: c.code }));
}

async function runOne(run: AttemptRun, op: Operation, target: AttemptTarget): Promise<AttemptOutcome> {
  const code = run.codeOf(op)!;
  if (code.slot === null) return { kind: 'permanent', error: 'failed_to_set_on_device', message: 'The code has no slot.' };
  const mayBeThere = run.wasAmbiguous.get(op.operation_id) ?? true;
  if (op.kind === 'remove_code') return removeWithSchedule(target, code as AccessCode & { slot: number });
  if (code.type === 'time_bound' && code.scheduled_by === 'lock') {
    const zone = run.store.index.read().sites.find((s) => s.id === run.door.siteId)?.timeZone ?? 'UTC';
    const offset = run.locks.profile(run.door.siteId, run.door.nodeId)?.clockOffsetMinutes ?? null;
    return attemptScheduledSet(target, { ...code, slot: code.slot }, zone, offset, mayBeThere);
  }
  return attemptSet(target, code.slot, code.code, mayBeThere);
}

/** Clears our code; a lock-scheduled code's year-day schedule goes too, or the next code in the slot would inherit it. */
async function removeWithSchedule(target: AttemptTarget, code: AccessCode & { slot: number }): Promise<AttemptOutcome> {
  const cleared = await attemptClear(target, code.slot, code.code);
  if (cleared.kind !== 'confirmed' || code.scheduled_by !== 'lock') return cleared;
  try {
    await target.network.clearSchedules(target.nodeId, code.slot);
    return cleared;
  } catch {
    return { kind: 'transient', message: "the code is gone but the slot's schedule is not cleared yet", mayHaveReached: false };
  }
}
