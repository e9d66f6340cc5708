import { hasConstraint, type CodeConstraint, type PinConstraintType } from '../domain/code-constraints';
import type { PinCharset } from '../domain/lock';
import { SHAPE_RULES } from './pin-constraints';

/** The lock's rules a PIN must satisfy, taken from its profile and the codes already on it. */
export interface PinRules {
  /** Lengths the lock accepts (ascending); empty means unknown, and the Z-Wave range 4–10 applies. */
  supportedCodeLengths: readonly number[];
  /**
   * Where the lengths come from, in words ("the lock's "User Code PIN Length" setting is 6 (configuration parameter
   * 16)"): named when a PIN of another length is refused. From the profile's `codeLengthsNote`.
   */
  lengthsNote?: string | null;
  /** Lengths the lock has shown it keeps: generatePin tries these first (see learned-lengths.ts). */
  provenLengths?: readonly number[];
  pinCharset: PinCharset;
  /** PINs already on this lock (managed and unmanaged); a PIN may not repeat one. */
  existingPins: readonly string[];
  /** Seam's `code_constraints` for this lock; absent or empty means none beyond length, characters and duplicates. */
  constraints?: readonly CodeConstraint[];
  /**
   * For `pin_code_matches_existing_set`: the PINs the account already uses (e.g. a user's code) that this lock's
   * codes must match. Without it such a lock refuses every PIN, saying it must come from that set.
   */
  allowedPins?: readonly string[];
}

/** How a PIN came about: only generated PINs pass `cannot_specify_pin_code`. */
export interface PinOrigin {
  /** True when the PIN came from generatePin, not from the installer. */
  isGenerated?: boolean;
}

/** Rule names, as shown to the installer and carried in `details.rule`. Seam's names where Seam has one. */
export type PinRule = 'supported_code_lengths' | 'allowed_characters' | 'duplicate_code_on_device' | PinConstraintType;

/** Outcome of checking a PIN: fine, or the first rule it breaks, in words. */
export type PinCheck = { ok: true } | { ok: false; rule: PinRule; message: string };

/** Z-Wave User Code CC allows 4–10 characters; used when the lock does not say. */
export const ZWAVE_CODE_LENGTHS: readonly number[] = [4, 5, 6, 7, 8, 9, 10];

/** Describes accepted lengths for people: "4–8 digits", "4 or 6 digits". */
export function describeLengths(lengths: readonly number[], charset: PinCharset): string {
  const unit = charset === 'digits' ? 'digits' : 'characters';
  if (lengths.length === 0) return `4–10 ${unit}`;
  const sorted = [...lengths].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const isRange = last - first + 1 === sorted.length;
  if (first === last) return `${first} ${unit}`;
  if (isRange) return `${first}–${last} ${unit}`;
  return `${sorted.slice(0, -1).join(', ')} or ${last} ${unit}`;
}

/** The lengths a PIN may have on this lock: its own list, or the Z-Wave range when it does not say. */
export function usableLengths(rules: Pick<PinRules, 'supportedCodeLengths'>): readonly number[] {
  return rules.supportedCodeLengths.length > 0 ? rules.supportedCodeLengths : ZWAVE_CODE_LENGTHS;
}

/** The PIN constraint types this lock has, as a set. */
function constraintTypes(rules: PinRules): Set<string> {
  return new Set((rules.constraints ?? []).map((c) => c.constraint_type));
}

/** False when the lock makes its own PINs (`cannot_specify_pin_code`): the UI then offers Generate only. */
export function canChoosePin(constraints: readonly CodeConstraint[] | undefined): boolean {
  return !hasConstraint(constraints, 'cannot_specify_pin_code');
}

/**
 * Checks a PIN against the lock's rules before anything is sent, naming the first rule it breaks.
 * Order matters for the message:
 *
 *   may the installer choose at all? → characters → length → shape (Seam constraints, see SHAPE_RULES)
 *     → one of the allowed set? → already on the lock? → first four digits shared with a code on the lock?
 *
 * Pass `{ isGenerated: true }` for a PIN from generatePin; a chosen PIN is refused on a `cannot_specify_pin_code` lock.
 */
export function checkPin(pin: string, rules: PinRules, origin: PinOrigin = {}): PinCheck {
  const types = constraintTypes(rules);
  if (types.has('cannot_specify_pin_code') && !origin.isGenerated) {
    return {
      ok: false,
      rule: 'cannot_specify_pin_code',
      message: 'This lock does not let you choose the PIN. Leave it empty and press Generate.',
    };
  }
  const lengths = usableLengths(rules);
  const allowed = rules.pinCharset === 'digits' ? /^\d+$/ : /^[\x21-\x7e]+$/;
  if (!allowed.test(pin)) {
    const what = rules.pinCharset === 'digits' ? 'digits 0–9 only' : 'printable characters only';
    return { ok: false, rule: 'allowed_characters', message: `This lock takes ${what}.` };
  }
  if (!lengths.includes(pin.length)) {
    const why = rules.lengthsNote ? ` (${rules.lengthsNote})` : '';
    return {
      ok: false,
      rule: 'supported_code_lengths',
      message: `This lock takes PINs of ${describeLengths(lengths, rules.pinCharset)}${why}; this one has ${pin.length}.`,
    };
  }
  for (const shape of SHAPE_RULES) {
    if (types.has(shape.type) && shape.isBroken(pin)) return { ok: false, rule: shape.type, message: shape.message(pin) };
  }
  if (types.has('pin_code_matches_existing_set') && !(rules.allowedPins ?? []).includes(pin)) {
    return {
      ok: false,
      rule: 'pin_code_matches_existing_set',
      message: rules.allowedPins?.length
        ? 'This lock only takes PINs already used in the account (for example the person’s own code). Pick one of those.'
        : 'This lock only takes PINs already used in the account, and none are known here yet. Sync, then pick one of those.',
    };
  }
  if (rules.existingPins.includes(pin)) {
    return { ok: false, rule: 'duplicate_code_on_device', message: 'This PIN is already on this lock. Choose another.' };
  }
  if (types.has('unique_first_four_digits')) {
    const prefix = pin.slice(0, 4);
    if (rules.existingPins.some((other) => other.slice(0, 4) === prefix)) {
      return {
        ok: false,
        rule: 'unique_first_four_digits',
        message: `Another code on this lock also starts ${prefix}; on this lock the first four digits must differ from every other code's.`,
      };
    }
  }
  return { ok: true };
}
