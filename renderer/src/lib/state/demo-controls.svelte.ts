import type { PayloadOf } from '../../../../shared/contract';
import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { LockbenchBridge } from '../../../../shared/bridge';

/** A fault the demo site can simulate on a virtual lock: none, or the lock stops answering. */
export type DemoFault = PayloadOf<'demo.simulate'>['fault'];

/** Faults set from this window: site id → door id → fault. */
export type DemoFaultMemory = Map<string, Record<string, DemoFault>>;

/**
 * The main process does not report faults, so this is the renderer's memory of what it asked for. It outlives the
 * door view (re-created when another door is picked and this one again); a reload of the window forgets it.
 */
const faultsSetHere: DemoFaultMemory = new Map();

/**
 * The demo site's fault switch for one door: makes its virtual lock stop answering (or answer again) with
 * `demo.simulate`, so an installer trying the demo sees what a failure looks like. Shown only on the demo site (found
 * from `sites.list` / 'sites.changed', as the door view knows only the site id). The fault shown is the last one the
 * main process accepted; it resets to 'none' when the demo site leaves 'ready' (its virtual stick starts afresh).
 */
export class DemoControls {
  site = $state<SiteView | null>(null);
  fault = $state<DemoFault>('none');
  isSending = $state(false);
  error = $state<AppError | null>(null);

  readonly isDemoSite = $derived(this.site?.connection.kind === 'demo');
  readonly isSiteReady = $derived(this.site?.state === 'ready');
  /** The fault the toggle asks for next. */
  readonly nextFault = $derived<DemoFault>(this.fault === 'none' ? 'no_answer' : 'none');
  readonly canToggle = $derived(this.isDemoSite && this.isSiteReady && !this.isSending);

  #offs: Array<() => void> = [];

  constructor(
    private readonly bridge: LockbenchBridge,
    readonly doorId: string,
    readonly siteId: string,
    private readonly memory: DemoFaultMemory = faultsSetHere,
  ) {
    this.fault = memory.get(siteId)?.[doorId] ?? 'none';
  }

  /** Finds the door's site (is it the demo site?) and follows its changes. */
  async start(): Promise<void> {
    this.#offs = [this.bridge.on('sites.changed', (site) => this.#siteChanged(site))];
    const result = await this.bridge.request('sites.list', {});
    if (!result.ok) return; // No panel until a 'sites.changed' tells us the site; the door view shows link problems.
    const site = result.value.find((s) => s.id === this.siteId);
    if (site && !this.site) this.#siteChanged(site);
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Asks for the other fault. The shown fault changes only once the main process has accepted it. */
  async toggle(): Promise<void> {
    if (!this.canToggle) return;
    const fault = this.nextFault;
    this.isSending = true;
    this.error = null;
    const result = await this.bridge.request('demo.simulate', { doorId: this.doorId, fault });
    this.isSending = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.#setFault(fault);
  }

  /** Types a code on the virtual lock's keypad; the lock reports the unlock and the code shows when it was used. */
  async typeOnKeypad(accessCodeId: string): Promise<void> {
    if (!this.isDemoSite || !this.isSiteReady || this.isSending) return;
    this.isSending = true;
    this.error = null;
    const result = await this.bridge.request('demo.keypad', { doorId: this.doorId, accessCodeId });
    this.isSending = false;
    if (!result.ok) this.error = result.error;
  }

  #siteChanged(site: SiteView): void {
    if (site.id !== this.siteId) return;
    this.site = site;
    if (site.state === 'ready') return;
    // Every door of the site answers again: reconnecting starts a fresh virtual stick.
    this.memory.delete(this.siteId);
    this.fault = 'none';
  }

  #setFault(fault: DemoFault): void {
    this.fault = fault;
    const { [this.doorId]: _previous, ...others } = this.memory.get(this.siteId) ?? {};
    this.memory.set(this.siteId, fault === 'none' ? others : { ...others, [this.doorId]: fault });
  }
}
