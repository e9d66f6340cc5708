import { describe, expect, it } from 'vitest';
import { sampleLockProfile } from '../testing/samples';
import { isLengthUnproven, NOTHING_LEARNED, pinLengthRules, recordLengthOutcome, withLearnedLengths } from './learned-lengths';
import { checkPin } from './pin-rules';
import { generatePin } from './pin-generator';

const unknownLock = sampleLockProfile({ supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10], codeLengthsSource: 'unknown', codeLengthsNote: null });
const schlage = sampleLockProfile({ supportedCodeLengths: [6], codeLengthsSource: 'lock_setting', codeLengthsNote: 'the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6' });

describe('recordLengthOutcome', () => {
  it('records a refusal once, and an acceptance clears an earlier refusal', () => {
    const refused = recordLengthOutcome(NOTHING_LEARNED, 4, false);
    expect(refused).toEqual({ acceptedLengths: [], refusedLengths: [4] });
    expect(recordLengthOutcome(refused, 4, false)).toEqual(refused);
    expect(recordLengthOutcome(refused, 4, true)).toEqual({ acceptedLengths: [4], refusedLengths: [] });
  });

  it('keeps an accepted length accepted when a later code of that length fails for another reason', () => {
    const accepted = recordLengthOutcome(NOTHING_LEARNED, 6, true);
    expect(recordLengthOutcome(accepted, 6, false)).toEqual({ acceptedLengths: [6], refusedLengths: [] });
  });

  it('keeps the lists sorted and never changes its input', () => {
    const before = { acceptedLengths: [8], refusedLengths: [9] };
    const after = recordLengthOutcome(recordLengthOutcome(before, 5, true), 4, false);
    expect(after).toEqual({ acceptedLengths: [5, 8], refusedLengths: [4, 9] });
    expect(before).toEqual({ acceptedLengths: [8], refusedLengths: [9] });
  });
});

describe('isLengthUnproven', () => {
  it('is true on a lock of unknown lengths until the lock has kept a code of that length', () => {
    expect(isLengthUnproven(unknownLock, NOTHING_LEARNED, 6)).toBe(true);
    expect(isLengthUnproven(unknownLock, { acceptedLengths: [6], refusedLengths: [] }, 6)).toBe(false);
    expect(isLengthUnproven(withLearnedLengths(unknownLock, { acceptedLengths: [6], refusedLengths: [] }), { acceptedLengths: [6], refusedLengths: [] }, 7)).toBe(true);
  });

  it('is false when the lock or its device file says its lengths', () => {
    expect(isLengthUnproven(schlage, NOTHING_LEARNED, 6)).toBe(false);
    expect(isLengthUnproven({ codeLengthsSource: 'device_file' }, NOTHING_LEARNED, 4)).toBe(false);
  });
});

describe('withLearnedLengths', () => {
  it('takes refused lengths out of an unknown lock and says what the lock showed', () => {
    const merged = withLearnedLengths(unknownLock, { acceptedLengths: [6], refusedLengths: [4, 5] });
    expect(merged).toMatchObject({ supportedCodeLengths: [6, 7, 8, 9, 10], codeLengthsSource: 'learned' });
    expect(merged.codeLengthsNote).toBe('learned from this lock: kept 6-digit PINs; refused 4 or 5-digit PINs');
  });

  it('leaves a lock alone when nothing was learned, or when its lengths are known', () => {
    expect(withLearnedLengths(unknownLock, NOTHING_LEARNED)).toBe(unknownLock);
    expect(withLearnedLengths(schlage, { acceptedLengths: [], refusedLengths: [6] })).toBe(schlage);
  });
});

describe('PIN rules from a profile and what was learned', () => {
  it('a Schlage set to 6 refuses a 4-digit PIN, naming the lock setting', () => {
    const check = checkPin('4829', { ...pinLengthRules(schlage, NOTHING_LEARNED), pinCharset: 'digits', existingPins: [] });
    expect(check).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
    expect(!check.ok && check.message).toBe('This lock takes PINs of 6 digits (the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6); this one has 4.');
  });

  it('a length the lock refused is refused before sending, saying what was learned', () => {
    const rules = { ...pinLengthRules(unknownLock, { acceptedLengths: [], refusedLengths: [4] }), pinCharset: 'digits' as const, existingPins: [] };
    const check = checkPin('4829', rules);
    expect(check).toMatchObject({ ok: false, rule: 'supported_code_lengths' });
    expect(!check.ok && check.message).toContain('refused 4-digit PINs');
    expect(checkPin('48291', rules)).toEqual({ ok: true });
  });

  it('generates 6 digits for a lock of unknown lengths, and a proven length first once the lock has shown one', () => {
    const base = { pinCharset: 'digits' as const, existingPins: [] };
    expect(generatePin({ ...pinLengthRules(unknownLock, NOTHING_LEARNED), ...base })).toHaveLength(6);
    expect(generatePin({ ...pinLengthRules(unknownLock, { acceptedLengths: [8], refusedLengths: [6] }), ...base })).toHaveLength(8);
    expect(generatePin({ ...pinLengthRules(schlage, NOTHING_LEARNED), ...base })).toHaveLength(6);
  });
});
