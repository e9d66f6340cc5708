import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WallClock } from './wall-clock';

/**
 * A laptop asleep: the wall clock jumps while setTimeout's monotonic clock stood still. vi.setSystemTime moves
 * Date.now() without running timers, which is exactly that.
 */
describe('WallClock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-01T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('after a sleep, runs at once every timer whose time passed (in time order) and keeps the later ones', () => {
    const clock = new WallClock();
    const fired: string[] = [];
    clock.at(new Date('2026-06-01T10:00:00Z'), () => fired.push('guest code starts 10:00'));
    clock.at(new Date('2026-06-01T09:00:00Z'), () => fired.push('retry 09:00'));
    clock.at(new Date('2026-06-01T20:00:00Z'), () => fired.push('guest code ends 20:00'));
    vi.setSystemTime(new Date('2026-06-01T12:00:00Z')); // asleep from 08:00 to 12:00: no timer ran
    expect(fired).toEqual([]);
    clock.rearm();
    expect(fired).toEqual(['retry 09:00', 'guest code starts 10:00']);
    expect(clock.pending).toBe(1);
    vi.advanceTimersByTime(8 * 3600_000);
    expect(fired.at(-1)).toBe('guest code ends 20:00');
  });

  it('without rearm a slept-through timer would wait its whole delay again (what the wake fixes)', () => {
    const clock = new WallClock();
    const fired: string[] = [];
    clock.at(new Date('2026-06-01T09:00:00Z'), () => fired.push('09:00'));
    vi.setSystemTime(new Date('2026-06-01T12:00:00Z'));
    vi.advanceTimersByTime(30 * 60_000);
    expect(fired).toEqual([]);
  });

  it('fires a timer that woke early only at its time, and a cancelled one never', () => {
    const clock = new WallClock();
    const fired: string[] = [];
    const cancel = clock.at(new Date('2026-06-01T08:00:10Z'), () => fired.push('cancelled'));
    clock.at(new Date('2026-06-01T08:00:20Z'), () => fired.push('20 s'));
    cancel();
    vi.setSystemTime(new Date('2026-06-01T07:59:00Z')); // the wall clock set back a minute
    vi.advanceTimersByTime(20_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(fired).toEqual(['20 s']);
  });
});
