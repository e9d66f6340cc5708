import type { CodePlaces, ReservedSlot } from '../domain/lock';

/** What slot choice needs to know about one lock. */
export interface SlotPicture {
  /** Slots 1..slotCount exist on the lock. */
  slotCount: number;
  /** Slots the lock keeps for itself (admin / master code): never chosen. */
  reservedSlots: readonly ReservedSlot[];
  /** Slots known to hold a code (ours, another tool's, typed at the keypad) or about to (a code queued for it). */
  taken: ReadonlySet<number>;
}

/** Slots a code may go into: 1..slotCount minus the reserved ones. */
export function usableSlotCount(picture: Pick<SlotPicture, 'slotCount' | 'reservedSlots'>): number {
  const reserved = new Set(picture.reservedSlots.map((r) => r.slot).filter((s) => s >= 1 && s <= picture.slotCount));
  return picture.slotCount - reserved.size;
}

/** The lowest slot (from 1) that is neither reserved nor taken, or null when the lock has none left. */
export function chooseFreeSlot(picture: SlotPicture): number | null {
  const reserved = new Set(picture.reservedSlots.map((r) => r.slot));
  for (let slot = 1; slot <= picture.slotCount; slot++) {
    if (!reserved.has(slot) && !picture.taken.has(slot)) return slot;
  }
  return null;
}

/**
 * Where a new code goes. On a lock with slots: the lowest free one. On a lock that gives each code its own id (Nuki):
 * no place yet — the lock tells it when it takes the code — as long as the lock has room for one more beside the codes
 * it holds (`taken`) and the ones already waiting to go on (`waitingForPlace`). Null when the lock is full.
 */
export function placeForNewCode(picture: SlotPicture & { codePlaces: CodePlaces; waitingForPlace: number }): { slot: number | null } | null {
  if (picture.codePlaces === 'lock_ids') return picture.taken.size + picture.waitingForPlace < usableSlotCount(picture) ? { slot: null } : null;
  const slot = chooseFreeSlot(picture);
  return slot === null ? null : { slot };
}
