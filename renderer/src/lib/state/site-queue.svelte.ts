import type { DoorView } from '../../../../shared/domain/door';
import type { QueueItem } from '../../../../shared/domain/operation';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { doorQueueSummary } from '../queue-words';

/**
 * The selected site's queue of changes for its locks: `queue.list`, kept live by `queue.changed`, with Retry and
 * Cancel (Cancel asks once more first). Owned by AppState, which calls `select` when the site changes.
 */
export class SiteQueue {
  siteId = $state<string | null>(null);
  items = $state<QueueItem[]>([]);
  loadError = $state<AppError | null>(null);
  /** Items whose retry or cancel is on its way. */
  busy = $state<Record<string, true>>({});
  /** A refused retry or cancel, per item. */
  errors = $state<Record<string, AppError>>({});
  /** The item whose Cancel is waiting for "Yes, cancel". */
  confirmingCancel = $state<string | null>(null);

  readonly failedCount = $derived(this.items.filter((item) => item.state === 'failed').length);

  #offs: Array<() => void> = [];

  constructor(private readonly bridge: RendererBridge) {}

  /** Listens to queue.changed (and reloads after the link to Lockbench comes back). */
  start(): void {
    this.#offs = [
      this.bridge.on('queue.changed', ({ siteId, items }) => {
        if (siteId === this.siteId) this.items = items;
      }),
      this.bridge.onLinkChange((state) => {
        if (state === 'up') void this.load();
      }),
    ];
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Shows another site's queue (or none). */
  async select(siteId: string | null): Promise<void> {
    if (siteId !== this.siteId) {
      this.siteId = siteId;
      this.items = [];
      this.errors = {};
      this.confirmingCancel = null;
    }
    await this.load();
  }

  /** Loads the selected site's queue. */
  async load(): Promise<void> {
    const siteId = this.siteId;
    if (!siteId) return;
    const result = await this.bridge.request('queue.list', { siteId });
    if (siteId !== this.siteId) return;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.items = result.value;
  }

  /** The items of one door. */
  itemsOf(doorId: string): QueueItem[] {
    return this.items.filter((item) => item.door_id === doorId);
  }

  /** "3 changes waiting for Back door", or null. */
  summaryOf(door: Pick<DoorView, 'id' | 'name'>): string | null {
    return doorQueueSummary(this.items, door);
  }

  /** Tries an item again now. */
  async retry(item: QueueItem): Promise<void> {
    await this.#act(item, 'queue.retry');
  }

  /** First tap: ask to confirm. */
  askCancel(operationId: string): void {
    this.confirmingCancel = operationId;
  }

  /** "Keep it": the cancel is not sent. */
  keep(): void {
    this.confirmingCancel = null;
  }

  /** Second tap: gives the item up (only after askCancel). */
  async confirmCancel(item: QueueItem): Promise<void> {
    if (this.confirmingCancel !== item.operation_id) return;
    this.confirmingCancel = null;
    await this.#act(item, 'queue.cancel');
  }

  async #act(item: QueueItem, channel: 'queue.retry' | 'queue.cancel'): Promise<void> {
    const id = item.operation_id;
    if (this.busy[id]) return;
    this.busy = { ...this.busy, [id]: true };
    const { [id]: _old, ...otherErrors } = this.errors;
    this.errors = otherErrors;
    const result = await this.bridge.request(channel, { doorId: item.door_id, operationId: id });
    const { [id]: _done, ...stillBusy } = this.busy;
    this.busy = stillBusy;
    if (!result.ok) {
      this.errors = { ...this.errors, [id]: result.error };
      if (result.error.code === 'queue.not_found') await this.load();
      return;
    }
    const updated = result.value;
    this.items = ['done', 'cancelled'].includes(updated.state)
      ? this.items.filter((i) => i.operation_id !== id)
      : this.items.map((i) => (i.operation_id === id ? updated : i));
  }
}
