import type { EventOf } from '../../../../shared/contract';
import type { AccessCode } from '../../../../shared/domain/access-code';
import type { DoorView } from '../../../../shared/domain/door';
import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { LinkState, RendererBridge } from '../bridge/renderer-bridge';
import { AppClock } from './app-clock.svelte';
import { SiteQueue } from './site-queue.svelte';

/** One progress line from the main process, stamped on arrival. */
export type ActivityEntry = EventOf<'activity'> & { at: number };

/** Live code counts of a door, from 'codes.changed' events: how many are on their way, how many have a problem. */
export interface DoorCodeProgress {
  pending: number;
  failing: number;
}

const KEEP_ACTIVITY = 50;

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): T[] {
  const index = list.findIndex(same);
  return index === -1 ? [...list, item] : list.map((entry, i) => (i === index ? item : entry));
}

/**
 * The app shell's state: the sites, the selected site and its doors, the selected door, the link to the main
 * process, and the live progress pushed as events. The demo site is connected by the main process on start, so
 * `start()` lands straight on a ready (or still connecting) site; the connect wizard is for adding another.
 */
export class AppState {
  sites = $state<SiteView[]>([]);
  doors = $state<DoorView[]>([]);
  selectedSiteId = $state<string | null>(null);
  selectedDoorId = $state<string | null>(null);
  isLoading = $state(true);
  loadError = $state<AppError | null>(null);
  linkState = $state<LinkState>('connecting');
  isConnectOpen = $state(false);
  /** The Bluetooth pairing wizard is open for the selected site. */
  isPairOpen = $state(false);
  isReconnecting = $state(false);
  reconnectError = $state<AppError | null>(null);
  /** What happened when the local store was opened (recovered from its backup, damaged file set aside), or null. */
  storeNotice = $state<string | null>(null);
  /** Recent activity lines, oldest first. */
  activity = $state<ActivityEntry[]>([]);
  #codes = $state<Record<string, AccessCode>>({});

  readonly selectedSite = $derived(this.sites.find((site) => site.id === this.selectedSiteId) ?? null);
  readonly selectedDoor = $derived(this.doors.find((door) => door.id === this.selectedDoorId) ?? null);
  /** What the main pane shows: `unreachable` when the main process cannot be reached and nothing is loaded yet. */
  readonly view = $derived<'loading' | 'unreachable' | 'connect' | 'pair' | 'site'>(
    this.sites.length === 0 && this.linkState === 'down'
      ? 'unreachable'
      : this.isLoading && this.sites.length === 0
        ? 'loading'
        : this.isConnectOpen || !this.selectedSite
          ? 'connect'
          : this.isPairOpen
            ? 'pair'
            : 'site',
  );

  /** The selected site's queue of changes for its locks (follows the selected site). */
  readonly queue: SiteQueue;
  /** The app's now (main's clock, moved by the demo clock): timelines, countdowns and status words use it. */
  readonly clock: AppClock;

  #unsubscribe: Array<() => void> = [];

  constructor(
    private readonly bridge: RendererBridge,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new SiteQueue(bridge);
    this.clock = new AppClock(bridge, now);
  }

