import type { AccessCode } from '../../../../shared/domain/access-code';
import type { CodeConflict } from '../../../../shared/domain/cloud';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** Which version of a conflicted code the installer keeps. */
export type ConflictChoice = 'laptop' | 'cloud';

/**
 * Codes changed on this laptop and in the cloud while offline: `sync.conflicts`, reloaded when `sync.changed` brings
 * another count, and the installer's choice per code (`sync.resolve`). A conflict settled elsewhere meanwhile
 * (`sync.no_conflict`) reloads the list.
 */
export class Conflicts {
  conflicts = $state<CodeConflict[]>([]);
  isLoading = $state(false);
  loadError = $state<AppError | null>(null);
  /** Conflicts whose choice is on its way. */
  busy = $state<Record<string, true>>({});
  /** A refused choice, per code. */
  errors = $state<Record<string, AppError>>({});
  /** The version kept, per code settled on this screen (for a short confirmation). */
  settled = $state<Array<{ accessCodeId: string; doorName: string; keep: ConflictChoice }>>([]);

  #count: number | null = null;
  #offs: Array<() => void> = [];

  constructor(
    private readonly bridge: RendererBridge,
    private readonly hooks: { onResolved?: (code: AccessCode) => void } = {},
  ) {}

  /** Loads the conflicts and reloads them when the indicator's count changes (or the link comes back). */
  async start(): Promise<void> {
    this.#offs = [
      this.bridge.on('sync.changed', ({ conflicts }) => {
        if (conflicts === this.#count) return;
        this.#count = conflicts;
        void this.load();
      }),
      this.bridge.onLinkChange((state) => {
        if (state === 'up') void this.load();
      }),
    ];
    await this.load();
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Reads the conflicts. */
  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('sync.conflicts', {});
    this.isLoading = false;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.conflicts = result.value;
    this.#count = result.value.length;
  }

  /** Keeps one version: the laptop's is sent to the cloud, the cloud's is taken here. */
  async resolve(accessCodeId: string, keep: ConflictChoice): Promise<boolean> {
    if (this.busy[accessCodeId]) return false;
    const conflict = this.conflicts.find((c) => c.access_code_id === accessCodeId);
    this.busy = { ...this.busy, [accessCodeId]: true };
    const { [accessCodeId]: _old, ...otherErrors } = this.errors;
    this.errors = otherErrors;
    const result = await this.bridge.request('sync.resolve', { accessCodeId, keep });
    const { [accessCodeId]: _done, ...stillBusy } = this.busy;
    this.busy = stillBusy;
    if (!result.ok) {
      this.errors = { ...this.errors, [accessCodeId]: result.error };
      if (result.error.code === 'sync.no_conflict') await this.load();
      return false;
    }
    this.conflicts = this.conflicts.filter((c) => c.access_code_id !== accessCodeId);
    this.settled = [...this.settled, { accessCodeId, doorName: conflict?.door_name ?? '', keep }];
    this.hooks.onResolved?.(result.value);
    return true;
  }
}
