import type { AccessCode } from '../../../../shared/domain/access-code';
import type { UnmanagedCode } from '../../../../shared/domain/unmanaged-code';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/**
 * Codes on a door's lock that Lockbench did not create. Per slot the installer may adopt it (optional name), clear it
 * (asked twice: it may be someone's only way in), or leave it alone — which only hides it here and never touches the
 * lock. Nothing is ever overwritten on the installer's behalf.
 */
export class UnmanagedCodes {
  codes = $state<UnmanagedCode[]>([]);
  isLoading = $state(false);
  loadError = $state<AppError | null>(null);
  /** Name typed for adopting, per slot. */
  names = $state<Record<number, string>>({});
  /** Slots whose adopt or clear is on its way. */
  busy = $state<Record<number, true>>({});
  /** A refused adopt or clear, per slot. */
  errors = $state<Record<number, AppError>>({});
  /** Slot whose Clear waits for "Yes, clear". */
  confirmingClear = $state<number | null>(null);
  /** Slots the installer chose to leave alone (this screen only). */
  leftAlone = $state<number[]>([]);

  /** The codes still asking for a decision. */
  readonly visible = $derived(this.codes.filter((code) => !this.leftAlone.includes(code.slot)));

  constructor(
    private readonly bridge: RendererBridge,
    readonly doorId: string,
    private readonly onAdopted: (code: AccessCode) => void = () => {},
  ) {}

  /** Reads the list (zwave-js's cache; no radio traffic). */
  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('codes.unmanaged', { doorId: this.doorId });
    this.isLoading = false;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.codes = result.value;
  }

  /** Takes the slot's code under management as it is; it then shows among the door's codes. */
  async adopt(slot: number): Promise<boolean> {
    const name = (this.names[slot] ?? '').trim();
    const result = await this.#act(slot, () =>
      this.bridge.request('codes.adopt', { doorId: this.doorId, slot, ...(name ? { name } : {}) }),
    );
    if (result) this.onAdopted(result);
    return result !== null;
  }

  /** First tap on Clear: ask to confirm. */
  askClear(slot: number): void {
    this.confirmingClear = slot;
  }

  /** "Keep it": nothing is sent. */
  keep(): void {
    this.confirmingClear = null;
  }

  /** Second tap: clears the slot (queued like any removal). Only after askClear for the same slot. */
  async confirmClear(slot: number): Promise<boolean> {
    if (this.confirmingClear !== slot) return false;
    this.confirmingClear = null;
    const result = await this.#act(slot, () => this.bridge.request('codes.clearUnmanaged', { doorId: this.doorId, slot }));
    return result !== null;
  }

  /** Hides the slot here; the lock is never touched. */
  leave(slot: number): void {
    if (!this.leftAlone.includes(slot)) this.leftAlone = [...this.leftAlone, slot];
    if (this.confirmingClear === slot) this.confirmingClear = null;
  }

  /** Shows the slots left alone again. */
  showAll(): void {
    this.leftAlone = [];
  }

  async #act(slot: number, send: () => Promise<{ ok: true; value: AccessCode } | { ok: false; error: AppError }>): Promise<AccessCode | null> {
    if (this.busy[slot]) return null;
    this.busy = { ...this.busy, [slot]: true };
    const { [slot]: _old, ...otherErrors } = this.errors;
    this.errors = otherErrors;
    const result = await send();
    const { [slot]: _done, ...stillBusy } = this.busy;
    this.busy = stillBusy;
    if (!result.ok) {
      this.errors = { ...this.errors, [slot]: result.error };
      return null;
    }
    this.codes = this.codes.filter((code) => code.slot !== slot);
    return result.value;
  }
}
