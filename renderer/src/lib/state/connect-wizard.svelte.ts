import { connectionSchema } from '../../../../shared/domain/site';
import type { Connection, SiteView } from '../../../../shared/domain/site';
import type { DoorView } from '../../../../shared/domain/door';
import type { SerialPortInfo } from '../../../../shared/domain/serial-port';
import type { AppError } from '../../../../shared/result';
import type { LockbenchBridge } from '../../../../shared/bridge';

/** The connect wizard's steps: pick a source → watch it connect → see the locks it found. */
export type ConnectStep = 'source' | 'connecting' | 'locks';

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

/**
 * Step logic of the connect wizard (the component only presents it): which source, what was typed, the activity
 * lines while the controller opens and the locks are interviewed, and the locks found.
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
  errors = $state<Record<ConnectStep, AppError | null>>({ source: null, connecting: null, locks: null });
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
  readonly canAdvance = $derived(
    this.step === 'source' ? this.connection !== null && !this.isBusy : this.step === 'locks' && this.site !== null,
  );
  readonly onlineCount = $derived(this.doors.filter((door) => door.isConnected && door.lock?.isOnline !== false).length);

  constructor(private readonly bridge: LockbenchBridge) {}

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

  /** Opens the chosen controller and interviews its locks, showing activity lines; then lists the locks found. */
  async connect(): Promise<void> {
    const connection = this.connection;
    if (!connection || this.isBusy) return;
    this.isBusy = true;
    this.errors = { source: null, connecting: null, locks: null };
    this.lines = [];
    this.step = 'connecting';
    const off = this.bridge.on('activity', (line) => (this.lines = [...this.lines.slice(1 - KEEP_LINES), line.message]));
    const name = this.siteName.trim();
    const result = await this.bridge.request('sites.connect', { connection, ...(name ? { name } : {}) });
    off();
    this.isBusy = false;
    if (!result.ok) {
      this.errors.connecting = result.error;
      return;
    }
    this.site = result.value;
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

  /** Goes back to choosing the source, keeping what was chosen and typed. */
  back(): void {
    if (this.isBusy) return;
    this.step = 'source';
    this.errors.connecting = null;
  }
}
