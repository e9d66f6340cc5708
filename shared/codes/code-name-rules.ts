import type { CodeConstraint } from '../domain/code-constraints';

/** What a lock requires of a code's name: Seam's `name_length` and `name_must_be_unique`, and the names already on it. */
export interface CodeNameRules {
  constraints?: readonly CodeConstraint[];
  /** Names of the other codes on this lock (managed and unmanaged), for `name_must_be_unique`. */
  existingNames?: readonly string[];
}

/** Rule a refused name breaks, as Seam names it. */
export type CodeNameRule = 'name_length' | 'name_must_be_unique';

/** Outcome of checking a name: fine, or the first rule it breaks, in words. */
export type CodeNameCheck = { ok: true } | { ok: false; rule: CodeNameRule; message: string };

/** Compares names the way a person reads them: outer spaces and letter case do not make a name different. */
const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Checks a code's name against the lock's name rules before anything is sent. Length counts characters as people
 * see them (an emoji is one). No name (null or blank) is only refused where the lock sets a minimum length.
 * Uniqueness ignores letter case and outer spaces — stricter than a lock may be, and never confusing on a list.
 */
export function checkCodeName(name: string | null | undefined, rules: CodeNameRules): CodeNameCheck {
  const trimmed = (name ?? '').trim();
  const length = [...trimmed].length;
  for (const constraint of rules.constraints ?? []) {
    if (constraint.constraint_type !== 'name_length') continue;
    const { min_length: min, max_length: max } = constraint;
    if (min !== undefined && length < min) {
      const message = length === 0 ? `This lock needs a name for each code (at least ${min} characters).` : `This lock needs names of at least ${min} characters; this one has ${length}.`;
      return { ok: false, rule: 'name_length', message };
    }
    if (max !== undefined && length > max) {
      return { ok: false, rule: 'name_length', message: `This lock takes names of at most ${max} characters; this one has ${length}.` };
    }
  }
  const mustBeUnique = rules.constraints?.some((c) => c.constraint_type === 'name_must_be_unique') ?? false;
  if (mustBeUnique && trimmed !== '' && (rules.existingNames ?? []).some((other) => sameName(other, trimmed))) {
    return { ok: false, rule: 'name_must_be_unique', message: `Another code on this lock is already called “${trimmed}”. Use a different name.` };
  }
  return { ok: true };
}
