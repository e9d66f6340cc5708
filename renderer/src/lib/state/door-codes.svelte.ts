import type { PayloadOf } from '../../../../shared/contract';
import type { AccessCode } from '../../../../shared/domain/access-code';
import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { describeLockRules, pinHint, pinWarning } from '../lock-rules';
import { reloadOnReconnect } from './reload-on-reconnect';

/** The time-bound part of a create request: the window in site time and the Lockbench-scheduling confirmation. */
export type CodeSchedule = Pick<PayloadOf<'codes.create'>, 'window' | 'confirmLockbenchScheduling'>;

/**
 * The door view's codes: the list (live from 'codes.changed'), the create form (type a PIN or generate one, seen before
 * saving) and removal. A refused PIN keeps the typed name and PIN and names the broken rule (`formError.details.rule`).
 */
export class DoorCodes {
  codes = $state<AccessCode[]>([]);
  isLoading = $state(false);
  loadError = $state<AppError | null>(null);
  name = $state('');
  #pin = $state('');
  formError = $state<AppError | null>(null);
  isSaving = $state(false);
  isGenerating = $state(false);
  /** Codes whose remove request is on its way. */
  removing = $state<Record<string, true>>({});
  /** A failed remove request, per code. */
  removeErrors = $state<Record<string, AppError>>({});
  /**
   * The code saved last, for the confirmation under the form: its name and the weak-PIN warning it was saved with (a
   * PIN saved at once still gets its warning, after the form has cleared).
   */
  lastSaved = $state<{ accessCodeId: string; name: string | null; warning: string | null } | null>(null);

  readonly active = $derived(this.codes.filter((code) => !code.is_removed));
  /** Removed codes, newest first, for the collapsed history. */
  readonly removed = $derived(
    this.codes.filter((code) => code.is_removed).sort((a, b) => b.updated_at.localeCompare(a.updated_at)),
  );
  readonly rules: string[] = $derived(describeLockRules(this.door?.lock ?? null));
  /** The first rule the typed PIN breaks, judged on screen while typing (the main process judges again). */
  readonly hint = $derived(pinHint(this.#pin, this.door?.lock ?? null));
  /** A weak-PIN warning (1234, a year, a date) when the PIN breaks no rule: it may still be saved. */
  readonly warning = $derived(this.hint ? null : pinWarning(this.#pin));
  readonly canSave = $derived(this.#pin.trim() !== '' && !this.isSaving && !this.isGenerating);

  #offs: Array<() => void> = [];

  constructor(
    private readonly bridge: RendererBridge,
    private readonly getDoor: () => DoorView | null,
    readonly doorId: string,
  ) {}

  /** The door as it is now (its lock profile changes with 'doors.changed'). */
  get door(): DoorView | null {
    return this.getDoor();
  }

  /** The PIN in the form. Editing it clears a refusal about the previous one. */
  get pin(): string {
    return this.#pin;
  }
  set pin(value: string) {
    this.#pin = value;
    if (this.formError) this.formError = null;
  }

  /** Subscribes to code changes (and reloads after the link to Lockbench comes back: events may be missed). */
  async start(): Promise<void> {
    this.#offs = [
      this.bridge.on('codes.changed', (code) => {
        if (code.door_id === this.doorId) this.#upsert(code);
      }),
      reloadOnReconnect(this.bridge, () => this.load()),
    ];
    await this.load();
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Loads the door's codes. */
  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('codes.list', { doorId: this.doorId });
    this.isLoading = false;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.codes = result.value;
  }

  /** Fills the PIN field with one the lock accepts, so the installer sees it before saving. */
  async generate(): Promise<void> {
    this.isGenerating = true;
    const result = await this.bridge.request('codes.generate', { doorId: this.doorId });
    this.isGenerating = false;
    if (!result.ok) {
      this.formError = result.error;
      return;
    }
    this.pin = result.value.code;
  }

  /**
   * Saves the code: ongoing, or time-bound when `schedule` carries a window (see ScheduleWizard). On success the form
   * clears; on refusal it keeps the name and PIN (and the caller keeps the window) and shows why.
   */
  async save(schedule: CodeSchedule = {}): Promise<boolean> {
    if (!this.canSave) return false;
    this.isSaving = true;
    this.formError = null;
    this.lastSaved = null;
    const warning = this.warning;
    const name = this.name.trim();
    const result = await this.bridge.request('codes.create', {
      doorId: this.doorId,
      code: this.#pin.trim(),
      ...(name ? { name } : {}),
      ...schedule,
    });
    this.isSaving = false;
    if (!result.ok) {
      this.formError = result.error;
      return false;
    }
    this.#upsert(result.value);
    this.lastSaved = { accessCodeId: result.value.access_code_id, name: result.value.name, warning };
    this.name = '';
    this.#pin = '';
    return true;
  }

  /** Hides the confirmation of the last saved code. */
  dismissSaved(): void {
    this.lastSaved = null;
  }

  /** Asks the lock to remove a code; the row shows `removing` until the lock confirms. */
  async remove(accessCodeId: string): Promise<void> {
    if (this.removing[accessCodeId]) return;
    this.removing = { ...this.removing, [accessCodeId]: true };
    const { [accessCodeId]: _previous, ...otherErrors } = this.removeErrors;
    this.removeErrors = otherErrors;
    const result = await this.bridge.request('codes.remove', { doorId: this.doorId, accessCodeId });
    const { [accessCodeId]: _done, ...stillRemoving } = this.removing;
    this.removing = stillRemoving;
    if (!result.ok) this.removeErrors = { ...this.removeErrors, [accessCodeId]: result.error };
    else this.#upsert(result.value);
  }

  /** Takes in a code another part of the door view created (an adopted unmanaged code). */
  accept(code: AccessCode): void {
    if (code.door_id === this.doorId) this.#upsert(code);
  }

  #upsert(code: AccessCode): void {
    const index = this.codes.findIndex((c) => c.access_code_id === code.access_code_id);
    if (index === -1) this.codes = [...this.codes, code];
    else if (this.codes[index]!.updated_at <= code.updated_at) this.codes[index] = code;
  }
}
