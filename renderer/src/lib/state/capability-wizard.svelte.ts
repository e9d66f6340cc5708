import type { LockbenchBridge } from '../../../../shared/bridge';
import type { CapabilityReport, Verdict } from '../../../../shared/domain/capability';
import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';
import { codesFromElsewhereWords } from '../status-words';

/** What the check tells the rest of the door view: a report arrived (the slots were read), the door changed. */
export interface CapabilityWizardHooks {
  onChecked?: (report: CapabilityReport) => void;
  onDoorChanged?: (door: DoorView) => void;
}

/** The capability wizard's steps: explain → check the lock → show the report. */
export type CapabilityStep = 'intro' | 'checking' | 'report';

/**
 * Step logic of the capability check for one door: runs `doors.check` (reads from the lock; seconds) and keeps the
 * pass / warn / fail report. A failed check returns to the intro with the error and the way to try again.
 */
export class CapabilityWizard {
  step = $state<CapabilityStep>('intro');
  report = $state<CapabilityReport | null>(null);
  error = $state<AppError | null>(null);

  /** Setting the lock's clock (doors.setClock) is on its way. */
  isSettingClock = $state(false);
  clockError = $state<AppError | null>(null);

  readonly canAdvance = $derived(this.step !== 'checking');
  /** The clock item is warn or fail: offer "Set the lock's clock to the site's time". */
  readonly canSetClock = $derived(
    this.step === 'report' && (this.report?.items.some((item) => item.key === 'clock' && item.verdict !== 'pass') ?? false),
  );
  /** "No codes from elsewhere found" / "2 codes from elsewhere: see below", once a report is there. */
  readonly elsewhere = $derived(this.report ? codesFromElsewhereWords(this.report.codes_from_elsewhere) : null);
  /** How many items got each verdict. */
  readonly counts = $derived(
    (this.report?.items ?? []).reduce<Record<Verdict, number>>(
      (counts, item) => ({ ...counts, [item.verdict]: counts[item.verdict] + 1 }),
      { pass: 0, warn: 0, fail: 0 },
    ),
  );

  constructor(
    private readonly bridge: LockbenchBridge,
    readonly doorId: string,
    private readonly hooks: CapabilityWizardHooks = {},
  ) {}

  /** Runs the check (also the "check again" action). */
  async run(): Promise<void> {
    if (this.step === 'checking') return;
    this.step = 'checking';
    this.error = null;
    const result = await this.bridge.request('doors.check', { doorId: this.doorId });
    if (!result.ok) {
      this.error = result.error;
      this.step = this.report ? 'report' : 'intro';
      return;
    }
    this.report = result.value;
    this.step = 'report';
    this.hooks.onChecked?.(result.value);
  }

  /** Sets the lock's clock to now and its offset to the site's, then checks the lock again to show the result. */
  async setClock(): Promise<void> {
    if (this.isSettingClock || this.step === 'checking') return;
    this.isSettingClock = true;
    this.clockError = null;
    const result = await this.bridge.request('doors.setClock', { doorId: this.doorId });
    this.isSettingClock = false;
    if (!result.ok) {
      this.clockError = result.error;
      return;
    }
    this.hooks.onDoorChanged?.(result.value);
    await this.run();
  }
}
