import type { NearbyLock } from '../../../../shared/domain/bluetooth';
import type { DoorView } from '../../../../shared/domain/door';
import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { doorNameProblem, securityPinProblem } from '../bluetooth-words';

/**
 * The Bluetooth pairing wizard's steps:
 *
 *   availability ─ready─▶ scan ─pick a lock in pairing mode──────────▶ pin ─▶ pairing ─▶ done
 *        │                  └─pick a lock not in pairing mode─▶ button ─┘  ▲       │
 *        └─unavailable: one line, stop                            ▲        └───────┤ refused: back with the words
 *                                                                 └────────────────┘ (not in pairing mode)
 */
export type PairStep = 'availability' | 'scan' | 'button' | 'pin' | 'pairing' | 'done';

const KEEP_LINES = 20;

/** Refusals of `bluetooth.pair` that mean the lock must be put in pairing mode again. */
const NEEDS_BUTTON: readonly string[] = ['lock.not_pairing', 'lock.pairing_refused'];

/** True for the demo site (its virtual radio and locks: the lock's button is pressed by `demo.nukiButton`). */
export function isDemoSite(site: Pick<SiteView, 'id' | 'connections'>): boolean {
  return site.id === 'demo' || site.connections.some((c) => c.kind === 'demo' || (c.kind === 'bluetooth' && c.radio === 'demo'));
}

/**
 * Step logic of adding a Bluetooth (Nuki) lock to a site: is Bluetooth usable here (if not: main's one line, and
 * nothing else), the locks heard nearby (strongest first; one already a door here is shown, not pickable), the lock's
 * button when it is not in pairing mode, its security PIN and the door's name, pairing with progress lines, and the
 * new door. A refusal keeps everything typed, except a refused security PIN, which is cleared for typing again.
 */
export class BluetoothPairWizard {
  step = $state<PairStep>('availability');
  isChecking = $state(false);
  /** Bluetooth cannot be used here: main's one line on what to do, shown as is; null otherwise. */
  unavailableLine = $state<string | null>(null);
  /** Asking whether Bluetooth can be used failed (the request itself). */
  checkError = $state<AppError | null>(null);
  locks = $state<NearbyLock[]>([]);
  isScanning = $state(false);
  hasScanned = $state(false);
  scanError = $state<AppError | null>(null);
  /** The lock picked, as last heard. */
  picked = $state<NearbyLock | null>(null);
  /** After "scan again" on the button step: why the installer is still there; null otherwise. */
  buttonNote = $state<string | null>(null);
  isPressingButton = $state(false);
  buttonError = $state<AppError | null>(null);
  /** The lock's security PIN as typed: sent to main once, never shown, cleared after pairing. */
  securityPin = $state('');
  doorName = $state('');
  /** What takes the focus when the PIN step appears: the PIN field (first time, PIN refused) or "Pair" (to retry). */
  pinStepFocus = $state<'pin' | 'submit'>('pin');
  /** The last pairing's refusal, shown on the step it sent the installer back to. */
  pairError = $state<AppError | null>(null);
  /** Progress lines pushed while pairing. */
  lines = $state<string[]>([]);
  /** The new door. */
  door = $state<DoorView | null>(null);

