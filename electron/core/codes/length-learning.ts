import { isLengthSourceKnown, isLengthUnproven, recordLengthOutcome } from '../../../shared/codes/learned-lengths';
import type { Door } from '../../../shared/domain/door';
import type { LockManager } from '../locks/lock-manager';
import type { RefusalPolicy } from '../queue/run-attempts';
import type { ShardedStore } from '../store/store-v2';

/**
 * What Lockbench learns from a lock that does not say which PIN lengths it takes: a length it kept (a code read back)
 * and a length it refused (a Set acknowledged, the slot left empty). At the FIRST refusal of a length the lock never
 * kept, the code stops with `code_constraints_violated` instead of being retried, and the door remembers the length,
 * so the PIN rules and the generator stop offering it. Lengths the lock or its device file state are never "learned".
 */
export function createLengthLearning(deps: { store: ShardedStore; locks: LockManager; onLearned?: (doorId: string) => void }): RefusalPolicy {
  const current = (door: Door): Door => deps.store.index.read().doors.find((d) => d.id === door.id) ?? door;
  return {
    stopMessage(door, code) {
      const d = current(door);
      const profile = deps.locks.profile(d.siteId, d.lockAddress) ?? d.lastProfile;
      const length = code.code.length;
      if (!profile || !isLengthUnproven(profile, d.learned, length)) return null;
      return (
        `The lock refused this ${length}-digit PIN. It does not say which PIN lengths it takes, so Lockbench takes this ` +
        `as its answer and no longer offers ${length}-digit PINs for this lock (a lock also refuses a PIN it already holds). ` +
        'Remove this code and add one with a PIN of another length.'
      );
    },
    async learn(door, results) {
      const profile = deps.locks.profile(door.siteId, door.lockAddress) ?? current(door).lastProfile;
      if (!profile || isLengthSourceKnown(profile.codeLengthsSource)) return; // stated lengths: nothing to learn
      const fold = (d: Door) => results.reduce((learned, r) => recordLengthOutcome(learned, r.length, r.accepted), d.learned);
      // Most outcomes teach nothing new (a length already kept): no durable write for those.
      if (JSON.stringify(fold(current(door))) === JSON.stringify(current(door).learned)) return;
      const changed = await deps.store.index.update((data) => {
        const d = data.doors.find((x) => x.id === door.id);
        if (!d) return false;
        const next = fold(d);
        if (JSON.stringify(next) === JSON.stringify(d.learned)) return false;
        d.learned = next;
        return true;
      });
      if (changed) deps.onLearned?.(door.id);
    },
  };
}
