import type { PayloadOf } from '../../../../shared/contract';
import type { DoorView } from '../../../../shared/domain/door';
import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { LockbenchBridge } from '../../../../shared/bridge';

/**
 * A fault the demo site can simulate on a virtual lock: none, the lock stops answering (a Bluetooth lock: out of
 * range), or a Nuki lock refuses its security PIN.
 */
export type DemoFault = PayloadOf<'demo.simulate'>['fault'];

/**
 * The demo site's fault switch for one door: makes its virtual lock stop answering (a Bluetooth lock: go out of range),
 * a Nuki lock refuse its security PIN, or work normally again, with `demo.simulate`, so an installer trying the demo
 * sees what a failure looks like. Shown only on the demo site (found from `sites.list` / 'sites.changed', as the door
 * view knows only the site id). The fault shown is main's (`door.demoFault`, so a reload shows it); the answer to the
 * switch is handed on as the door's new state.
 */
export class DemoControls {
  site = $state<SiteView | null>(null);
  isSending = $state(false);
  error = $state<AppError | null>(null);
  /** main's answer to the last switch, used only while the door itself does not carry a fault (an older main). */
  #answered = $state<DemoFault | null>(null);

  readonly doorId: string;
  readonly siteId: string;
  readonly isDemoSite = $derived(this.site?.connections.some((c) => c.kind === 'demo') ?? false);
  readonly isSiteReady = $derived(this.site?.state === 'ready');
  /** The fault switched on for this virtual lock, as main holds it. */
  readonly fault = $derived<DemoFault>(this.#door()?.demoFault ?? this.#answered ?? 'none');
  /** The fault the toggle asks for next. */
  readonly nextFault = $derived<DemoFault>(this.fault === 'none' ? 'no_answer' : 'none');
  readonly canToggle = $derived(this.isDemoSite && this.isSiteReady && !this.isSending);
  /** The door's lock is reached over Bluetooth: "not answering" reads "out of range". */
  readonly isBluetooth = $derived(this.#door().lockAddress.protocol !== 'zwave');
  /** The door's lock is a Nuki lock: it can also refuse its security PIN. */
  readonly isNuki = $derived(this.#door().lockAddress.protocol === 'nuki');
  /** The faults this door's virtual lock can simulate. */
  readonly faults = $derived<DemoFault[]>(this.isNuki ? ['none', 'no_answer', 'wrong_security_pin'] : ['none', 'no_answer']);

  #offs: Array<() => void> = [];

  constructor(
    private readonly bridge: LockbenchBridge,
    private readonly getDoor: () => DoorView,
    private readonly onDoorChanged: (door: DoorView) => void = () => {},
  ) {
    const door = getDoor();
    this.doorId = door.id;
    this.siteId = door.siteId;
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

  /** Asks for the other fault (not answering ↔ normal). The shown fault changes only once the main process has accepted it. */
  async toggle(): Promise<void> {
    await this.simulate(this.nextFault);
  }

  /** Asks for `fault` (one this door's lock can simulate). The shown fault changes only once the main process has accepted it. */
  async simulate(fault: DemoFault): Promise<void> {
    if (!this.canToggle || !this.faults.includes(fault)) return;
    this.isSending = true;
    this.error = null;
    const result = await this.bridge.request('demo.simulate', { doorId: this.doorId, fault });
    this.isSending = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.#answered = result.value.demoFault ?? fault;
    this.onDoorChanged(result.value);
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

  /** What the lock does under a fault, after "this lock": "is out of range" for a Bluetooth lock that does not answer. */
  faultWords(fault: DemoFault): string {
    if (fault === 'no_answer') return this.isBluetooth ? 'is out of range' : 'is not answering';
    if (fault === 'wrong_security_pin') return 'refuses its security PIN';
    return 'answers normally';
  }

  #door(): DoorView {
    return this.getDoor();
  }

  #siteChanged(site: SiteView): void {
    if (site.id !== this.siteId) return;
    this.site = site;
    // Reconnecting starts a fresh virtual stick whose locks all answer; main's door state says so from then on.
    if (site.state !== 'ready') this.#answered = null;
  }
}
