import type { PinConstraintType } from '../domain/code-constraints';

/**
 * The shape rules from Seam's `code_constraints`: each judges a PIN on its own, without the lock's other codes.
 * Listed in the order checkPin tries them, most specific first, so 1111 is refused as "all the same digit" rather
 * than "fewer than three different digits", and 1234 as "a counting sequence" rather than "three in a row".
 * Wording in quotes is Seam's ("Understanding Code Constraints").
 */
export interface ShapeRule {
  type: PinConstraintType;
  /** True when the PIN breaks the rule. */
  isBroken: (pin: string) => boolean;
  /** What to tell the installer, with the PIN's own offending part where that helps. */
  message: (pin: string) => string;
}

/** Each step between neighbouring digits (NaN where a character is not a digit). */
function steps(pin: string): number[] {
  const digits = [...pin].map((c) => (/\d/.test(c) ? Number(c) : Number.NaN));
  return digits.slice(1).map((d, i) => d - digits[i]!);
}

/** First run of three characters counting up, counting down or repeating (123, 987, 555), or null. */
export function tripleRun(pin: string): string | null {
  const s = steps(pin);
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] === s[i + 1] && (s[i] === 1 || s[i] === -1 || s[i] === 0)) return pin.slice(i, i + 3);
  }
  return null;
}

/** True when the whole PIN counts up or down by one (1234, 98765); no wrap from 9 to 0. */
export function isStraightSequence(pin: string): boolean {
  const s = steps(pin);
  return s.length > 0 && (s.every((d) => d === 1) || s.every((d) => d === -1));
}

/** The characters a rule forbids, in words for the installer. */
function forbidden(pin: string, chars: string): string {
  return [...new Set([...pin].filter((c) => chars.includes(c)))].join(', ');
}

/** Digits a cylinder or keypad without them cannot type, per constraint. */
export const FORBIDDEN_DIGITS: Partial<Record<PinConstraintType, string>> = {
  no_zeros: '0',
  cannot_contain_089: '089',
  cannot_contain_0789: '0789',
};

/** The shape rules, in checking order. */
export const SHAPE_RULES: readonly ShapeRule[] = [
  {
    // "Cannot use 0s as digits in the PIN code."
    type: 'no_zeros',
    isBroken: (pin) => pin.includes('0'),
    message: () => 'This lock does not take the digit 0. Use 1–9 only.',
  },
  {
    // "PIN code cannot contain the digits 0, 7, 8, or 9" (e.g. a cylinder whose keypad has 1 to 6).
    type: 'cannot_contain_0789',
    isBroken: (pin) => /[0789]/.test(pin),
    message: (pin) => `This lock's keypad has only the digits 1–6; this PIN uses ${forbidden(pin, '0789')}.`,
  },
  {
    // "PIN code cannot contain the digits 0, 8, or 9" (e.g. a cylinder whose keypad has 1 to 7).
    type: 'cannot_contain_089',
    isBroken: (pin) => /[089]/.test(pin),
    message: (pin) => `This lock's keypad has only the digits 1–7; this PIN uses ${forbidden(pin, '089')}.`,
  },
  {
    // "PIN code cannot start with the sequence of digits 12."
    type: 'cannot_start_with_12',
    isBroken: (pin) => pin.startsWith('12'),
    message: () => 'This lock does not take PINs that start with 12.',
  },
  {
    // "PIN code cannot consist entirely of the same repeated digit (for example, 1111 is invalid)."
    type: 'no_all_same_digits',
    isBroken: (pin) => pin.length > 1 && /^(.)\1+$/.test(pin),
    message: () => 'This lock does not take a PIN of one digit repeated (like 1111).',
  },
  {
    // "PIN code cannot consist of a sequence of consecutive digits." Up or down, as the name says.
    type: 'no_ascending_or_descending_sequence',
    isBroken: isStraightSequence,
    message: () => 'This lock does not take a PIN that counts up or down (like 1234 or 4321).',
  },
  {
    // "No more than three digits in a row can be consecutive or the same": any three in a row that count up,
    // count down or repeat are refused (the constraint's name says "triple"; the stricter reading is the safe one).
    type: 'no_triple_consecutive_ints',
    isBroken: (pin) => tripleRun(pin) !== null,
    message: (pin) =>
      `This lock does not take three digits in a row that count up, count down or repeat (this PIN has ${tripleRun(pin)}).`,
  },
  {
    // "PIN code must contain at least three unique digits."
    type: 'at_least_three_unique_digits',
    isBroken: (pin) => new Set(pin).size < 3,
    message: () => 'This lock needs at least three different digits in the PIN.',
  },
  {
    // "The first four digits of the PIN code must all be distinct."
    type: 'unique_first_four_digits',
    isBroken: (pin) => new Set(pin.slice(0, 4)).size < Math.min(4, pin.length),
    message: (pin) => `The first four digits must all be different on this lock (this PIN starts ${pin.slice(0, 4)}).`,
  },
];
