import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import type { FileSaver, SaveOutcome } from '../save-file';

/**
 * "Export codes (CSV)" for the chosen site: every code and its door as CSV (`codes.export`), PINs masked unless
 * "include full PINs" is ticked. Saved the one way files are (save-file.ts, `codes.saveExport`): with main's save
 * dialog in the desktop app, downloaded in the browser.
 */
export class CodesExport {
  includePins = $state(false);
  isExporting = $state(false);
  error = $state<AppError | null>(null);
  outcome = $state<SaveOutcome | null>(null);

  constructor(
    private readonly bridge: RendererBridge,
    private readonly saver: FileSaver,
    private readonly siteId: () => string | null,
  ) {}

  /** Builds the CSV and saves it (dialog in the desktop app, download in the browser); the choice of PINs stays for the next export. */
  async run(): Promise<boolean> {
    const siteId = this.siteId();
    if (!siteId || this.isExporting) return false;
    this.isExporting = true;
    this.error = null;
    this.outcome = null;
    const includePins = this.includePins;
    const result = await this.saver.save(() => this.bridge.request('codes.saveExport', { siteId, includePins }));
    this.isExporting = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.outcome = result.value;
    return true;
  }

  /** Forgets the last result (another site was chosen). */
  reset(): void {
    this.error = null;
    this.outcome = null;
    this.includePins = false;
  }
}
