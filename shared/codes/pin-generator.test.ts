import { describe, expect, it } from 'vitest';
import { PIN_CONSTRAINT_TYPES, type CodeConstraint, type PinConstraintType } from '../domain/code-constraints';
import { CodedError } from '../result';
import { checkPin, type PinRules } from './pin-rules';
import { generatePin, isGuessablePin, preferredLength } from './pin-generator';
import { pinWarnings } from './pin-warnings';

const base = { supportedCodeLengths: [4, 5, 6, 7, 8], pinCharset: 'digits' as const, existingPins: [] as string[] };
const constraints = (...types: PinConstraintType[]): CodeConstraint[] => types.map((constraint_type) => ({ constraint_type }));

/** Deterministic stand-in for other codes already on a lock: `count` PINs over `digits` with distinct first four. */
function existingPins(count: number, length: number, digits: string, seed = 7): string[] {
  let state = seed;
  const next = (max: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * max); // high bits: an LCG's low bits repeat quickly
  };
  const pins = new Map<string, string>();
  while (pins.size < count) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += digits[next(digits.length)];
    pins.set(pin.slice(0, 4), pin);
  }
  return [...pins.values()];
}

/** Generates `times` PINs and checks every one against the rules, the guessability rule and the warnings. */
function expectAllGenerated(rules: PinRules, times = 300, options: { length?: number; allowWarnings?: boolean } = {}): string[] {
  const pins: string[] = [];
  for (let i = 0; i < times; i++) {
    const pin = generatePin(rules);
    expect(checkPin(pin, rules, { isGenerated: true }), pin).toEqual({ ok: true });
    expect(isGuessablePin(pin), pin).toBe(false);
    if (!options.allowWarnings) expect(pinWarnings(pin), pin).toEqual([]);
    if (options.length !== undefined) expect(pin, pin).toHaveLength(options.length);
    pins.push(pin);
  }
  return pins;
}

