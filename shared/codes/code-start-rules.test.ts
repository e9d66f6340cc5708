import { describe, expect, it } from 'vitest';
import { checkCodeStart } from './code-start-rules';

describe('checkCodeStart', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const rule = [{ constraint_type: 'start_date_in_future' as const }];

  it('start_date_in_future: takes a start after now, refuses one at or before now', () => {
    expect(checkCodeStart(new Date('2025-06-01T12:00:01Z'), now, rule)).toEqual({ ok: true });
    expect(checkCodeStart(now, now, rule)).toMatchObject({ ok: false, rule: 'start_date_in_future' });
    expect(checkCodeStart(new Date('2025-05-31T09:00:00Z'), now, rule)).toMatchObject({ ok: false, rule: 'start_date_in_future' });
  });

  it('lets ongoing codes and locks without the rule through', () => {
    expect(checkCodeStart(null, now, rule)).toEqual({ ok: true });
    expect(checkCodeStart(new Date('2025-05-31T09:00:00Z'), now, [])).toEqual({ ok: true });
    expect(checkCodeStart(new Date('2025-05-31T09:00:00Z'), now, undefined)).toEqual({ ok: true });
  });
});
