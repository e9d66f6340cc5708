import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft, TYPICAL_SECONDS_PER_CODE } from './bulk-eta';

describe('estimateSecondsLeft', () => {
  it('uses each connection’s own measured speed, and the slowest connection decides', () => {
    // Z-Wave: 20 codes in 10 s → 0.5 s each, 40 left → 20 s. Nuki: 8 in 8 s, 8 left → 8 s.
    const eta = estimateSecondsLeft([
      { protocol: 'zwave', remaining: 40, settled: 20, activeMs: 10_000, lastSettledMs: 10_000 },
      { protocol: 'nuki', remaining: 8, settled: 8, activeMs: 8_000, lastSettledMs: 8_000 },
    ]);
    expect(eta).toEqual({ seconds: 20, basis: 'measured' });
  });

  it('takes the door under way since the last settled code off what is left, never below one code’s time', () => {
    // 8 codes settled at 4 s (0.5 s each); 8 left; the next door has been going for 1.5 s since: 4 − 1.5 = 2.5 s.
    expect(estimateSecondsLeft([{ protocol: 'nuki', remaining: 8, settled: 8, activeMs: 5_500, lastSettledMs: 4_000 }]).seconds).toBeCloseTo(2.5);
    // A door far slower than the ones before: the estimate stays at least one code's time, never zero or negative.
    expect(estimateSecondsLeft([{ protocol: 'nuki', remaining: 1, settled: 8, activeMs: 60_000, lastSettledMs: 4_000 }]).seconds).toBeCloseTo(0.5);
  });

  it('stands in the typical speed for a connection that has not finished a door yet, and says it is an estimate', () => {
    const eta = estimateSecondsLeft([
      { protocol: 'zwave', remaining: 4, settled: 4, activeMs: 2_000, lastSettledMs: 2_000 },
      { protocol: 'nuki', remaining: 100, settled: 0, activeMs: 2_000, lastSettledMs: 0 },
    ]);
    expect(eta.basis).toBe('estimated');
    expect(eta.seconds).toBeCloseTo(100 * TYPICAL_SECONDS_PER_CODE.nuki);
  });

  it('has nothing to say when nothing is left', () => {
    expect(estimateSecondsLeft([{ protocol: 'zwave', remaining: 0, settled: 9, activeMs: 1_000, lastSettledMs: 900 }])).toEqual({ seconds: null, basis: null });
    expect(estimateSecondsLeft([])).toEqual({ seconds: null, basis: null });
  });
});
