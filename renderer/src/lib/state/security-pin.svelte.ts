import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { securityPinProblem } from '../bluetooth-words';

/**
 * A paired Nuki lock's security PIN, typed again after the lock refused the one kept (it was changed in the Nuki app):
 * main checks it with the lock before keeping it (`bluetooth.setSecurityPin`). The PIN is never shown; it is cleared
 * once kept, and cleared (the field focused again) when the lock refuses it. Other refusals keep it for a retry.
 */
export class SecurityPin {
  #pin = $state('');
  isSaving = $state(false);
  error = $state<AppError | null>(null);
  /** The lock took the PIN typed last (until the field is typed in again). */
  isSaved = $state(false);
  /** Goes up each time the PIN field should take the focus again (the lock refused the PIN). */
  focusRequests = $state(0);

  readonly problem = $derived(securityPinProblem(this.#pin));
  readonly canSave = $derived(this.problem === null && !this.isSaving);

  constructor(
    private readonly bridge: RendererBridge,
    readonly doorId: string,
    private readonly onDoorChanged: (door: DoorView) => void = () => {},
  ) {}

  /** The PIN in the field. Typing again takes away "saved". */
  get pin(): string {
    return this.#pin;
  }

  set pin(value: string) {
    this.#pin = value;
    this.isSaved = false;
  }

  /** Sends the PIN to be checked with the lock and kept. */
  async save(): Promise<boolean> {
    if (!this.canSave) return false;
    this.isSaving = true;
    this.error = null;
    const result = await this.bridge.request('bluetooth.setSecurityPin', { doorId: this.doorId, securityPin: this.#pin });
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error;
      if (result.error.code === 'lock.bad_security_pin') {
        this.#pin = '';
        this.focusRequests++;
      }
      return false;
    }
    this.#pin = '';
    this.isSaved = true;
    this.onDoorChanged(result.value);
    return true;
  }
}
