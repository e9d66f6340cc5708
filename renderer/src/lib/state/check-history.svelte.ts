import type { CapabilityReport, Verdict } from '../../../../shared/domain/capability';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** How many items of a check got each verdict. */
export function verdictCounts(report: Pick<CapabilityReport, 'items'>): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  for (const item of report.items) counts[item.verdict]++;
  return counts;
}

/**
 * A door's kept capability checks (`doors.checkHistory`), newest first, as they were run then (never recomputed).
 * Loaded when the door opens and again after each check.
 */
export class CheckHistory {
  checks = $state<CapabilityReport[]>([]);
  isLoading = $state(false);
  error = $state<AppError | null>(null);
  /** Loaded at least once (so "never checked" is not said before the answer arrives). */
  hasLoaded = $state(false);

  constructor(
    private readonly bridge: RendererBridge,
    readonly doorId: string,
  ) {}

  /** Asks for the door's checks. */
  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('doors.checkHistory', { doorId: this.doorId });
    this.isLoading = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = null;
    this.hasLoaded = true;
    this.checks = result.value;
  }
}