  readonly siteId: string;
  readonly isDemoSite: boolean;
  /** The locks heard, strongest signal first. */
  readonly sortedLocks = $derived([...this.locks].sort((a, b) => b.rssi - a.rssi));
  readonly pinProblem = $derived(securityPinProblem(this.securityPin));
  readonly nameProblem = $derived(doorNameProblem(this.doorName));
  /** Why "Pair" cannot be pressed, in words; null when it can (or not on the PIN step). */
  readonly problem = $derived(this.step === 'pin' ? (this.pinProblem ?? this.nameProblem) : null);
  readonly canAdvance: boolean = $derived(this.#canAdvance());

  constructor(
    private readonly bridge: RendererBridge,
    site: Pick<SiteView, 'id' | 'connections'>,
    private readonly getDoors: () => readonly DoorView[] = () => [],
    private readonly hooks: { onPaired?: (door: DoorView) => void } = {},
  ) {
    this.siteId = site.id;
    this.isDemoSite = isDemoSite(site);
  }

  /** Asks whether Bluetooth can be used here and, when it can, listens for locks. */
  async start(): Promise<void> {
    if (await this.checkAvailability()) await this.scan();
  }

  /** Asks main whether Bluetooth can be used for this site; true when it can (the wizard moves on to the scan). */
  async checkAvailability(): Promise<boolean> {
    if (this.isChecking) return false;
    this.step = 'availability';
    this.isChecking = true;
    this.checkError = null;
    const result = await this.bridge.request('bluetooth.availability', { siteId: this.siteId });
    this.isChecking = false;
    if (!result.ok) {
      this.checkError = result.error;
      return false;
    }
    if (result.value.state === 'unavailable') {
      this.unavailableLine = result.value.message;
      return false;
    }
    this.unavailableLine = null;
    this.step = 'scan';
    return true;
  }

  /** Listens for locks nearby (again). Bluetooth gone meanwhile sends the installer back to its one line. */
  async scan(): Promise<void> {
    if (this.isScanning) return;
    this.isScanning = true;
    this.scanError = null;
    const result = await this.bridge.request('bluetooth.scan', { siteId: this.siteId });
    this.isScanning = false;
    if (!result.ok) {
      if (result.error.code === 'ble.unavailable') {
        this.unavailableLine = result.error.message;
        this.step = 'availability';
      } else this.scanError = result.error;
      return;
    }
    this.locks = result.value;
    this.hasScanned = true;
    const again = this.picked && result.value.find((lock) => lock.address === this.picked?.address);
    if (again) this.picked = again;
  }

  /** The name of the door a lock already is on this site. */
  doorNameOf(doorId: string): string {
    return this.getDoors().find((door) => door.id === doorId)?.name ?? 'a door';
  }

  /** Picks a lock heard: in pairing mode → its security PIN; otherwise → hold its button. A lock already a door is not pickable. */
  pick(address: string): void {
    const lock = this.locks.find((l) => l.address === address);
    if (!lock || lock.doorId !== null || this.isScanning) return;
    const previousName = this.picked?.name;
    this.picked = lock;
    if (this.doorName.trim() === '' || this.doorName === previousName) this.doorName = lock.name;
    this.pairError = null;
    this.buttonNote = null;
    this.buttonError = null;
    if (lock.mode === 'pairing') this.#toPin('pin');
    else this.step = 'button';
  }

  /** Button step: scans again and goes on to the PIN once the picked lock says it is in pairing mode. */
  async scanForPairingMode(): Promise<void> {
    if (!this.picked) return;
    this.buttonNote = null;
    await this.scan();
    if (this.scanError || this.step !== 'button') return;
    const lock = this.locks.find((l) => l.address === this.picked?.address);
    if (!lock) this.buttonNote = 'The lock was not heard this time: move closer to it, then scan again.';
    else if (lock.mode !== 'pairing') this.buttonNote = 'The lock is not in pairing mode yet: hold its button until the light ring stays lit, then scan again.';
    else {
      this.pairError = null;
      this.#toPin('pin');
    }
  }

  /** Demo site: holds the virtual lock's button (pairing mode for 5 minutes), then scans again. */
  async pressDemoButton(): Promise<void> {
    if (!this.isDemoSite || !this.picked || this.isPressingButton) return;
    this.isPressingButton = true;
    this.buttonError = null;
    const result = await this.bridge.request('demo.nukiButton', { siteId: this.siteId, address: this.picked.address });
    this.isPressingButton = false;
    if (!result.ok) {
      this.buttonError = result.error;
      return;
    }
    await this.scanForPairingMode();
  }

  /** Button step: the installer sees the ring lit (the scan may not tell): go on to the PIN. */
  continueToPin(): void {
    if (this.step === 'button' && this.picked) this.#toPin('pin');
  }

  /** Back to the list of locks, keeping what was typed. */
  back(): void {
    if (this.step !== 'button' && this.step !== 'pin') return;
    this.pairError = null;
    this.buttonNote = null;
    this.step = 'scan';
  }

  /** Pairs with the picked lock, showing progress; a refusal goes back to the step that can fix it, with its words. */
  async pair(): Promise<boolean> {
    const lock = this.picked;
    if (!this.canAdvance || !lock) return false;
    this.step = 'pairing';
    this.pairError = null;
    this.lines = [];
    const off = this.bridge.on('activity', (line) => {
      if (line.siteId === this.siteId || line.siteId === null) this.lines = [...this.lines.slice(1 - KEEP_LINES), line.message];
    });
    const result = await this.bridge.request('bluetooth.pair', {
      siteId: this.siteId,
      address: lock.address,
      securityPin: this.securityPin,
      doorName: this.doorName.trim(),
    });
    off();
    if (result.ok) {
      this.securityPin = '';
      this.door = result.value;
      this.step = 'done';
      this.hooks.onPaired?.(result.value);
      return true;
    }
    this.pairError = result.error;
    if (NEEDS_BUTTON.includes(result.error.code)) this.step = 'button';
    else if (result.error.code === 'lock.bad_security_pin') {
      this.securityPin = '';
      this.#toPin('pin');
    } else this.#toPin('submit');
    return false;
  }

  /** After pairing: pair another lock (starts from a fresh scan). */
  async again(): Promise<void> {
    this.picked = null;
    this.door = null;
    this.doorName = '';
    this.securityPin = '';
    this.pairError = null;
    this.lines = [];
    this.step = 'scan';
    await this.scan();
  }

  #toPin(focus: 'pin' | 'submit'): void {
    this.pinStepFocus = focus;
    this.step = 'pin';
  }

  #canAdvance(): boolean {
    if (this.step === 'pin') return this.picked !== null && this.pinProblem === null && this.nameProblem === null;
    if (this.step === 'button') return this.picked !== null && !this.isScanning && !this.isPressingButton;
    return this.step === 'done' && this.door !== null;
  }
}
