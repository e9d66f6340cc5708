import { describe, expect, it } from 'vitest';
import { CODE_CONSTRAINT_TYPES, codeConstraintSchema, hasConstraint, parseCodeConstraints } from './code-constraints';

describe('codeConstraintSchema', () => {
  it('reads every constraint type Seam documents', () => {
    for (const type of CODE_CONSTRAINT_TYPES) {
      expect(codeConstraintSchema.parse({ constraint_type: type })).toEqual({ constraint_type: type });
    }
  });

  it('keeps the bounds of name_length, and drops stray properties on other types', () => {
    expect(codeConstraintSchema.parse({ constraint_type: 'name_length', min_length: 1, max_length: 12 })).toEqual({
      constraint_type: 'name_length',
      min_length: 1,
      max_length: 12,
    });
    expect(codeConstraintSchema.parse({ constraint_type: 'name_length', max_length: 20 })).toEqual({ constraint_type: 'name_length', max_length: 20 });
    expect(codeConstraintSchema.parse({ constraint_type: 'no_zeros', max_length: 3 })).toEqual({ constraint_type: 'no_zeros' });
  });

  it('refuses unknown types and impossible bounds', () => {
    expect(codeConstraintSchema.safeParse({ constraint_type: 'no_sevens' }).success).toBe(false);
    expect(codeConstraintSchema.safeParse({ constraint_type: 'name_length', max_length: -1 }).success).toBe(false);
    expect(codeConstraintSchema.safeParse({}).success).toBe(false);
  });
});

describe('parseCodeConstraints', () => {
  it('keeps the known entries and names the unknown ones instead of failing the whole device', () => {
    const parsed = parseCodeConstraints([{ constraint_type: 'no_zeros' }, { constraint_type: 'no_sevens' }, null, { constraint_type: 'name_length', max_length: 20 }]);
    expect(parsed.constraints).toEqual([{ constraint_type: 'no_zeros' }, { constraint_type: 'name_length', max_length: 20 }]);
    expect(parsed.unknownTypes).toEqual(['no_sevens', 'unreadable']);
  });

  it('answers whether a list has a type', () => {
    expect(hasConstraint([{ constraint_type: 'no_zeros' }], 'no_zeros')).toBe(true);
    expect(hasConstraint([{ constraint_type: 'no_zeros' }], 'cannot_start_with_12')).toBe(false);
    expect(hasConstraint(undefined, 'no_zeros')).toBe(false);
  });
});
