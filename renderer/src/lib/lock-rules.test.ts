import { describe, expect, it } from 'vitest';
import { describeLockRules, pinHint, pinWarning } from './lock-rules';
import { sampleLock } from './testing/sample-data';

describe('lock rules', () => {
  it('describes lengths, characters and free slots', () => {
    expect(describeLockRules(sampleLock())).toEqual(['Length: 4–8 digits', 'Digits 0–9 only', '29 of 30 code slots free']);
    expect(describeLockRules(null)[0]).toMatch(/unknown/);
  });

  it('says when the lock has not confirmed its lengths, and counts its reserved slots out', () => {
    const yale = sampleLock({
      supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10],
      codeLengthsSource: 'unknown',
      slotCount: 251,
      reservedSlots: [{ slot: 251, reason: "the lock's admin (master) code" }],
      occupiedSlots: [1, 251],
    });
    expect(describeLockRules(yale)).toEqual(['Length: 4–10 digits allowed, not confirmed by the lock (6 digits is the safe choice)', 'Digits 0–9 only', '249 of 250 code slots free']);
  });

  it('names the lock setting when a PIN has the wrong length for it', () => {
    const schlage = sampleLock({ supportedCodeLengths: [6], codeLengthsSource: 'lock_setting', codeLengthsNote: 'the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6' });
    expect(pinHint('4829', schlage)?.message).toContain('"User Code PIN Length" setting');
  });

  it('hints at the first broken rule while typing', () => {
    expect(pinHint('12', sampleLock())).toMatchObject({ rule: 'supported_code_lengths' });
    expect(pinHint('12a4', sampleLock())).toMatchObject({ rule: 'allowed_characters' });
    expect(pinHint('4829', sampleLock())).toBeNull();
    expect(pinHint('', sampleLock())).toBeNull();
  });

  it('names the lock constraints and warns about weak PINs without refusing them', () => {
    const lock = sampleLock({ codeConstraints: [{ constraint_type: 'no_zeros' }] });
    expect(describeLockRules(lock)).toContain('Rule: no 0');
    expect(pinHint('1020', lock)).toMatchObject({ rule: 'no_zeros' });
    expect(pinWarning('1234')).toBeTruthy();
    expect(pinWarning('4829')).toBeNull();
  });
});
