import type { BulkRunView } from '../../../../shared/domain/bulk';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** What the installer can do to a run. */
export type BulkAction = 'pause' | 'resume' | 'cancel' | 'retry_failed';

/** Runs heard of before they are followed, kept at most (a start's answer can arrive after its first events). */
const KEEP_UNFOLLOWED = 20;

/**
 * Follows one bulk run: its `bulk.changed` events (the newest view wins, whichever way it came), pause / resume /
 * cancel (asked to confirm first) / retry the failed. A run still going when the wizard opens is found by `findGoing`.
 */
export class BulkRunFollower {
  run = $state<BulkRunView | null>(null);
  isControlling = $state(false);
  controlError = $state<AppError | null>(null);
  /** "Cancel" was pressed: the question is on screen. */
  isConfirmingCancel = $state(false);
  /** The latest view of runs heard of but not followed, oldest first. */
  #unfollowed: BulkRunView[] = [];
  #off: (() => void) | null = null;

  /** Nothing of the run waits or runs any more (finished, some may have failed; or cancelled). */
  readonly isOver = $derived(this.run?.phase === 'finished' || this.run?.phase === 'cancelled');
  readonly canPause = $derived(this.run?.phase === 'running' && !this.isControlling);
  readonly canResume = $derived(this.run?.phase === 'paused' && !this.isControlling);
  readonly canCancel = $derived((this.run?.phase === 'running' || this.run?.phase === 'paused') && !this.isControlling);
  /** A finished run with failures can try them again (a cancelled run stays cancelled). */
  readonly canRetry = $derived(this.run?.phase === 'finished' && this.run.totals.failed > 0 && !this.isControlling);

  constructor(
    private readonly bridge: RendererBridge,
    private readonly siteId: string,
  ) {}

  /** Starts listening for `bulk.changed` (once). */
  listen(): void {
    this.#off ??= this.bridge.on('bulk.changed', (view) => this.#heard(view));
  }

  /** Stops listening. */
  dispose(): void {
    this.#off?.();
    this.#off = null;
  }

  /** Asks main for the site's runs and follows the newest one still going; false when none is. */
  async findGoing(): Promise<boolean> {
    const result = await this.bridge.request('bulk.runs', { siteId: this.siteId });
    if (!result.ok || this.run) return false;
    const going = result.value.find((view) => view.phase === 'running' || view.phase === 'paused');
    if (going) this.follow(going);
    return going !== undefined;
  }

  /** Shows this run from now on (an event newer than `view` that came first wins). */
  follow(view: BulkRunView): void {
    const heard = this.#unfollowed.find((other) => other.run_id === view.run_id);
    this.#unfollowed = [];
    this.controlError = null;
    this.isConfirmingCancel = false;
    this.run = heard && heard.updated_at > view.updated_at ? heard : view;
  }

  /** Stops showing the run (it goes on in main). */
  forget(): void {
    this.run = null;
    this.controlError = null;
    this.isConfirmingCancel = false;
  }

  /** Pauses the run (a command on its way to a lock finishes first). */
  pause(): Promise<boolean> {
    return this.#control('pause');
  }

  /** Lets a paused run go on. */
  resume(): Promise<boolean> {
    return this.#control('resume');
  }

  /** Asks to confirm before cancelling. */
  askCancel(): void {
    if (this.canCancel) this.isConfirmingCancel = true;
  }

  /** The installer keeps the run going after all. */
  keepGoing(): void {
    this.isConfirmingCancel = false;
  }

  /** Cancels the run: what has not reached the locks is withdrawn; codes already set stay. */
  async cancel(): Promise<boolean> {
    if (!this.isConfirmingCancel) return false;
    const done = await this.#control('cancel');
    this.isConfirmingCancel = false;
    return done;
  }

  /** Tries the failed codes of a finished run again. */
  retryFailed(): Promise<boolean> {
    return this.#control('retry_failed');
  }

  async #control(action: BulkAction): Promise<boolean> {
    const run = this.run;
    if (!run || this.isControlling) return false;
    this.isControlling = true;
    this.controlError = null;
    const result = await this.bridge.request('bulk.control', { runId: run.run_id, action });
    this.isControlling = false;
    if (!result.ok) {
      this.controlError = result.error;
      return false;
    }
    this.#heard(result.value);
    return true;
  }

  /** A view of the run shown replaces it unless it is older (an event overtaken by a later answer or event). */
  #heard(view: BulkRunView): void {
    if (view.site_id !== this.siteId) return;
    const run = this.run;
    if (run && view.run_id === run.run_id) {
      if (view.updated_at >= run.updated_at) this.run = view;
      return;
    }
    const earlier = this.#unfollowed.find((other) => other.run_id === view.run_id);
    if (earlier && earlier.updated_at > view.updated_at) return;
    this.#unfollowed = [...this.#unfollowed.filter((other) => other.run_id !== view.run_id), view].slice(-KEEP_UNFOLLOWED);
  }
}
