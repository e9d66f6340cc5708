import { WallClock } from '../ports/wall-clock';

/**
 * The demo site's clock: real time plus an offset the installer (or an end-to-end test) can move forward, to see
 * a time-bound code load 72 h ahead, become `set` at its start and be cleared after its end without waiting days.
 * Timers are re-checked on every shift, so whatever falls due fires at once, in time order.
 */
export class ShiftableClock extends WallClock {
  /** Moves time forward by `ms` and fires every timer that is now due. */
  shift(ms: number): Date {
    if (ms < 0) throw new RangeError('The demo clock only moves forward.');
    this.offset += ms;
    this.rearm();
    return this.now();
  }
}
