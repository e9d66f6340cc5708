import { connectionSchema } from '../../../../shared/domain/site';
import type { Connection, SiteView } from '../../../../shared/domain/site';
import type { DoorView } from '../../../../shared/domain/door';
import type { SerialPortInfo } from '../../../../shared/domain/serial-port';
import type { AppError } from '../../../../shared/result';
import type { LockbenchBridge } from '../../../../shared/bridge';
import { ZonePicker } from './zone-picker.svelte';

/** The connect wizard's steps: pick a source → the property's time zone → watch it connect → see the locks it found. */
export type ConnectStep = 'source' | 'zone' | 'connecting' | 'locks';

/** Where the site's controller is: the demo stick, a listed serial port, or an address the installer typed. */
export type ConnectSource = 'demo' | 'port' | 'typed';

const KEEP_LINES = 30;

/** Turns what the installer typed into a connection: `tcp://host:port` for a network stick, else a serial path. */
export function parseTypedAddress(text: string): { connection: Connection | null; problem: string | null } {
  const value = text.trim();
  if (value === '') return { connection: null, problem: null };
  const candidate = value.toLowerCase().startsWith('tcp:') ? { kind: 'tcp', url: value } : { kind: 'serial', path: value };
  const parsed = connectionSchema.safeParse(candidate);
  if (parsed.success) return { connection: parsed.data, problem: null };
  const problem = candidate.kind === 'tcp' ? 'A network stick looks like tcp://192.168.1.20:4001' : 'That path is too long';
  return { connection: null, problem };
}

/** True when two connections reach the same controller (the demo stick, one serial path, one tcp address). */
export function sameConnection(a: Connection, b: Connection): boolean {
  if (a.kind === 'demo' || b.kind === 'demo') return a.kind === b.kind;
  if (a.kind === 'serial' && b.kind === 'serial') return a.path === b.path;
  return a.kind === 'tcp' && b.kind === 'tcp' && a.url === b.url;
}

/**
 * Step logic of the connect wizard (the component only presents it): which source, the property's time zone (asked
 * for a site whose zone nobody has chosen yet: the laptop's own zone offered first, or found by city or country),
 * the activity lines while the controller opens and the locks are interviewed, and the locks found.
 */
export class ConnectWizard {
  step = $state<ConnectStep>('source');
  source = $state<ConnectSource>('port');
  ports = $state<SerialPortInfo[]>([]);
  listError = $state<string | null>(null);
  isListing = $state(false);
  selectedPath = $state<string | null>(null);
  typedAddress = $state('');
  siteName = $state('');
  /** The error of each step, shown on that step. */
  errors = $state<Record<ConnectStep, AppError | null>>({ source: null, zone: null, connecting: null, locks: null });
  /** The zone sent with the connection (null: the site's zone is already chosen, nothing is sent). */
  timeZone = $state<string | null>(null);
  /** The search of the zone step. */
  readonly zonePicker: ZonePicker;
  /** Progress lines pushed while connecting. */
  lines = $state<string[]>([]);
  site = $state<SiteView | null>(null);
  doors = $state<DoorView[]>([]);
  isBusy = $state(false);

