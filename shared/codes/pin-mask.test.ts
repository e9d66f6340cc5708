import { describe, expect, it } from 'vitest';
import { maskPin } from './pin-mask';

describe('maskPin', () => {
  it('keeps only the last character and the length', () => {
    expect(maskPin('318467')).toBe('•••••7');
    expect(maskPin('2580')).toBe('•••0');
  });
  it('never shows a one-character PIN, and leaves nothing of a longer one but its last character', () => {
    expect(maskPin('7')).toBe('•');
    for (const pin of ['1234', '98765432', '405123']) expect(maskPin(pin)).not.toContain(pin.slice(0, -1));
  });
});
