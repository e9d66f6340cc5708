import { describe, expect, it } from 'vitest';
import { checkPin, describeLengths } from './pin-rules';

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
