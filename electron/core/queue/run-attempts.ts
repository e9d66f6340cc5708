import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { LockManager } from '../locks/lock-manager';
import type { AttemptGuard, AttemptOutcome, CodePut } from '../ports/lock-port';
import type { ShardedStore } from '../store/store-v2';
import { wasConfirmedOnLock } from '../records/code-records';

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

/**
 * Runs the work (one operation, or a batch of sets) through the door's lock connection and returns each operation's
 * outcome; never throws. How each code is put on the lock and proven is the driver's business (lock port).
 */
export async function runAttempts(run: AttemptRun): Promise<Map<string, AttemptOutcome>> {
  const { door, locks } = run;
  const address = door.lockAddress.address;
  const guard: AttemptGuard = { onAir: (keys) => run.marking.then((ids) => keys.every((k) => ids.has(k))) };
  try {
    const connection = locks.connection(door.siteId, door.lockAddress.protocol);
    const op = run.work[0]!;
    if (op.kind === 'remove_code') {
      const code = run.codeOf(op)!;
      const removal = { key: op.operation_id, slot: code.slot, pin: code.code, wasScheduled: code.scheduled_by === 'lock' };
      return new Map([[op.operation_id, await connection.removeCode(address, removal, guard)]]);
    }
    const puts = run.work.map((o) => putFor(run, o));
    return await connection.putCodes(address, puts, guard, { provenCodes: await provenCodes(run) });
  } catch (error) {
    return new Map(run.work.map((o) => [o.operation_id, failed(error)]));
  }
}

/** The put for a set operation: a time-bound code the lock schedules itself carries its window. */
function putFor(run: AttemptRun, op: Operation): CodePut {
  const code = run.codeOf(op)!;
  const isLockScheduled = code.type === 'time_bound' && code.scheduled_by === 'lock';
  const zone = run.store.index.read().sites.find((s) => s.id === run.door.siteId)?.timeZone ?? 'UTC';
  const offset = run.locks.profile(run.door.siteId, run.door.lockAddress)?.clockOffsetMinutes ?? null;
  return {
    key: op.operation_id,
    slot: code.slot,
    pin: code.code,
    name: code.name ?? '',
    window: isLockScheduled ? { startsAt: code.starts_at!, endsAt: code.ends_at!, siteTimeZone: zone, lockOffsetMinutes: offset } : null,
    mayBeThere: run.wasAmbiguous.get(op.operation_id) ?? true,
  };
}

/** Codes on this door the lock has confirmed before: the lock's expected picture beside the new ones. */
async function provenCodes(run: AttemptRun): Promise<Array<{ slot: number; pin: string }>> {
  return (await run.store.codes(run.door.siteId))
    .read()
    .accessCodes.filter((c) => c.door_id === run.door.id && !c.is_removed && c.slot !== null && wasConfirmedOnLock(c))
    .map((c) => ({ slot: c.slot!, pin: c.code }));
}
