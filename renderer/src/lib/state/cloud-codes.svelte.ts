import type { CloudForeignCode } from '../../../../shared/domain/cloud';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { reloadOnReconnect } from './reload-on-reconnect';

/**
 * Codes on a door's cloud device that Lockbench did not create (`codes.fromCloud`, from the last sync; no PINs).
 * Reloaded when a sync succeeds (`sync.changed` with a new last success; the first event too, as the start may have
 * missed it) and after the link comes back.
 */
export class CloudCodes {
  codes = $state<CloudForeignCode[]>([]);
  loadError = $state<AppError | null>(null);

  #lastSuccessAt: string | null | undefined = undefined;
  #offs: Array<() => void> = [];

  constructor(
    private readonly bridge: RendererBridge,
    readonly doorId: string,
  ) {}

  /** Loads the codes and follows syncs. */
  async start(): Promise<void> {
    this.#offs = [
      this.bridge.on('sync.changed', ({ lastSuccessAt }) => {
        if (lastSuccessAt === this.#lastSuccessAt) return;
        this.#lastSuccessAt = lastSuccessAt;
        void this.load();
      }),
      reloadOnReconnect(this.bridge, () => this.load()),
    ];
    await this.load();
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Reads the door's codes from the cloud (as of the last sync). */
  async load(): Promise<void> {
    const result = await this.bridge.request('codes.fromCloud', { doorId: this.doorId });
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.codes = result.value;
  }
}
