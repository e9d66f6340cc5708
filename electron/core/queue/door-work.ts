import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation } from '../../../shared/domain/operation';

/** The most codes one batch carries (Z-Wave checksum: one Set each, two checksum reads; a listing lock: one list). */
export const MAX_CHECKSUM_BATCH = 30;

/**
 * How a lock proves several new codes at once: a checksum over its slots (only ongoing codes in chosen slots), a
 * list of every code it holds (any new code), or not at all.
 */
export type BatchProof = 'checksum' | 'list' | null;

/** What the queue may run now on one door. */
export interface DoorWork {
  /** Operations to run now, in order: one, or a checksum batch of fresh ongoing sets. */
  due: Operation[];
  /** When the next operation that is not due yet becomes due (a retry's backoff, a preload or start time), else null. */
  nextAt: Date | null;
  /** A waiting operation whose code no longer exists: cancel it. */
  orphan: Operation | null;
}

/**
 * Picks a door's work. Per code only its oldest waiting operation may run (a removal never overtakes the Set it
 * undoes); across codes, removals go first — a guest code that must come off is not kept waiting behind a batch of
 * new codes — then in the order they were acknowledged. `isDurable` excludes operations still being written: if the
 * app died now, the lock would hold a code nobody was told about. `batch` says how the lock proves a batch.
 */
export function pickDoorWork(input: {
  doorId: string;
  operations: readonly Operation[];
  codeOf: (op: Operation) => AccessCode | undefined;
  isDurable: (op: Operation) => boolean;
  now: Date;
  batch: BatchProof;
}): DoorWork {
  const heads = new Map<string, Operation>();
  for (const o of input.operations) {
    if (o.door_id !== input.doorId || o.state !== 'waiting' || !input.isDurable(o)) continue;
    if (!heads.has(o.access_code_id)) heads.set(o.access_code_id, o);
  }
  const waiting = [...heads.values()];
  const orphan = waiting.find((o) => !input.codeOf(o)) ?? null;
  if (orphan) return { due: [], nextAt: null, orphan };
  const isDue = (o: Operation) => o.not_before === null || new Date(o.not_before) <= input.now;
  const due = waiting.filter(isDue).sort((a, b) => rank(a) - rank(b));
  const later = waiting.filter((o) => !isDue(o)).map((o) => new Date(o.not_before!).getTime());
  const nextAt = later.length > 0 ? new Date(Math.min(...later)) : null;
  const first = due[0];
  if (!first) return { due: [], nextAt, orphan: null };
  const batch = input.batch ? due.filter((o) => isBatchable(o, input.codeOf(o), input.batch!)).slice(0, MAX_CHECKSUM_BATCH) : [];
  return { due: batch.length >= 2 && batch.includes(first) ? batch : [first], nextAt, orphan: null };
}

/** Removals before sets. */
const rank = (o: Operation) => (o.kind === 'remove_code' ? 0 : 1);

/**
 * A Set that can go in a batch: never possibly on the lock yet; for a checksum also an ongoing code with a slot (a
 * schedule or a slot move needs its own reads).
 */
function isBatchable(o: Operation, code: AccessCode | undefined, proof: 'checksum' | 'list'): boolean {
  if (o.kind !== 'set_code' || o.is_ambiguous || !code) return false;
  return proof === 'list' || (code.type === 'ongoing' && code.slot !== null);
}
