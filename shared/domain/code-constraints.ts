import { z } from 'zod';

/**
 * Seam's `device.properties.code_constraints` entries: rules a lock (or its provider) puts on access codes.
 * Meanings, from Seam's "Understanding Code Constraints" page, are implemented in shared/codes/.
 *
 *   code rules     no_zeros, cannot_start_with_12, no_triple_consecutive_ints, no_ascending_or_descending_sequence,
 *                  at_least_three_unique_digits, no_all_same_digits, unique_first_four_digits,
 *                  cannot_contain_089, cannot_contain_0789, cannot_specify_pin_code, pin_code_matches_existing_set
 *   schedule rule  start_date_in_future
 *   name rules     name_length (min_length? / max_length?), name_must_be_unique
 */

/** Constraint types about the PIN itself (checked by checkPin, honoured by generatePin). */
export const PIN_CONSTRAINT_TYPES = [
  'no_zeros',
  'cannot_start_with_12',
  'no_triple_consecutive_ints',
  'cannot_specify_pin_code',
  'pin_code_matches_existing_set',
  'no_ascending_or_descending_sequence',
  'at_least_three_unique_digits',
  'no_all_same_digits',
  'unique_first_four_digits',
  'cannot_contain_089',
  'cannot_contain_0789',
] as const;

/** A constraint type about the PIN itself. */
export type PinConstraintType = (typeof PIN_CONSTRAINT_TYPES)[number];

/** Every constraint type Lockbench understands, as Seam spells them. */
export const CODE_CONSTRAINT_TYPES = [...PIN_CONSTRAINT_TYPES, 'start_date_in_future', 'name_length', 'name_must_be_unique'] as const;

/** A constraint type as Seam spells it. */
export type CodeConstraintType = (typeof CODE_CONSTRAINT_TYPES)[number];

/** Schema for a constraint type on the wire. */
export const codeConstraintTypeSchema = z.enum(CODE_CONSTRAINT_TYPES);

/** Constraints that carry nothing but their type. Extra properties Seam may send are dropped. */
const plainConstraintSchema = z.object({
  constraint_type: z.enum([...PIN_CONSTRAINT_TYPES, 'start_date_in_future', 'name_must_be_unique']),
});

/** `name_length`: the code's name must have between `min_length` and `max_length` characters (either may be absent). */
const nameLengthConstraintSchema = z.object({
  constraint_type: z.literal('name_length'),
  min_length: z.number().int().min(0).optional(),
  max_length: z.number().int().min(0).optional(),
});

/** One entry of `code_constraints`, discriminated by `constraint_type`; only `name_length` carries bounds. */
export const codeConstraintSchema = z.discriminatedUnion('constraint_type', [plainConstraintSchema, nameLengthConstraintSchema]);

/** One entry of `code_constraints`. */
export type CodeConstraint = z.infer<typeof codeConstraintSchema>;

/** The `name_length` entry, with its bounds. */
export type NameLengthConstraint = z.infer<typeof nameLengthConstraintSchema>;

/**
 * Reads a device's `code_constraints` without failing on a type Seam added after this build: known entries are
 * parsed, unknown types are returned by name so the capability check can warn about a rule Lockbench cannot check.
 */
export function parseCodeConstraints(raw: readonly unknown[]): { constraints: CodeConstraint[]; unknownTypes: string[] } {
  const constraints: CodeConstraint[] = [];
  const unknownTypes: string[] = [];
  for (const entry of raw) {
    const parsed = codeConstraintSchema.safeParse(entry);
    if (parsed.success) {
      constraints.push(parsed.data);
      continue;
    }
    const type = (entry as { constraint_type?: unknown } | null)?.constraint_type;
    unknownTypes.push(typeof type === 'string' ? type : 'unreadable');
  }
  return { constraints, unknownTypes };
}

/** True when the list contains a constraint of this type. */
export function hasConstraint(constraints: readonly CodeConstraint[] | undefined, type: CodeConstraintType): boolean {
  return constraints?.some((c) => c.constraint_type === type) ?? false;
}
