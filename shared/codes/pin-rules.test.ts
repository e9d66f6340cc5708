import { describe, expect, it } from 'vitest';
import type { PinConstraintType } from '../domain/code-constraints';
import { canChoosePin, checkPin, describeLengths, type PinRules } from './pin-rules';

const digits4to8 = { supportedCodeLengths: [4, 5, 6, 7, 8], pinCharset: 'digits' as const, existingPins: ['482913'] };

describe('checkPin', () => {
  it('accepts a PIN within the lock rules', () => {
    expect(checkPin('5071', digits4to8)).toEqual({ ok: true });
    expect(checkPin('50712938', digits4to8)).toEqual({ ok: true });
  });

  it('refuses a PIN of the wrong length, naming the lengths the lock takes', () => {
    const short = checkPin('123', digits4to8);
    expect(short).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
    expect(!short.ok && short.message).toContain('4–8 digits');
    expect(checkPin('123456789', digits4to8)).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
  });

  it('names where the lengths come from when refusing one (a lock setting, the device file)', () => {
    const schlage = { ...digits4to8, supportedCodeLengths: [6], lengthsNote: 'the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6' };
    const check = checkPin('4829', schlage);
    expect(check).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
    expect(!check.ok && check.message).toBe('This lock takes PINs of 6 digits (the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6); this one has 4.');
  });

  it('refuses letters on a digits-only keypad before checking length', () => {
    expect(checkPin('12a', digits4to8)).toMatchObject({ ok: false, rule: 'allowed_characters' });
    expect(checkPin('12 34', digits4to8)).toMatchObject({ ok: false, rule: 'allowed_characters' });
  });

  it('takes letters where the lock accepts ASCII', () => {
    expect(checkPin('ab12', { ...digits4to8, pinCharset: 'ascii' })).toEqual({ ok: true });
  });

  it('refuses a PIN already on the lock', () => {
    expect(checkPin('482913', digits4to8)).toMatchObject({ ok: false, rule: 'duplicate_code_on_device' });
  });

  it('falls back to the Z-Wave range 4–10 when the lock does not say', () => {
    const rules = { supportedCodeLengths: [], pinCharset: 'digits' as const, existingPins: [] };
    expect(checkPin('1234567890', rules)).toEqual({ ok: true });
    expect(checkPin('12345678901', rules)).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
  });
});

describe('describeLengths', () => {
  it('describes ranges, single lengths and gaps', () => {
    expect(describeLengths([4, 5, 6], 'digits')).toBe('4–6 digits');
    expect(describeLengths([6], 'digits')).toBe('6 digits');
    expect(describeLengths([6, 4], 'ascii')).toBe('4 or 6 characters');
  });
});