  readonly typed = $derived(parseTypedAddress(this.typedAddress));
  /** The connection the current choices describe, or null while incomplete. */
  readonly connection = $derived<Connection | null>(
    this.source === 'demo'
      ? { kind: 'demo' }
      : this.source === 'port'
        ? this.selectedPath
          ? { kind: 'serial', path: this.selectedPath }
          : null
        : this.typed.connection,
  );
  /** The site this connection reaches, when this laptop knows it already. */
  readonly knownSite: SiteView | null = $derived(this.#knownSite());
  /** The zone step is needed: a new site, or one whose zone nobody has chosen yet. */
  readonly asksZone = $derived(!this.knownSite?.timeZoneConfirmed);
  readonly canAdvance: boolean = $derived(this.#canAdvance());
  readonly onlineCount = $derived(this.doors.filter((door) => door.isConnected && door.lock?.isOnline !== false).length);

  constructor(
    private readonly bridge: LockbenchBridge,
    private readonly getKnownSites: () => readonly SiteView[] = () => [],
    zonePicker: ZonePicker = new ZonePicker(),
  ) {
    this.zonePicker = zonePicker;
  }

  /** Lists the serial ports (recognised Z-Wave sticks first); a failure keeps the typed-path option open. */
  async loadPorts(): Promise<void> {
    this.isListing = true;
    const result = await this.bridge.request('ports.list', {});
    this.isListing = false;
    if (!result.ok) {
      this.ports = [];
      this.listError = result.error.message;
      return;
    }
    this.ports = [...result.value.ports].sort((a, b) => Number(b.stickName !== null) - Number(a.stickName !== null));
    this.listError = result.value.listError;
    const stick = this.ports.find((port) => port.stickName !== null);
    if (stick && this.selectedPath === null) this.selectedPath = stick.path;
  }

  /** Picks a listed port. */
  choosePort(path: string): void {
    this.source = 'port';
    this.selectedPath = path;
    this.errors.source = null;
  }

  /** Picks the demo site and connects straight away (one tap). */
  async connectDemo(): Promise<void> {
    this.source = 'demo';
    await this.connect();
  }

  /** Source chosen: asks the property's time zone when nobody has chosen it yet, else connects straight away. */
  async connect(): Promise<void> {
    if (!this.connection || this.isBusy) return;
    this.errors.source = null;
    if (this.asksZone) {
      this.step = 'zone';
      return;
    }
    this.timeZone = null;
    await this.#open();
  }

  /** Zone step: connects with `zone` as the property's time zone (the laptop's, or the one found in the search). */
  async useZone(zone: string | null = this.zonePicker.chosen): Promise<void> {
    if (!zone || this.isBusy) return;
    this.timeZone = zone;
    await this.#open();
  }

  /** Opens the chosen controller and interviews its locks, showing activity lines; then lists the locks found. */
  async #open(): Promise<void> {
    const connection = this.connection;
    if (!connection || this.isBusy) return;
    this.isBusy = true;
    this.errors = { source: null, zone: null, connecting: null, locks: null };
    this.lines = [];
    this.step = 'connecting';
    const off = this.bridge.on('activity', (line) => (this.lines = [...this.lines.slice(1 - KEEP_LINES), line.message]));
    const name = this.siteName.trim();
    const timeZone = this.timeZone;
    const result = await this.bridge.request('sites.connect', { connection, ...(name ? { name } : {}), ...(timeZone ? { timeZone } : {}) });
    off();
    if (!result.ok) {
      this.isBusy = false;
      this.errors.connecting = result.error;
      return;
    }
    this.site = result.value;
    // A site known before may keep its stored zone on connect: the answer given here is then saved as its zone.
    if (timeZone && (result.value.timeZone !== timeZone || !result.value.timeZoneConfirmed)) {
      const updated = await this.bridge.request('sites.update', { siteId: result.value.id, timeZone });
      if (updated.ok) this.site = { ...result.value, timeZone: updated.value.timeZone, timeZoneConfirmed: updated.value.timeZoneConfirmed };
      else this.errors.zone = updated.error;
    }
    this.isBusy = false;
    if (result.value.state === 'failed') {
      const message = result.value.stateMessage ?? 'The controller did not start.';
      this.errors.connecting = { code: 'transport.open_failed', message };
      return;
    }
    this.step = 'locks';
    await this.loadLocks();
  }

  /** Lists the doors (locks) of the connected site. */
  async loadLocks(): Promise<void> {
    if (!this.site) return;
    const result = await this.bridge.request('doors.list', { siteId: this.site.id });
    if (!result.ok) {
      this.errors.locks = result.error;
      return;
    }
    this.errors.locks = null;
    this.doors = result.value;
  }

  /** Goes back one step (connecting → zone when it was asked → source), keeping what was chosen and typed. */
  back(): void {
    if (this.isBusy) return;
    this.errors.connecting = null;
    this.step = this.step === 'connecting' && this.timeZone !== null ? 'zone' : 'source';
  }

  #knownSite(): SiteView | null {
    const connection = this.connection;
    return connection ? (this.getKnownSites().find((site) => site.connections.some((c) => sameConnection(c, connection))) ?? null) : null;
  }

  #canAdvance(): boolean {
    if (this.step === 'source') return this.connection !== null && !this.isBusy;
    if (this.step === 'zone') return this.zonePicker.chosen !== null && !this.isBusy;
    return this.step === 'locks' && this.site !== null;
  }

  /** Retries the connection after a failure, with the same answers. */
  async retry(): Promise<void> {
    await this.#open();
  }
}
