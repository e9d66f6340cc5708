import type { AccessCode } from '../../../../shared/domain/access-code';
import { codeNameSchema } from '../../../../shared/domain/pin-input';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/**
 * Renaming a door's codes, one at a time, in place (`codes.update`; nothing changes on the lock, a linked code's new
 * name goes to the cloud). An empty name removes the name. The typed name is judged on screen with the contract's
 * schema and kept on a refusal.
 */
export class CodeRename {
  /** The code being renamed, or none. */
  editingId = $state<string | null>(null);
  name = $state('');
  isSaving = $state(false);
  error = $state<AppError | null>(null);
  /** The code whose form closed last: its Rename button takes the keyboard focus back. */
  lastClosedId = $state<string | null>(null);

  /** What is wrong with the typed name, in words; null when it may be saved. */
  readonly problem = $derived(this.#problem());
  readonly canSave = $derived(this.editingId !== null && this.problem === null && !this.isSaving);

  constructor(
    private readonly bridge: RendererBridge,
    readonly doorId: string,
    private readonly onRenamed: (code: AccessCode) => void = () => {},
  ) {}

  /** Opens the form on a code, with its name. */
  start(code: Pick<AccessCode, 'access_code_id' | 'name'>): void {
    this.editingId = code.access_code_id;
    this.name = code.name ?? '';
    this.error = null;
  }

  /** Closes the form; nothing is sent. */
  cancel(): void {
    this.lastClosedId = this.editingId;
    this.editingId = null;
    this.error = null;
  }

  /** Saves the new name ('' takes the name away). On a refusal the form stays with the typed text. */
  async save(): Promise<boolean> {
    const accessCodeId = this.editingId;
    if (!accessCodeId || !this.canSave) return false;
    this.isSaving = true;
    this.error = null;
    const name = this.name.trim();
    const result = await this.bridge.request('codes.update', { doorId: this.doorId, accessCodeId, name });
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.onRenamed(result.value);
    if (this.editingId === accessCodeId) {
      this.editingId = null;
      this.lastClosedId = accessCodeId;
    }
    return true;
  }

  #problem(): string | null {
    const parsed = codeNameSchema.safeParse(this.name);
    if (parsed.success) return null;
    const message = parsed.error.issues[0]?.message ?? 'name is not plain text';
    return message.charAt(0).toUpperCase() + message.slice(1);
  }
}
