import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { createDataKey } from './data-key';
import { createFieldCipher, isSealed } from './field-cipher';

describe('field cipher', () => {
  const key = createDataKey();
  const pins = createFieldCipher(key, 'store pins');

  it('seals a PIN so that it reads nothing like it, differently every time, and opens it again', () => {
    const a = pins.seal('123456', 'access_code:c1');
    const b = pins.seal('123456', 'access_code:c1');
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain('123456');
    expect(a).not.toBe(b);
    expect(a.startsWith(`lb1:${key.id}:`)).toBe(true);
    expect(pins.open(a, 'access_code:c1')).toBe('123456');
  });

  it('does not open a value moved to another record, sealed for another purpose, or altered', () => {
    const sealed = pins.seal('123456', 'access_code:c1');
    expect(pins.open(sealed, 'access_code:c2')).toBeNull();
    expect(createFieldCipher(key, 'zwave cache').open(sealed, 'access_code:c1')).toBeNull();
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(pins.open(flipped, 'access_code:c1')).toBeNull();
    expect(pins.open('lb1:' + key.id + ':short', 'access_code:c1')).toBeNull();
  });

  it('says secrets.unavailable, not "damaged", for a value sealed with another data key', () => {
    const other = createFieldCipher(createDataKey(), 'store pins').seal('123456', 'access_code:c1');
    expect(() => pins.open(other, 'access_code:c1')).toThrow(expect.objectContaining({ code: 'secrets.unavailable' }));
    try {
      pins.open(other, 'access_code:c1');
    } catch (e) {
      expect(isCodedError(e) && e.message.includes('123456')).toBe(false);
    }
  });
});
