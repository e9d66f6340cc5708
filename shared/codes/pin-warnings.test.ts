import { describe, expect, it } from 'vitest';
import { pinWarnings, type PinWarningKind } from './pin-warnings';

const kinds = (pin: string): PinWarningKind[] => pinWarnings(pin).map((w) => w.warning);

describe('pinWarnings', () => {
  it('has nothing to say about a random-looking PIN', () => {
    for (const pin of ['583917', '640271', '4829', '175302', '38572946']) expect(pinWarnings(pin), pin).toEqual([]);
  });

  it('common_pin: the PINs people try first, keypad column 2580 included', () => {
    for (const pin of ['1234', '0000', '1111', '1212', '2580', '6969', '123456', '147258']) expect(kinds(pin), pin).toContain('common_pin');
  });

  it('repeated_digits: one digit, a repeated block, or only two different digits', () => {
    for (const pin of ['0000', '1111', '1212', '123123', '1122', '7007', '121212']) expect(kinds(pin), pin).toContain('repeated_digits');
    expect(kinds('5839')).not.toContain('repeated_digits');
  });

  it('sequence: counting up or down by one or two, 0 after 9', () => {
    for (const pin of ['1234', '4321', '2468', '97531', '7890', '0987', '345678']) expect(kinds(pin), pin).toContain('sequence');
    expect(kinds('1235')).not.toContain('sequence');
  });

  it('year_like: four digits from 1900 to 2099', () => {
    for (const pin of ['1900', '1985', '2024', '2099']) expect(kinds(pin), pin).toContain('year_like');
    for (const pin of ['1899', '2100', '198512']) expect(kinds(pin), pin).not.toContain('year_like');
  });

  it('date_like: MMDD and DDMM, and DDMMYY / MMDDYY / DDMMYYYY / YYYYMMDD birthdays', () => {
    for (const pin of ['0229', '1231', '3112', '2512', '0704', '250385', '12251990', '19900704']) expect(kinds(pin), pin).toContain('date_like');
    for (const pin of ['3231', '0230', '1332', '0000', '4829', '99999999']) expect(kinds(pin), pin).not.toContain('date_like');
  });

  it('gives every reason once, each with words for the installer', () => {
    const warnings = pinWarnings('1212');
    expect(warnings.map((w) => w.warning)).toEqual(['common_pin', 'repeated_digits', 'date_like']);
    for (const w of warnings) expect(w.message.length).toBeGreaterThan(10);
  });

  it('judges digits only', () => {
    expect(pinWarnings('abcd')).toEqual([]);
  });
});
