import type { Clock } from './clock';

/**
 * The app's clock for everything that waits for a time of day: a time-bound code's start and end, a retry's backoff,
 * the next cloud sync, a lock's next revival ping. Timers are kept by the instant they are for, not by how long to
 * wait, so they can be checked again against the wall clock:
 *
 *   setTimeout (monotonic; it may stop while the laptop sleeps) ─▶ fires ─▶ still early? re-arm : run
 *   rearm() (after a wake from sleep) ─▶ every timer whose instant has passed runs now, in time order; the rest re-arm
 *
 * `offset` moves "now" away from the computer's clock (the demo clock, see ShiftableClock).
 */
export class WallClock implements Clock {
  protected offset = 0;
  #timers = new Map<number, { at: number; fn: () => void; handle: ReturnType<typeof setTimeout> | null }>();
  #next = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
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

  /** Runs every timer whose instant has passed (in time order) and re-arms the others from the wall clock now. */
  rearm(): void {
    const now = this.now().getTime();
    const due = [...this.#timers.entries()].filter(([, t]) => t.at <= now).sort((a, b) => a[1].at - b[1].at);
    for (const [id, timer] of due) {
      if (timer.handle) clearTimeout(timer.handle);
      this.#timers.delete(id);
      timer.fn();
    }
    for (const id of this.#timers.keys()) this.#arm(id);
  }

  /** Timers waiting (tests). */
  get pending(): number {
    return this.#timers.size;
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