  /** Subscribes to the live events and loads the sites. */
  async start(): Promise<void> {
    this.linkState = this.bridge.linkState;
    this.#unsubscribe = [
      this.bridge.on('sites.changed', (site) => this.#siteChanged(site)),
      this.bridge.on('doors.changed', (door) => this.#doorChanged(door)),
      this.bridge.on('codes.changed', (code) => (this.#codes = { ...this.#codes, [code.access_code_id]: code })),
      this.bridge.on('activity', (line) => {
        this.activity = [...this.activity.slice(1 - KEEP_ACTIVITY), { ...line, at: this.now() }];
      }),
      this.bridge.onLinkChange((state) => {
        const wasDown = this.linkState === 'down';
        this.linkState = state;
        if (state === 'up' && wasDown) void this.reload();
      }),
    ];
    this.queue.start();
    this.clock.start();
    const info = await this.bridge.request('app.info', {});
    if (info.ok) {
      this.storeNotice = info.value.storeNotice;
      this.clock.sync(info.value.now);
      this.clock.canMove = info.value.demoClock;
    }
    await this.reload();
  }

  /** Stops listening (the component unmounted). */
  dispose(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    this.queue.dispose();
    this.clock.dispose();
  }

  /** Loads the sites again and picks one: the selected one if it still exists, else the first ready or connecting. */
  async reload(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('sites.list', {});
    this.isLoading = false;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.sites = result.value;
    const keep = result.value.find((site) => site.id === this.selectedSiteId);
    const pick = keep ?? result.value.find((s) => s.state === 'ready') ?? result.value.find((s) => s.state === 'connecting');
    if (pick) await this.selectSite(pick.id);
    else {
      this.selectedSiteId = null;
      void this.queue.select(null);
    }
  }

  /** Shows a site and loads its doors; the first door is selected when none is. */
  async selectSite(siteId: string): Promise<void> {
    if (siteId !== this.selectedSiteId) {
      this.isPairOpen = false;
      this.selectedSiteId = siteId;
      this.selectedDoorId = null;
      this.doors = [];
    }
    void this.queue.select(siteId);
    const result = await this.bridge.request('doors.list', { siteId });
    if (this.selectedSiteId !== siteId) return;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.doors = result.value;
    if (!this.doors.some((door) => door.id === this.selectedDoorId)) this.selectedDoorId = this.doors[0]?.id ?? null;
  }

  /** Shows a door of the selected site (closing the Bluetooth pairing wizard). */
  selectDoor(doorId: string): void {
    this.selectedDoorId = doorId;
    this.isPairOpen = false;
  }

  /** Opens the Bluetooth pairing wizard for the selected site. */
  openPair(): void {
    if (this.selectedSite) this.isPairOpen = true;
  }

  /** Closes the Bluetooth pairing wizard (a door already paired stays). */
  closePair(): void {
    this.isPairOpen = false;
  }

  /** Opens the connect wizard (add a site, or reconnect one). */
  openConnect(): void {
    this.isConnectOpen = true;
  }

  /** Closes the connect wizard without changing anything. */
  closeConnect(): void {
    this.isConnectOpen = false;
  }

  /** The connect wizard finished: show the site it connected. */
  async finishConnect(site: SiteView): Promise<void> {
    this.sites = upsert(this.sites, site, (s) => s.id === site.id);
    this.isConnectOpen = false;
    await this.selectSite(site.id);
  }

  /** Re-opens the selected site's controller (after a failure or an unplugged stick); progress arrives as events. */
  async reconnect(): Promise<void> {
    const site = this.selectedSite;
    if (!site || this.isReconnecting) return;
    this.isReconnecting = true;
    this.reconnectError = null;
    const result = await this.bridge.request('sites.connect', { connection: site.connections[0]! });
    this.isReconnecting = false;
    if (!result.ok) {
      this.reconnectError = result.error;
      return;
    }
    this.#siteChanged(result.value);
  }

  /** The latest activity line about a door, or about the site when `doorId` is null. */
  latestActivity(siteId: string | null, doorId: string | null = null): ActivityEntry | null {
    for (let i = this.activity.length - 1; i >= 0; i--) {
      const entry = this.activity[i]!;
      if (doorId ? entry.doorId === doorId : entry.siteId === siteId || entry.siteId === null) return entry;
    }
    return null;
  }

  /** Codes of a door still on their way to or from the lock, and codes with an error, from live events. */
  codeProgress(doorId: string): DoorCodeProgress {
    let pending = 0;
    let failing = 0;
    for (const code of Object.values(this.#codes)) {
      if (code.door_id !== doorId || code.is_removed) continue;
      if (code.errors.length > 0) failing++;
      else if (code.status === 'setting' || code.status === 'removing') pending++;
    }
    return { pending, failing };
  }

  /** A site changed by a request of this window (renamed, new time zone): same as its sites.changed event. */
  acceptSite(site: SiteView): void {
    this.#siteChanged(site);
  }

  /** A door changed by a request of this window (its lock's clock set, a demo fault): same as its doors.changed event. */
  acceptDoor(door: DoorView): void {
    this.#doorChanged(door);
  }

  #siteChanged(site: SiteView): void {
    const before = this.sites.find((s) => s.id === site.id);
    this.sites = upsert(this.sites, site, (s) => s.id === site.id);
    if (site.id === this.selectedSiteId) {
      if (site.state === 'ready' && before?.state !== 'ready') void this.selectSite(site.id);
    } else if (!this.selectedSiteId && (site.state === 'ready' || site.state === 'connecting')) {
      void this.selectSite(site.id);
    }
  }

  #doorChanged(door: DoorView): void {
    if (door.siteId !== this.selectedSiteId) return;
    this.doors = upsert(this.doors, door, (d) => d.id === door.id);
    this.selectedDoorId ??= door.id;
  }
}
