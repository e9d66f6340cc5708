import type { CodePlaces } from '../../../shared/domain/lock';

/**
 * Where a code sits on its lock, in one set of words for every screen: a numbered slot Lockbench chose (Z-Wave), or
 * the number a lock gave the code itself ("code #3", Nuki keypad codes). A code's `slot` holds either, once known.
 */

/** The codes table's column heading for the place. */
export function codePlaceHeading(places: CodePlaces = 'slots'): string {
  return places === 'lock_ids' ? 'On the lock' : 'Slot';
}

/** The place in the codes table: the slot number under "Slot" ("3"), or "code #3"; "–" while none is known. */
export function codePlaceCell(slot: number | null, places: CodePlaces = 'slots'): string {
  if (slot === null) return '–';
  return places === 'lock_ids' ? `code #${slot}` : String(slot);
}

/** The place in a sentence or on a button: "slot 3" or "code #3"; null while none is known. */
export function codePlaceWords(slot: number | null, places: CodePlaces = 'slots'): string | null {
  if (slot === null) return null;
  return places === 'lock_ids' ? `code #${slot}` : `slot ${slot}`;
}
