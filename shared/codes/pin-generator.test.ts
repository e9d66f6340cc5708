import { describe, expect, it } from 'vitest';
import { checkPin } from './pin-rules';
import { generatePin, isGuessablePin, preferredLength } from './pin-generator';

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
    const pin = generatePin({ supportedCodeLengths: [4], pinCharset: 'digits', existingPins: [] });
    expect(pin).toMatch(/^\d{4}$/);
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
