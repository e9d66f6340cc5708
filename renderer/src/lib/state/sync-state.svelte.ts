import type { SyncStatus } from '../../../../shared/domain/cloud';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { reloadOnReconnect } from './reload-on-reconnect';

/** The cloud panels the indicator (and the door view) open in the main pane. */
export type CloudPanel = 'settings' | 'link' | 'conflicts';

/**
 * The cloud sync indicator's state: `sync.status` at start, kept live by `sync.changed`, "Sync now", and which cloud
 * panel is open. Not about one site: sync covers every site's doors.
 *
 *   sync.status ─┐
 *   sync.changed ┼─▶ status ─▶ indicator words (lib/sync-words.ts)
 *   sync.now ────┘   (its answer is the status after that sync)
 */
export class SyncState {
  status = $state<SyncStatus | null>(null);
  loadError = $state<AppError | null>(null);
  /** A `sync.now` request is on its way (it answers when that sync has finished). */
  isRequesting = $state(false);
  /** Why the last "Sync now" failed, until a later status says sync is fine again. */
  nowError = $state<AppError | null>(null);
  /** The cloud panel shown in the main pane, or none. */
  panel = $state<CloudPanel | null>(null);

  readonly isSyncing = $derived(this.isRequesting || this.status?.state === 'syncing');
  readonly hasAccount = $derived(!!this.status && this.status.state !== 'no_account');
  /** "Sync now" may be pressed: there is an account and no sync is running. */
  readonly canSyncNow = $derived(this.hasAccount && !this.isSyncing);
  readonly conflicts = $derived(this.status?.conflicts ?? 0);
  /** The failure to show: the status's own error while in `error`, else a failed "Sync now". */
  readonly problem = $derived(this.status?.state === 'error' && this.status.lastError ? this.status.lastError : this.nowError);

  #offs: Array<() => void> = [];

  constructor(private readonly bridge: RendererBridge) {}

  /** Follows sync.changed (and reloads after the link to Lockbench comes back), then loads the status. */
  async start(): Promise<void> {
    this.#offs = [
      this.bridge.on('sync.changed', (status) => this.#take(status)),
      reloadOnReconnect(this.bridge, () => this.load()),
    ];
    await this.load();
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Reads where sync stands. */
  async load(): Promise<void> {
    const result = await this.bridge.request('sync.status', {});
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.#take(result.value);
  }

  /** Syncs now (ignored while a sync runs or without an account): true once it finished and its status is taken. */
  async syncNow(): Promise<boolean> {
    if (!this.canSyncNow) return false;
    this.isRequesting = true;
    this.nowError = null;
    const result = await this.bridge.request('sync.now', {});
    this.isRequesting = false;
    if (!result.ok) {
      this.nowError = result.error;
      return false;
    }
    this.#take(result.value);
    return true;
  }

  /** Shows a cloud panel in the main pane. */
  open(panel: CloudPanel): void {
    this.panel = panel;
  }

  /** Closes the cloud panel. */
  close(): void {
    this.panel = null;
  }

  #take(status: SyncStatus): void {
    this.status = status;
    this.loadError = null;
    if (status.state === 'idle' || status.state === 'syncing') this.nowError = null;
  }
}
