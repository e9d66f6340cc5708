import { describe, expect, it } from 'vitest';
import { codeNameSchema } from './pin-input';
import { nameProblem, placeNameSchema } from './display-name';

describe('names people type are plain visible text', () => {
  it('keeps ordinary names in any script, with emoji and joined characters', () => {
    for (const name of ['Flat 3 – resident', 'Wohnung 2 Süd', 'شقة ٣', '三号室', 'Pool 🏊', 'Family 👩‍👩‍👧', 'O’Brien']) {
      expect(nameProblem(name), name).toBeNull();
    }
  });

  it('refuses control characters, direction overrides and isolates, lone surrogates, and names of nothing visible', () => {
    expect(nameProblem('Flat 1\nFlat 2')).toMatch(/control character/);
    expect(nameProblem('Tab\there')).toMatch(/control character/);
    expect(nameProblem('Bell\u0007')).toMatch(/control character/);
    expect(nameProblem('\u0085next line')).toMatch(/control character/);
    expect(nameProblem('Flat \u202e21')).toMatch(/text-direction override/); // renders as "Flat 12"
    expect(nameProblem('\u2066Front\u2069')).toMatch(/text-direction override/);
    expect(nameProblem('Broken \ud800 text')).toMatch(/lone surrogate/);
    expect(nameProblem('\udc00')).toMatch(/lone surrogate/);
    expect(nameProblem('\u200b\u200c\u200d\ufeff')).toMatch(/only invisible/);
    expect(nameProblem('\u3164')).toMatch(/only invisible/); // Hangul filler
  });

  it('trims, then names the problem in the schema error', () => {
    expect(placeNameSchema.parse('  Back door  ')).toBe('Back door');
    const refused = placeNameSchema.safeParse('Back\u202edoor');
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toBe('name has a text-direction override character, which can disguise what it says');
    expect(placeNameSchema.safeParse('   ').success).toBe(false); // empty after trimming
    expect(codeNameSchema.parse('')).toBe(''); // a code's name is optional
    expect(codeNameSchema.safeParse('\u200b').success).toBe(false);
  });
});
