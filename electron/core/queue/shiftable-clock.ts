import type { Clock } from '../ports/clock';

/**
 * The demo site's clock: real time plus an offset the installer (or an end-to-end test) can move forward, to see
 * a time-bound code load 72 h ahead, become `set` at its start and be cleared after its end without waiting days.
 * Timers are re-checked on every shift, so whatever falls due fires at once, in time order.
 */
export class ShiftableClock implements Clock {
  #offset = 0;
  #timers = new Map<number, { at: number; fn: () => void; handle: ReturnType<typeof setTimeout> | null }>();
  #next = 0;

  now(): Date {
    return new Date(Date.now() + this.#offset);
  }

  at(at: Date, fn: () => void): () => void {
    const id = this.#next++;
    this.#timers.set(id, { at: at.getTime(), fn, handle: null });
    this.#arm(id);
    return () => {
      const timer = this.#timers.get(id);
      if (timer?.handle) clearTimeout(timer.handle);
      this.#timers.delete(id);
    };
  }

  /** Moves time forward by `ms` and fires every timer that is now due. */
  shift(ms: number): Date {
    if (ms < 0) throw new RangeError('The demo clock only moves forward.');
    this.#offset += ms;
    const now = this.now().getTime();
    const due = [...this.#timers.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at);
    for (const [id, timer] of due) {
      if (timer.handle) clearTimeout(timer.handle);
      this.#timers.delete(id);
      timer.fn();
    }
    for (const id of this.#timers.keys()) this.#arm(id);
    return this.now();
  }

  #arm(id: number): void {
    const timer = this.#timers.get(id);
    if (!timer) return;
    if (timer.handle) clearTimeout(timer.handle);
    const wait = Math.min(Math.max(0, timer.at - this.now().getTime()), 2_000_000_000);
    timer.handle = setTimeout(() => {
      if (timer.at > this.now().getTime()) return this.#arm(id);
      this.#timers.delete(id);
      timer.fn();
    }, wait);
    timer.handle.unref?.();
  }
}