describe('generatePin', () => {
  it('always satisfies the lock rules and is never guessable', () => {
    const rules = { supportedCodeLengths: [4, 5, 6, 7, 8], pinCharset: 'digits' as const, existingPins: [] as string[] };
    for (let i = 0; i < 500; i++) {
      const pin = generatePin(rules);
      expect(checkPin(pin, rules)).toEqual({ ok: true });
      expect(isGuessablePin(pin)).toBe(false);
      expect(pin).toHaveLength(6);
    }
  });

  it('avoids PINs already on the lock even when the random source keeps offering one', () => {
    const sequence = [...'482913', ...'482913', ...'175302'].map(Number);
    let i = 0;
    const pin = generatePin({ supportedCodeLengths: [6], pinCharset: 'digits', existingPins: ['482913'] }, () => sequence[i++]!);
    expect(pin).toBe('175302');
  });

  it('uses a length the lock takes when 6 is not one', () => {
    expect(preferredLength([4])).toBe(4);
    expect(preferredLength([4, 5])).toBe(5);
    expect(preferredLength([8, 10])).toBe(8);
    // A lock of unknown lengths: 6, until the lock has kept codes of another length only.
    expect(preferredLength([4, 5, 6, 7, 8, 9, 10])).toBe(6);
    expect(preferredLength([4, 5, 6, 7, 8, 9, 10], [8])).toBe(8);
    const pin = generatePin({ supportedCodeLengths: [4], pinCharset: 'digits', existingPins: [] });
    expect(pin).toMatch(/^\d{4}$/);
  });

  it.each(PIN_CONSTRAINT_TYPES.filter((t) => t !== 'pin_code_matches_existing_set'))('honours %s alone in 300 PINs of 6 digits', (type) => {
    expectAllGenerated({ ...base, constraints: constraints(type) }, 300, { length: 6 });
  });

  it.each(PIN_CONSTRAINT_TYPES.filter((t) => t !== 'pin_code_matches_existing_set'))('honours %s alone in 300 PINs on a 4-digit lock', (type) => {
    expectAllGenerated({ ...base, supportedCodeLengths: [4], constraints: constraints(type) }, 300, { length: 4 });
  });

  it('honours no_zeros + cannot_contain_089 + at_least_three_unique_digits + unique_first_four_digits beside 200 codes', () => {
    const rules: PinRules = {
      ...base,
      existingPins: existingPins(200, 6, '1234567'),
      constraints: constraints('no_zeros', 'cannot_contain_089', 'at_least_three_unique_digits', 'unique_first_four_digits'),
    };
    const pins = expectAllGenerated(rules, 300, { length: 6 });
    for (const pin of pins) expect(pin).toMatch(/^[1-7]{6}$/);
  });

  it('honours every shape rule at once on a 4-digit lock with 1–6 keys and 200 codes on it', () => {
    const rules: PinRules = {
      supportedCodeLengths: [4],
      pinCharset: 'digits',
      existingPins: existingPins(200, 4, '123456'),
      constraints: constraints(
        'no_zeros',
        'cannot_contain_0789',
        'cannot_start_with_12',
        'no_triple_consecutive_ints',
        'no_ascending_or_descending_sequence',
        'at_least_three_unique_digits',
        'no_all_same_digits',
        'unique_first_four_digits',
        'cannot_specify_pin_code',
      ),
    };
    expectAllGenerated(rules, 300, { length: 4 });
  });

  it('honours a Nuki-like lock (6 digits, no zeros, not starting 12) and a Tedee-like one', () => {
    expectAllGenerated({ ...base, supportedCodeLengths: [6], constraints: constraints('no_zeros', 'cannot_start_with_12') }, 300, { length: 6 });
    expectAllGenerated({ ...base, constraints: constraints('no_ascending_or_descending_sequence', 'at_least_three_unique_digits') }, 300, { length: 6 });
  });

  it('finds the last PIN left on a nearly full lock, where random draws alone would miss it', () => {
    const rules: PinRules = { supportedCodeLengths: [4], pinCharset: 'digits', existingPins: [], constraints: constraints('cannot_contain_0789', 'unique_first_four_digits') };
    const valid: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const pin = String(n).padStart(4, '0');
      if (checkPin(pin, rules, { isGenerated: true }).ok && !isGuessablePin(pin)) valid.push(pin);
    }
    const last = valid.find((pin) => pinWarnings(pin).length === 0)!;
    const full = { ...rules, existingPins: valid.filter((pin) => pin !== last) };
    expect(generatePin(full)).toBe(last);
  });

  it('takes a PIN with a warning rather than none, but never a guessable one', () => {
    const rules: PinRules = { supportedCodeLengths: [4], pinCharset: 'digits', existingPins: [], constraints: constraints('cannot_contain_0789') };
    const strong: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const pin = String(n).padStart(4, '0');
      if (checkPin(pin, rules, { isGenerated: true }).ok && pinWarnings(pin).length === 0) strong.push(pin);
    }
    const pin = generatePin({ ...rules, existingPins: strong });
    expect(checkPin(pin, { ...rules, existingPins: strong }, { isGenerated: true })).toEqual({ ok: true });
    expect(isGuessablePin(pin)).toBe(false);
    expect(pinWarnings(pin).length).toBeGreaterThan(0);
  });

  it('throws a coded error when no PIN fits', () => {
    const rules: PinRules = { supportedCodeLengths: [4], pinCharset: 'digits', existingPins: [], constraints: constraints('cannot_contain_0789', 'unique_first_four_digits') };
    const every: string[] = [];
    for (let n = 0; n < 10_000; n++) every.push(String(n).padStart(4, '0'));
    const full = { ...rules, existingPins: every };
    expect(() => generatePin(full)).toThrow(CodedError);
    expect(() => generatePin(full)).toThrow(/No PIN of 4 digits fits/);
    expect(() => generatePin({ ...base, supportedCodeLengths: [2], constraints: constraints('at_least_three_unique_digits') })).toThrow(CodedError);
  });

  it('picks from the account set on a pin_code_matches_existing_set lock, skipping ones that break the rules', () => {
    const rules: PinRules = {
      ...base,
      existingPins: ['640271'],
      allowedPins: ['583917', '640271', '1111', '902'],
      constraints: constraints('pin_code_matches_existing_set'),
    };
    for (let i = 0; i < 50; i++) expect(generatePin(rules)).toBe('583917');
    expect(() => generatePin({ ...rules, allowedPins: ['640271'] })).toThrow(/None of the account/);
    try {
      generatePin({ ...rules, allowedPins: undefined });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'pin_code_matches_existing_set' } });
    }
  });
});

describe('isGuessablePin', () => {
  it('flags repeated digits and straight runs', () => {
    expect(isGuessablePin('0000')).toBe(true);
    expect(isGuessablePin('123456')).toBe(true);
    expect(isGuessablePin('9876')).toBe(true);
    expect(isGuessablePin('135790')).toBe(false);
  });
});