describe('checkPin with Seam code constraints', () => {
  const withConstraint = (type: PinConstraintType, extra: Partial<PinRules> = {}): PinRules => ({
    supportedCodeLengths: [4, 5, 6, 7, 8],
    pinCharset: 'digits',
    existingPins: [],
    constraints: [{ constraint_type: type }],
    ...extra,
  });

  // One PIN the rule lets through and one it refuses, per constraint type.
  const cases: Array<[PinConstraintType, string, string]> = [
    ['no_zeros', '583917', '583907'],
    ['cannot_contain_089', '527361', '527381'],
    ['cannot_contain_089', '527361', '527391'],
    ['cannot_contain_0789', '524361', '524371'],
    ['cannot_start_with_12', '213579', '125793'],
    ['no_all_same_digits', '777778', '777777'],
    ['no_ascending_or_descending_sequence', '123457', '123456'],
    ['no_ascending_or_descending_sequence', '654320', '654321'],
    ['no_triple_consecutive_ints', '124578', '582346'],
    ['no_triple_consecutive_ints', '124578', '587651'],
    ['no_triple_consecutive_ints', '114577', '581117'],
    ['at_least_three_unique_digits', '112133', '112122'],
    ['unique_first_four_digits', '51735173', '51755173'],
  ];

  it.each(cases)('%s: lets %s through and refuses %s, naming the rule', (type, good, bad) => {
    const rules = withConstraint(type);
    expect(checkPin(good, rules)).toEqual({ ok: true });
    const refused = checkPin(bad, rules);
    expect(refused).toMatchObject({ ok: false, rule: type });
    expect(!refused.ok && refused.message.length).toBeGreaterThan(10);
  });

  it('says which digits the keypad lacks', () => {
    const refused = checkPin('527981', withConstraint('cannot_contain_089'));
    expect(!refused.ok && refused.message).toContain('9, 8');
    expect(!refused.ok && refused.message).toContain('1–7');
  });

  it('names the run of three it found', () => {
    const refused = checkPin('581117', withConstraint('no_triple_consecutive_ints'));
    expect(!refused.ok && refused.message).toContain('111');
  });

  it('ignores a rule the lock does not have', () => {
    expect(checkPin('102030', digits4to8)).toEqual({ ok: true });
    expect(checkPin('1111', digits4to8)).toEqual({ ok: true });
  });

  it('names the most specific rule first when several are broken', () => {
    const all: PinRules = {
      ...digits4to8,
      constraints: [
        { constraint_type: 'at_least_three_unique_digits' },
        { constraint_type: 'no_triple_consecutive_ints' },
        { constraint_type: 'no_all_same_digits' },
        { constraint_type: 'no_ascending_or_descending_sequence' },
      ],
    };
    expect(checkPin('1111', all)).toMatchObject({ rule: 'no_all_same_digits' });
    expect(checkPin('1234', all)).toMatchObject({ rule: 'no_ascending_or_descending_sequence' });
    expect(checkPin('91234', all)).toMatchObject({ rule: 'no_triple_consecutive_ints' });
    expect(checkPin('1121', all)).toMatchObject({ rule: 'at_least_three_unique_digits' });
  });

  it('checks characters and length before the shape rules', () => {
    const rules = withConstraint('no_zeros');
    expect(checkPin('10a', rules)).toMatchObject({ rule: 'allowed_characters' });
    expect(checkPin('100', rules)).toMatchObject({ rule: 'supported_code_lengths' });
  });

  it('unique_first_four_digits: also refuses a PIN that starts like another code on the lock', () => {
    const rules = withConstraint('unique_first_four_digits', { existingPins: ['482913', '7306'] });
    expect(checkPin('482975', rules)).toMatchObject({ ok: false, rule: 'unique_first_four_digits' });
    expect(checkPin('73064', rules)).toMatchObject({ ok: false, rule: 'unique_first_four_digits' });
    expect(checkPin('482913', rules)).toMatchObject({ ok: false, rule: 'duplicate_code_on_device' });
    expect(checkPin('481923', rules)).toEqual({ ok: true });
  });

  it('cannot_specify_pin_code: refuses a chosen PIN, takes a generated one', () => {
    const rules = withConstraint('cannot_specify_pin_code');
    expect(checkPin('583917', rules)).toMatchObject({ ok: false, rule: 'cannot_specify_pin_code' });
    expect(checkPin('583917', rules, { isGenerated: true })).toEqual({ ok: true });
    expect(checkPin('583', rules, { isGenerated: true })).toMatchObject({ rule: 'supported_code_lengths' });
    expect(canChoosePin(rules.constraints)).toBe(false);
    expect(canChoosePin(undefined)).toBe(true);
    expect(canChoosePin([{ constraint_type: 'no_zeros' }])).toBe(true);
  });

  it('pin_code_matches_existing_set: only PINs from the set, and says so when the set is unknown', () => {
    const rules = withConstraint('pin_code_matches_existing_set', { allowedPins: ['583917', '640271'] });
    expect(checkPin('583917', rules)).toEqual({ ok: true });
    expect(checkPin('583918', rules)).toMatchObject({ ok: false, rule: 'pin_code_matches_existing_set' });
    const unknown = checkPin('583917', withConstraint('pin_code_matches_existing_set'));
    expect(unknown).toMatchObject({ ok: false, rule: 'pin_code_matches_existing_set' });
    expect(!unknown.ok && unknown.message).toContain('none are known');
    expect(checkPin('583917', { ...rules, existingPins: ['583917'] })).toMatchObject({ rule: 'duplicate_code_on_device' });
  });

  it('leaves schedule and name constraints to their own checks', () => {
    const rules: PinRules = {
      ...digits4to8,
      constraints: [{ constraint_type: 'start_date_in_future' }, { constraint_type: 'name_length', max_length: 2 }, { constraint_type: 'name_must_be_unique' }],
    };
    expect(checkPin('5071', rules)).toEqual({ ok: true });
  });
});
