import type { BulkPlan, BulkPreview, BulkRunView } from '../../../../shared/domain/bulk';
import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { BulkCodes } from './bulk-codes.svelte';
import { BulkDoorChoice } from './bulk-doors.svelte';
import { BulkRunFollower } from './bulk-run.svelte';

/**
 * The bulk codes wizard's steps:
 *
 *   doors ─▶ codes ─▶ preview (bulk.preview; again when Lockbench scheduling is confirmed) ─Start─▶ run ─▶ summary
 *     ▲────────┴─back──────┘                                          (bulk.start, bulk.changed)  ▲   │
 *                                                                                  retry the failed└───┘
 * A run still going when the wizard opens (after a reload) is shown at once (bulk.runs).
 */
export type BulkStep = 'doors' | 'codes' | 'preview' | 'run' | 'summary';

/**
 * Step logic of putting many codes on many doors in one sitting. What the installer chose and typed lives in
 * `doors` and `codes` and survives going back and forth and failed requests; the run lives in `run`.
 */
export class BulkWizard {
  /** Where the installer is; the run's end shows as 'summary' (see `shownStep`). */
  step = $state<Exclude<BulkStep, 'summary'>>('doors');
  /** The installer accepts that Lockbench switches time-bound codes on locks that cannot (this laptop must reach them). */
  confirmLockbench = $state(false);
  preview = $state<BulkPreview | null>(null);
  isPreviewing = $state(false);
  previewError = $state<AppError | null>(null);
  isStarting = $state(false);
  startError = $state<AppError | null>(null);

  readonly doors: BulkDoorChoice;
  readonly codes: BulkCodes;
  readonly run: BulkRunFollower;
  /** The plan the preview shows: Start runs exactly this, with the preview's PINs. */
  #previewedPlan: BulkPlan | null = null;
  #previewRound = 0;

  /** The step on screen: a run that has ended shows its summary. */
  readonly shownStep: BulkStep = $derived(this.#shownStep());
  /** The plan as chosen now; null while the doors or codes are not ready. */
  readonly plan: BulkPlan | null = $derived(this.#plan());
  /** Units the codes name that no chosen door has: those codes go nowhere. */
  readonly unitsWithoutDoor: string[] = $derived(this.#unitsWithoutDoor());
  /** Some code waits for the installer's OK that Lockbench switches it (or the OK was given and may be taken back). */
  readonly asksConfirmation = $derived(
    this.confirmLockbench || (this.preview?.doors.some((door) => door.lines.some((line) => line.verdict === 'needs_confirmation')) ?? false),
  );
  readonly canStart = $derived(this.step === 'preview' && !this.isPreviewing && !this.isStarting && (this.preview?.totals.ready ?? 0) > 0);
  readonly canAdvance = $derived(this.#canAdvance());

  constructor(
    private readonly bridge: RendererBridge,
    readonly siteId: string,
    private readonly getDoors: () => readonly DoorView[],
  ) {
    this.doors = new BulkDoorChoice(getDoors);
    this.codes = new BulkCodes(bridge, siteId);
    this.run = new BulkRunFollower(bridge, siteId);
  }

  /** Listens for runs and shows one still going (after a reload, or the wizard closed meanwhile). */
  async open(): Promise<void> {
    this.run.listen();
    if (await this.run.findGoing()) this.step = 'run';
  }

  /** Stops listening (the run goes on in main). */
  dispose(): void {
    this.run.dispose();
  }

  /** On to the next step: doors → codes → preview (asked at once) → Start. */
  async next(): Promise<void> {
    if (!this.canAdvance) return;
    if (this.step === 'doors') this.step = 'codes';
    else if (this.step === 'codes') {
      this.step = 'preview';
      await this.refreshPreview();
    } else if (this.step === 'preview') await this.start();
  }

  /** Back one step, keeping everything chosen and typed. */
  back(): void {
    if (this.step === 'codes') this.step = 'doors';
    else if (this.step === 'preview') {
      this.#previewRound++;
      this.isPreviewing = false;
      this.startError = null;
      this.step = 'codes';
    }
  }

  /** Asks main what the plan would do on each door (again). Only the answer to the latest ask counts. */
  async refreshPreview(): Promise<void> {
    const plan = this.plan;
    if (!plan || this.step !== 'preview') return;
    const round = ++this.#previewRound;
    this.isPreviewing = true;
    this.previewError = null;
    this.startError = null;
    const result = await this.bridge.request('bulk.preview', plan);
    if (round !== this.#previewRound) return;
    this.isPreviewing = false;
    if (!result.ok) {
      this.previewError = result.error;
      this.preview = null;
      return;
    }
    this.preview = result.value;
    this.#previewedPlan = plan;
  }

  /** Ticks or unticks the Lockbench scheduling OK, and previews again with it. */
  async confirmScheduling(confirmed: boolean): Promise<void> {
    this.confirmLockbench = confirmed;
    await this.refreshPreview();
  }

  /** Starts the previewed plan with the preview's PINs; the run step follows it. A refusal stays on the preview. */
  async start(): Promise<boolean> {
    const plan = this.#previewedPlan;
    const preview = this.preview;
    if (!this.canStart || !plan || !preview) return false;
    this.run.listen();
    this.isStarting = true;
    this.startError = null;
    const result = await this.bridge.request('bulk.start', { plan, pins: preview.pins });
    this.isStarting = false;
    if (!result.ok) {
      this.startError = result.error;
      return false;
    }
    this.run.follow(result.value);
    this.step = 'run';
    return true;
  }

  /** After a run: choose doors and codes for another one (what was chosen and typed is kept). */
  startOver(): void {
    this.run.forget();
    this.preview = null;
    this.#previewedPlan = null;
    this.step = 'doors';
  }

  /** A door's name in a run or on this site. */
  doorName(doorId: string, run: BulkRunView | null = this.run.run): string {
    return run?.doors.find((door) => door.door_id === doorId)?.door_name ?? this.getDoors().find((door) => door.id === doorId)?.name ?? 'A door';
  }

  #shownStep(): BulkStep {
    return this.step === 'run' && this.run.isOver ? 'summary' : this.step;
  }

  #plan(): BulkPlan | null {
    const codes = this.codes.codes;
    const doorIds = this.doors.chosen.map((door) => door.id);
    if (!codes || codes.length === 0 || doorIds.length === 0) return null;
    return { siteId: this.siteId, doorIds, codes, confirmLockbenchScheduling: this.confirmLockbench };
  }

  #unitsWithoutDoor(): string[] {
    const chosenUnits = this.doors.chosen.map((door) => door.unit);
    const units = (this.codes.codes ?? []).flatMap((code) => (code.unit !== null && !chosenUnits.includes(code.unit) ? [code.unit] : []));
    return units.filter((unit, i) => units.indexOf(unit) === i);
  }

  #canAdvance(): boolean {
    if (this.step === 'doors') return this.doors.chosen.length > 0;
    if (this.step === 'codes') return this.plan !== null;
    return this.canStart;
  }
}
