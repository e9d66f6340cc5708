/**
 * Time for everything that schedules: "now" and one-shot timers at an instant. Injected so tests can move time
 * (a time-bound code becoming `set` at its start, a retry's backoff, a DST change) without waiting.
 */
export interface Clock {
  now(): Date;
  /** Calls `fn` once at (or soon after) `at`; returns a cancel function. */
  at(at: Date, fn: () => void): () => void;
}

/** The real clock. Long waits are chained in 24-day steps (setTimeout's limit is ~24.8 days). */
export const systemClock: Clock = {
  now: () => new Date(),
  at(at, fn) {
    let timer: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const arm = () => {
      const wait = at.getTime() - Date.now();
      if (wait > 2_000_000_000) timer = setTimeout(arm, 2_000_000_000);
      else timer = setTimeout(() => !cancelled && fn(), Math.max(0, wait));
      timer.unref?.();
    };
    arm();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  },
};

/** A clock for tests: time moves only when told; due timers fire in order as it moves. */
export class ManualClock implements Clock {
  #now: number;
  #timers: Array<{ at: number; fn: () => void; id: number }> = [];
  #next = 0;

  constructor(start: Date | string) {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  at(at: Date, fn: () => void): () => void {
    const id = this.#next++;
    this.#timers.push({ at: at.getTime(), fn, id });
    return () => (this.#timers = this.#timers.filter((t) => t.id !== id));
  }

  /** Moves time forward to `to` (or by `ms`), firing due timers in time order. */
  advance(to: Date | string | number): void {
    const target = typeof to === 'number' ? this.#now + to : new Date(to).getTime();
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t.id !== due.id);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
    }
    this.#now = Math.max(this.#now, target);
  }
}
