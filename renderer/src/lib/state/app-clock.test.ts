import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppClock } from './app-clock.svelte';
import { FakeBridge } from '../testing/fake-bridge';

describe('AppClock', () => {
  afterEach(() => vi.useRealTimers());

  it('runs from main\'s now as an offset from this machine\'s clock, and follows clock.changed', () => {
    let machine = Date.parse('2026-03-14T10:00:00Z');
    const bridge = new FakeBridge();
    const clock = new AppClock(bridge, () => machine);
    clock.start();
    clock.sync('2026-03-20T10:00:00.000Z');
    expect(clock.now.toISOString()).toBe('2026-03-20T10:00:00.000Z');
    machine += 60_000;
    expect(clock.read().toISOString()).toBe('2026-03-20T10:01:00.000Z');
    bridge.emit('clock.changed', { now: '2026-03-27T10:01:00.000Z' });
    expect(clock.now.toISOString()).toBe('2026-03-27T10:01:00.000Z');
    clock.sync('not a time');
    expect(clock.now.toISOString()).toBe('2026-03-27T10:01:00.000Z');
    clock.dispose();
    expect(bridge.listenerCount('clock.changed')).toBe(0);
  });

  it('ticks', () => {
    vi.useFakeTimers();
    let machine = Date.parse('2026-03-14T10:00:00Z');
    const clock = new AppClock(new FakeBridge(), () => machine);
    clock.start();
    machine += 15_000;
    vi.advanceTimersByTime(15_000);
    expect(clock.now.toISOString()).toBe('2026-03-14T10:00:15.000Z');
    clock.dispose();
  });

  it('moves the demo clock forward only when main allows it, and follows its answer at once', async () => {
    const machine = Date.parse('2026-03-14T10:00:00Z');
    const bridge = new FakeBridge().answer('demo.clock', { now: '2026-03-15T10:00:00.000Z' });
    const clock = new AppClock(bridge, () => machine);
    expect(await clock.advance(1440)).toBe(false);
    expect(bridge.sent('demo.clock')).toEqual([]);
    clock.canMove = true;
    expect(await clock.advance(1440)).toBe(true);
    expect(bridge.sent('demo.clock')).toEqual([{ advanceMinutes: 1440 }]);
    expect(clock.now.toISOString()).toBe('2026-03-15T10:00:00.000Z');
    bridge.refuse('demo.clock', 'demo.clock_disabled');
    expect(await clock.advance(60)).toBe(false);
    expect(clock.error?.code).toBe('demo.clock_disabled');
  });
});
