import { hasConstraint } from '../domain/code-constraints';
import { CodedError } from '../result';
import { FORBIDDEN_DIGITS, isStraightSequence, tripleRun } from './pin-constraints';
import { checkPin, describeLengths, usableLengths, ZWAVE_CODE_LENGTHS, type PinRules } from './pin-rules';
import { pinWarnings } from './pin-warnings';

/** A source of uniform random integers in [0, max): crypto by default, injectable for tests. */
export type RandomInt = (max: number) => number;

/** Uniform random integer from Web Crypto (present in browsers and Node 20), without modulo bias. */
export const cryptoRandomInt: RandomInt = (max) => {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
};

/** True for PINs a passer-by would try first: all one digit, or a straight run up or down (1234, 9876). */
export function isGuessablePin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  if (pin.length < 2 || /^(\d)\1+$/.test(pin)) return true;
  return isStraightSequence(pin);
}

/** The length a generated PIN gets: 6 where the lock takes it (hard to guess, easy to type), else the nearest. */
export function preferredLength(lengths: readonly number[], provenLengths: readonly number[] = []): number {
  return lengthsByPreference(lengths, provenLengths)[0]!;
}

/**
 * The lock's lengths, best first: those it has proven it keeps, then the others; within each, 6, then the nearest
 * to 6, the longer one on a tie. A lock whose lengths are unknown thus gets 6 digits until it shows otherwise.
 */
function lengthsByPreference(lengths: readonly number[], provenLengths: readonly number[] = []): number[] {
  const usable = lengths.length > 0 ? lengths : ZWAVE_CODE_LENGTHS;
  const isProven = (n: number): number => (provenLengths.includes(n) ? 0 : 1);
  return [...usable].sort((a, b) => isProven(a) - isProven(b) || Math.abs(a - 6) - Math.abs(b - 6) || b - a);
}

/** Random draws per length before the exhaustive search takes over: plenty unless the rules leave few PINs. */
const SAMPLES_PER_LENGTH = 300;
/** Upper bound on PINs the exhaustive search looks at per length (a 6-digit space is 10⁶). */
const SEARCH_BUDGET = 1_100_000;

/**
 * Generates a digits-only PIN that passes every rule of the lock (Seam constraints included) and is not guessable.
 * Digits work on every keypad, so they are used even where a lock also takes letters.
 *
 *   lengths (proven first, 6 first) ─► random draws from the allowed digits ─► exhaustive search in random order ─► next length
 *   first pass: no weak-PIN warning at all; second pass: merely not guessable (all one digit, straight run)
 *
 * A random draw is uniform over the PINs that pass; the search only runs when draws keep failing (a nearly full
 * 4-digit lock). On a `pin_code_matches_existing_set` lock it picks from `allowedPins` instead of inventing one.
 * Throws a CodedError('codes.constraint_violated') naming why when no PIN fits.
 */
export function generatePin(rules: PinRules, randomInt: RandomInt = cryptoRandomInt): string {
  if (hasConstraint(rules.constraints, 'pin_code_matches_existing_set')) return pickFromAllowedSet(rules, randomInt);
  const alphabet = allowedDigits(rules);
  for (const isStrict of [true, false]) {
    const isAcceptable = (pin: string): boolean =>
      checkPin(pin, rules, { isGenerated: true }).ok && !isGuessablePin(pin) && (!isStrict || pinWarnings(pin).length === 0);
    for (const length of lengthsByPreference(rules.supportedCodeLengths, rules.provenLengths)) {
      for (let attempt = 0; attempt < SAMPLES_PER_LENGTH; attempt++) {
        let pin = '';
        for (let i = 0; i < length; i++) pin += alphabet[randomInt(alphabet.length)];
        if (isAcceptable(pin)) return pin;
      }
      const found = search(length, alphabet, rules, isAcceptable, randomInt);
      if (found !== null) return found;
    }
  }
  throw new CodedError(
    'codes.constraint_violated',
    `No PIN of ${describeLengths(usableLengths(rules), 'digits')} fits all of this lock's rules and the codes already on it. Remove an unused code, then generate again.`,
  );
}

/** Digits the lock's keypad and constraints allow. */
function allowedDigits(rules: PinRules): string {
  const banned = (rules.constraints ?? []).map((c) => FORBIDDEN_DIGITS[c.constraint_type as keyof typeof FORBIDDEN_DIGITS] ?? '').join('');
  return [...'0123456789'].filter((d) => !banned.includes(d)).join('');
}

/** For a lock whose PINs must come from the account's set: a random allowed one that passes, weak ones last. */
function pickFromAllowedSet(rules: PinRules, randomInt: RandomInt): string {
  const passing = (rules.allowedPins ?? []).filter((pin) => checkPin(pin, rules, { isGenerated: true }).ok && !isGuessablePin(pin));
  const strong = passing.filter((pin) => pinWarnings(pin).length === 0);
  const pool = strong.length > 0 ? strong : passing;
  if (pool.length === 0) {
    throw new CodedError(
      'codes.constraint_violated',
      rules.allowedPins?.length
        ? 'None of the account’s existing PINs can go on this lock (they break its rules or are already on it).'
        : 'This lock only takes PINs already used in the account, and none are known here yet. Sync, then try again.',
      { rule: 'pin_code_matches_existing_set' },
    );
  }
  return pool[randomInt(pool.length)]!;
}

/** True when no PIN starting with this prefix can pass: the prefix rules that do not need the whole PIN. */
function isDeadPrefix(prefix: string, rules: PinRules): boolean {
  const has = (type: Parameters<typeof hasConstraint>[1]): boolean => hasConstraint(rules.constraints, type);
  if (has('cannot_start_with_12') && prefix.startsWith('12')) return true;
  if (has('no_triple_consecutive_ints') && tripleRun(prefix) !== null) return true;
  if (has('unique_first_four_digits') && prefix.length <= 4) {
    if (new Set(prefix).size < prefix.length) return true;
    if (prefix.length === 4 && rules.existingPins.some((p) => p.startsWith(prefix))) return true;
  }
  return false;
}

/** Depth-first search over PINs of one length, digits tried in random order, pruning dead prefixes. */
function search(length: number, alphabet: string, rules: PinRules, isAcceptable: (pin: string) => boolean, randomInt: RandomInt): string | null {
  let budget = SEARCH_BUDGET;
  const visit = (prefix: string): string | null => {
    if (budget-- <= 0 || isDeadPrefix(prefix, rules)) return null;
    if (prefix.length === length) return isAcceptable(prefix) ? prefix : null;
    const order = [...alphabet];
    for (let i = order.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const digit of order) {
      const found = visit(prefix + digit);
      if (found !== null) return found;
    }
    return null;
  };
  return visit('');
}
