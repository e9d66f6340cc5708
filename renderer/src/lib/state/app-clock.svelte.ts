import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { clockFrom, type Clock } from '../clock';

const TICK_MS = 15_000;

/** The demo clock's steps on screen: +1 hour, +1 day, +1 week (in minutes, as `demo.clock` takes them). */
export const DEMO_CLOCK_STEPS = [
  { label: '+1 h', minutes: 60, words: 'one hour' },
  { label: '+1 day', minutes: 24 * 60, words: 'one day' },
  { label: '+1 week', minutes: 7 * 24 * 60, words: 'one week' },
] as const;

/**
 * The app's "now" as the renderer uses it: main's clock, which the demo clock moves, kept as an offset from this
 * machine's clock and ticked, so the timeline, countdowns and status words agree with what main decides.
 *
 *   app.info {now} ──┐
 *   clock.changed ───┼─▶ offset = main's now − this machine's now ─▶ now (re-read every 15 s)
 *   demo.clock reply ┘
 */
export class AppClock {
  /** The app's now, re-read on every tick and every clock change. */
  now = $state(clockFrom(Date.now)());
  /** The host runs with --demo-clock: the demo can move time forward. */
  canMove = $state(false);
  isMoving = $state(false);
  error = $state<AppError | null>(null);

  /** The app's now, read fresh (for state classes that take a Clock). */
  readonly read: Clock;

  #offsetMs = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  #off: (() => void) | null = null;

  constructor(
    private readonly bridge: RendererBridge,
    private readonly machineNow: () => number = Date.now,
  ) {
    this.read = clockFrom(() => this.machineNow() + this.#offsetMs);
    this.now = this.read();
  }

  /** Follows clock.changed and ticks. */
  start(): void {
    this.#off = this.bridge.on('clock.changed', ({ now }) => this.sync(now));
    this.#timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Stops following and ticking. */
  dispose(): void {
    this.#off?.();
    this.#off = null;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Takes main's now (app.info, clock.changed, a demo.clock reply): from here on `now` runs from it. */
  sync(mainNow: string): void {
    const ms = Date.parse(mainNow);
    if (Number.isNaN(ms)) return;
    this.#offsetMs = ms - this.machineNow();
    this.tick();
  }

  /** Re-reads now. */
  tick(): void {
    this.now = this.read();
  }

  /** Demo clock only: moves the app's time forward; `now` follows main's answer at once. */
  async advance(minutes: number): Promise<boolean> {
    if (!this.canMove || this.isMoving) return false;
    this.isMoving = true;
    this.error = null;
    const result = await this.bridge.request('demo.clock', { advanceMinutes: minutes });
    this.isMoving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.sync(result.value.now);
    return true;
  }
}
