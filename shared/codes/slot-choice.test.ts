import { describe, expect, it } from 'vitest';
import { chooseFreeSlot, placeForNewCode } from './slot-choice';

const reserved = [{ slot: 3, reason: 'admin code' }];

describe('where a new code goes', () => {
  it('on a lock with slots: the lowest slot neither reserved nor taken; none when full', () => {
    expect(chooseFreeSlot({ slotCount: 4, reservedSlots: reserved, taken: new Set([1]) })).toBe(2);
    expect(placeForNewCode({ slotCount: 4, reservedSlots: reserved, taken: new Set([1, 2]), codePlaces: 'slots', waitingForPlace: 0 })).toEqual({ slot: 4 });
    expect(placeForNewCode({ slotCount: 4, reservedSlots: reserved, taken: new Set([1, 2, 4]), codePlaces: 'slots', waitingForPlace: 0 })).toBeNull();
  });

  it('on a lock that gives each code its id: no place until the lock tells it, while the lock has room', () => {
    // Ids grow past the capacity on a Nuki lock (codes removed and added): only how many it holds counts.
    const held = new Set([101, 150, 201]);
    expect(placeForNewCode({ slotCount: 5, reservedSlots: [], taken: held, codePlaces: 'lock_ids', waitingForPlace: 1 })).toEqual({ slot: null });
    expect(placeForNewCode({ slotCount: 5, reservedSlots: [], taken: held, codePlaces: 'lock_ids', waitingForPlace: 2 })).toBeNull();
    expect(placeForNewCode({ slotCount: 3, reservedSlots: [], taken: held, codePlaces: 'lock_ids', waitingForPlace: 0 })).toBeNull();
  });
});
