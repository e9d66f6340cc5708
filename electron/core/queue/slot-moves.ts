import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import { chooseFreeSlot } from '../../../shared/codes/slot-choice';
import type { SlotReading } from '../ports/lock-port';

/**
 * Where a code goes when its slot turned out to hold somebody else's code: the lowest slot that is not reserved, not
 * holding any code the lock has shown (zwave-js's cache, which the fresh read just updated), not held or claimed by
 * another of Lockbench's codes on this door, and not the slot just found taken. Null when none is left.
 */
export function freeSlotFor(input: {
  door: Door;
  lock: Pick<LockProfile, 'slotCount' | 'reservedSlots'>;
  codes: readonly AccessCode[];
  cached: readonly SlotReading[];
  taken: number;
}): number | null {
  const taken = new Set<number>([input.taken]);
  for (const s of input.cached) if (s.status === 'enabled' || s.status === 'disabled') taken.add(s.slot);
  for (const c of input.codes) if (c.door_id === input.door.id && !c.is_removed && c.slot !== null) taken.add(c.slot);
  return chooseFreeSlot({ slotCount: input.lock.slotCount, reservedSlots: input.lock.reservedSlots, taken });
}
