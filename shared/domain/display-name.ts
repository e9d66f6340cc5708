import { z } from 'zod';

/**
 * Names people type (sites, doors, codes) end up on screens, in reports and in file names, so they must be plain
 * text: no control characters (C0/C1, incl. newline and tab), no text-direction overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069: they can make "Flat 12" render as "21 talF" or hide part of a name), no lone surrogates (not text at
 * all), and something visible (a name of only spaces, zero-width or other invisible characters is no name).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const DIRECTION_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/u;
/** Separators, format characters (zero-width space/joiners, BOM…), and other code points that draw nothing. */
const INVISIBLE = /[\p{Z}\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a name is not plain visible text, in words naming the problem; null when it is fine (blank counts as fine here). */
export function nameProblem(name: string): string | null {
  if (LONE_SURROGATE.test(name)) return 'has a broken character (a lone surrogate)';
  if (CONTROL.test(name)) return 'has a control character (such as a line break or tab)';
  if (DIRECTION_OVERRIDE.test(name)) return 'has a text-direction override character, which can disguise what it says';
  if (name.length > 0 && name.replace(INVISIBLE, '') === '') return 'has only invisible characters';
  return null;
}

/** A trimmed name of `min`–`max` characters that is plain visible text (see nameProblem). */
export function displayNameSchema(options: { min: number; max: number; what: string }) {
  return z
    .string()
    .trim()
    .min(options.min, `${options.what} is empty`)
    .max(options.max, `${options.what} is longer than ${options.max} characters`)
    .superRefine((value, ctx) => {
      const problem = nameProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${options.what} ${problem}` });
    });
}

/** A site's or door's name. */
export const placeNameSchema = displayNameSchema({ min: 1, max: 80, what: 'name' });
