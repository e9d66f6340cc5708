import { describe, expect, it } from 'vitest';
import { sampleAccessCode } from '../../../shared/testing/samples';
import { applyOutcome, defaultRetryRules, newOperation } from './operation-records';

const now = new Date('2026-11-30T10:00:00Z');
const waitAfter = (lockAnswered: boolean) => {
  const code = sampleAccessCode();
  const op = newOperation({ id: 'op-1', code, kind: 'set_code', reason: 'new_code', notBefore: null, at: now });
  applyOutcome(op, code, { kind: 'transient', message: 'no Supervision Report', mayHaveReached: false, lockAnswered }, now, defaultRetryRules, { wasAmbiguous: false });
  return new Date(op.not_before!).getTime() - now.getTime();
};

describe('retrying a change that did not go through', () => {
  it('tries again soon when the lock answered in the same try (a command lost on the air), later when it did not answer at all', () => {
    expect(waitAfter(true)).toBe(250);
    expect(waitAfter(false)).toBe(2_000);
  });

  it('backs off further with each try either way', () => {
    const lost = [1, 2, 3, 4, 5, 6].map((n) => defaultRetryRules.lostOnAirBackoffMs!(n));
    const silent = [1, 2, 3, 4, 5, 6].map((n) => defaultRetryRules.backoffMs(n));
    for (const waits of [lost, silent]) expect([...waits].sort((a, b) => a - b)).toEqual(waits);
    lost.forEach((wait, i) => expect(wait).toBeLessThan(silent[i]!));
  });
});
