import { describe, expect, it } from 'vitest';
import { checkCodeName } from './code-name-rules';

describe('checkCodeName', () => {
  const bounded = { constraints: [{ constraint_type: 'name_length' as const, min_length: 2, max_length: 12 }] };

  it('accepts any name when the lock sets no name rule', () => {
    expect(checkCodeName('A very long name for a resident code', {})).toEqual({ ok: true });
    expect(checkCodeName(null, { existingNames: ['Flat 3'] })).toEqual({ ok: true });
    expect(checkCodeName('Flat 3', { existingNames: ['Flat 3'] })).toEqual({ ok: true });
  });

  it('name_length: accepts names within the bounds, refuses longer and shorter ones', () => {
    expect(checkCodeName('Flat 3', bounded)).toEqual({ ok: true });
    expect(checkCodeName('Cleaner Tuesday', bounded)).toMatchObject({ ok: false, rule: 'name_length' });
    const short = checkCodeName('A', bounded);
    expect(short).toMatchObject({ ok: false, rule: 'name_length' });
    expect(!short.ok && short.message).toContain('at least 2');
  });

  it('name_length: counts characters as people see them, after trimming', () => {
    const max3 = { constraints: [{ constraint_type: 'name_length' as const, max_length: 3 }] };
    expect(checkCodeName('  Bob  ', max3)).toEqual({ ok: true });
    expect(checkCodeName('🔑🔑🔑', max3)).toEqual({ ok: true });
    expect(checkCodeName('Bobby', max3)).toMatchObject({ rule: 'name_length' });
  });

  it('name_length: no name passes unless the lock sets a minimum', () => {
    expect(checkCodeName(null, { constraints: [{ constraint_type: 'name_length', max_length: 20 }] })).toEqual({ ok: true });
    const none = checkCodeName('  ', bounded);
    expect(none).toMatchObject({ ok: false, rule: 'name_length' });
    expect(!none.ok && none.message).toContain('needs a name');
  });

  it('name_must_be_unique: refuses a name another code on the lock has, whatever the case', () => {
    const rules = { constraints: [{ constraint_type: 'name_must_be_unique' as const }], existingNames: ['Flat 3 – resident', 'Cleaner'] };
    expect(checkCodeName('Flat 4 – resident', rules)).toEqual({ ok: true });
    expect(checkCodeName('cleaner ', rules)).toMatchObject({ ok: false, rule: 'name_must_be_unique' });
    expect(checkCodeName(null, rules)).toEqual({ ok: true });
  });

  it('checks length before uniqueness', () => {
    const rules = { constraints: [{ constraint_type: 'name_must_be_unique' as const }, ...bounded.constraints], existingNames: ['Cleaner Tuesday'] };
    expect(checkCodeName('Cleaner Tuesday', rules)).toMatchObject({ rule: 'name_length' });
  });
});
