import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import type { FileSaver, SaveOutcome } from '../save-file';

/**
 * "Save diagnostics" for support: main builds a zip of redacted logs, the capability checks and the build's facts
 * (never a PIN or a key) and saves it the platform's way (`app.saveDiagnostics`: the desktop save dialog, or a
 * download in the browser).
 */
export class DiagnosticsSaver {
  isSaving = $state(false);
  outcome = $state<SaveOutcome | null>(null);
  error = $state<AppError | null>(null);

  constructor(
    private readonly bridge: RendererBridge,
    private readonly saver: FileSaver,
  ) {}

  /** Builds and saves the zip; true when it was saved or downloaded. */
  async save(): Promise<boolean> {
    if (this.isSaving) return false;
    this.isSaving = true;
    this.error = null;
    this.outcome = null;
    const result = await this.saver.save(() => this.bridge.request('app.saveDiagnostics', {}));
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.outcome = result.value;
    return result.value.how !== 'cancelled';
  }
}
