import type { BulkPlan } from '../shared/domain/bulk';

/**
 * The codes both paths of the building-commission benchmark put on the building demo's 24 locks: 8 per lock, the
 * same PINs and names on both paths.
 *
 * No 8 PINs fit every building lock: the main entrance (Schlage BE469, parameter 16 = 6) takes 6 digits only and
 * Flat 3.02 (the same model with parameter 16 = 4) 4 digits only. So the plan has 8 staff codes of 6 digits for
 * every door (valid on all the others: digits 1–9, not starting with 12, at least 3 different digits, no run of 3,
 * none already on a lock) and 8 resident codes of 4 digits for unit 3.02 only — the way a bulk plan gives a flat its
 * own codes. Flat 3.02 refuses the 8 staff codes in the preview (skipped), so the run holds 24 × 8 = 192 codes.
 */

/** The unit whose lock takes 4-digit PINs only (Flat 3.02). */
export const FOUR_DIGIT_UNIT = '3.02';

/** Codes per lock. */
export const CODES_PER_LOCK = 8;

/** The staff codes: every door but Flat 3.02. */
export const STAFF_PINS: readonly string[] = ['538147', '685194', '946253', '473816', '859372', '317495', '794836', '261958'];

/** Flat 3.02's own codes. */
export const UNIT_PINS: readonly string[] = ['5831', '6927', '4195', '7368', '8246', '3517', '9472', '2684'];

/** The names both paths give the codes (a Nuki lock keeps a name of up to 20 characters): staff codes… */
export const staffName = (i: number): string => `Staff ${i + 1}`;
/** …and Flat 3.02's own codes. */
export const unitName = (i: number): string => `Resident ${i + 1}`;

/** The 8 codes one lock gets, by the unit of its door. */
export function codesForUnit(unit: string | null): Array<{ pin: string; name: string }> {
  return unit === FOUR_DIGIT_UNIT ? UNIT_PINS.map((pin, i) => ({ pin, name: unitName(i) })) : STAFF_PINS.map((pin, i) => ({ pin, name: staffName(i) }));
}

/** The bulk plan for these doors: the staff codes for all, Flat 3.02's codes for its unit. */
export function buildingPlan(siteId: string, doorIds: readonly string[]): BulkPlan {
  return {
    siteId,
    doorIds: [...doorIds],
    codes: [
      ...STAFF_PINS.map((pin, i) => ({ name: staffName(i), pin, unit: null, window: null })),
      ...UNIT_PINS.map((pin, i) => ({ name: unitName(i), pin, unit: FOUR_DIGIT_UNIT, window: null })),
    ],
    confirmLockbenchScheduling: false,
  };
}
