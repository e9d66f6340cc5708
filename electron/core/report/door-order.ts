import type { Door } from '../../../shared/domain/door';

/** What doors are ordered by in the report and the codes export. */
export type DoorOrderKey = Pick<Door, 'id' | 'name' | 'floor' | 'unit'>;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Orders doors as someone walks the building: by floor, then unit, then name; a part not known (null) comes after the
 * known ones. Floors that are plain numbers ("-1", "2", "10") go in numeric order before named ones ("G", "Roof"),
 * which are compared numeric-aware ("Level 2" before "Level 10"). The id breaks ties, so the order is stable.
 */
export function compareDoors(a: DoorOrderKey, b: DoorOrderKey): number {
  return compareFloor(a.floor, b.floor) || compareText(a.unit, b.unit) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

function compareFloor(a: string | null, b: string | null): number {
  if (a === null || b === null) return nullsLast(a, b);
  const isNumberA = PLAIN_NUMBER.test(a.trim());
  const isNumberB = PLAIN_NUMBER.test(b.trim());
  if (isNumberA && isNumberB) return Number(a) - Number(b);
  if (isNumberA !== isNumberB) return isNumberA ? -1 : 1;
  return collator.compare(a, b);
}

/** Numeric-aware text order with null last (also used for code names). */
export function compareText(a: string | null, b: string | null): number {
  if (a === null || b === null) return nullsLast(a, b);
  return collator.compare(a, b);
}

/** Slot order, codes without a slot last. */
export function compareSlots(a: number | null, b: number | null): number {
  if (a === null || b === null) return nullsLast(a, b);
  return a - b;
}

function nullsLast(a: unknown, b: unknown): number {
  if (a === null && b === null) return 0;
  return a === null ? 1 : -1;
}
