import type { BulkCodeInput, BulkPlan } from '../../../shared/domain/bulk';
import type { Door } from '../../../shared/domain/door';
import { CodedError } from '../../../shared/result';

/** One code of the plan on one door. */
export interface PlannedCode {
  door: Door;
  input: BulkCodeInput;
  /** Index of the code in the plan. */
  index: number;
}

/** A unit as people write it, for matching ("Flat 1.02 " and "flat 1.02" are one unit). */
export const unitKey = (unit: string): string => unit.trim().toLowerCase();

/**
 * The plan's doors (in the order chosen, each once) and every code on every door it goes to: a code with a unit goes
 * only to that unit's doors among them. A door that is not on the plan's site is refused, naming it.
 */
export function expandPlan(plan: BulkPlan, siteDoors: readonly Door[]): { doors: Door[]; planned: PlannedCode[] } {
  const byId = new Map(siteDoors.map((d) => [d.id, d]));
  const doors: Door[] = [];
  for (const id of new Set(plan.doorIds)) {
    const door = byId.get(id);
    if (!door) throw new CodedError('door.not_found', `A chosen door (${id}) is not a door of this site (any more).`);
    doors.push(door);
  }
  const planned: PlannedCode[] = [];
  for (const door of doors) {
    plan.codes.forEach((input, index) => {
      if (input.unit === null || (door.unit !== null && unitKey(door.unit) === unitKey(input.unit))) planned.push({ door, input, index });
    });
  }
  return { doors, planned };
}
