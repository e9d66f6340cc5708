import { describe, expect, it } from 'vitest';
import { describeLockRules, pinHint } from './lock-rules';
import { sampleLock } from './testing/sample-data';

describe('lock rules', () => {
  it('describes lengths, characters and free slots', () => {
    expect(describeLockRules(sampleLock())).toEqual(['Length: 4–8 digits', 'Digits 0–9 only', '29 of 30 code slots free']);
    expect(describeLockRules(null)[0]).toMatch(/unknown/);
  });

  it('hints at the first broken rule while typing', () => {
    expect(pinHint('12', sampleLock())).toMatchObject({ rule: 'supported_code_lengths' });
    expect(pinHint('12a4', sampleLock())).toMatchObject({ rule: 'allowed_characters' });
    expect(pinHint('4829', sampleLock())).toBeNull();
    expect(pinHint('', sampleLock())).toBeNull();
  });
});
