import { describe, expect, it } from 'vitest';
import { ShiftableClock } from './shiftable-clock';

describe('ShiftableClock', () => {
  it('fires timers that a shift makes due, in time order, and keeps later ones', () => {
    const clock = new ShiftableClock();
    const fired: string[] = [];
    const start = clock.now().getTime();
    clock.at(new Date(start + 3 * 3_600_000), () => fired.push('3h'));
    clock.at(new Date(start + 3_600_000), () => fired.push('1h'));
    const cancel = clock.at(new Date(start + 2 * 3_600_000), () => fired.push('2h'));
    cancel();
    clock.shift(2.5 * 3_600_000);
    expect(fired).toEqual(['1h']);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(2.5 * 3_600_000);
    clock.shift(3_600_000);
    expect(fired).toEqual(['1h', '3h']);
  });

  it('refuses to go back in time', () => {
    expect(() => new ShiftableClock().shift(-1)).toThrow(RangeError);
  });
});
