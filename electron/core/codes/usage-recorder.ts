import type { AccessCode } from '../../../shared/domain/access-code';
import { sameLockAddress, type LockAddress } from '../../../shared/domain/lock-address';
import type { ShardedStore } from '../store/store-v2';
import { applyTransition } from '../records/code-records';

/**
 * Records a keypad unlock reported by a lock on the code in that slot: `last_used_at` and an
 * `access_code.used_on_keypad` event — proof, from the lock itself, that the code works. Returns the updated code, or
 * null when the slot holds no code Lockbench manages.
 */
export async function recordKeypadUse(store: ShardedStore, siteId: string, lock: LockAddress, slot: number, at: Date): Promise<AccessCode | null> {
  const door = store.index.read().doors.find((d) => d.siteId === siteId && sameLockAddress(d.lockAddress, lock));
  if (!door) return null;
  const doc = await store.codes(siteId);
  return doc.update((data) => {
    const code = data.accessCodes.find((c) => c.door_id === door.id && c.slot === slot && !c.is_removed);
    if (!code) return null;
    // A lock's log read again (after a restart) tells old uses again: each use is recorded once.
    if (code.last_used_at !== null && Date.parse(code.last_used_at) >= at.getTime()) return null;
    code.last_used_at = at.toISOString();
    return structuredClone(applyTransition(code, { event: 'access_code.used_on_keypad' }, at));
  });
}
