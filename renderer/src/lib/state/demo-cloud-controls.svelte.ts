import type { LockbenchBridge } from '../../../../shared/bridge';
import type { PayloadOf } from '../../../../shared/contract';
import type { AccessCode } from '../../../../shared/domain/access-code';
import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';

/**
 * The demo cloud's "console" for one linked door: rename or delete a code in the cloud, or make one there, as a
 * person in Seam's console would (`demo.cloudChange`, which syncs right after), so a new user sees a change made in
 * the cloud come back. Shown only while the account is the demo cloud and the door is linked.
 */
export class DemoCloudControls {
  isDemoCloud = $state(false);
  isSending = $state(false);
  error = $state<AppError | null>(null);
  /** What the last change did, in words (for a polite live region). */
  done = $state<string | null>(null);

  readonly isShown = $derived(this.isDemoCloud && this.#isLinked());
  #offs: Array<() => void> = [];
  #added = 0;

  constructor(
    private readonly bridge: LockbenchBridge,
    private readonly getDoor: () => DoorView,
  ) {}

  #isLinked(): boolean {
    return this.getDoor().cloud !== null;
  }

  /** Reads the account (is it the demo cloud?) and follows its changes. */
  async start(): Promise<void> {
    this.#offs = [this.bridge.on('sync.changed', (status) => (this.isDemoCloud = status.account?.kind === 'demo'))];
    const result = await this.bridge.request('cloud.account', {});
    if (result.ok) this.isDemoCloud = result.value?.kind === 'demo';
  }

  /** Stops listening. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Codes the cloud has (and may be changed there). */
  inCloud(codes: readonly AccessCode[]): AccessCode[] {
    return codes.filter((c) => !c.is_removed && c.cloud?.access_code_id && !c.cloud.removed_in_cloud);
  }

  rename(code: AccessCode): Promise<void> {
    const name = `${code.name ?? 'Code'} (renamed in the cloud)`.slice(0, 60);
    return this.#send({ action: 'rename', doorId: this.getDoor().id, accessCodeId: code.access_code_id, name }, `Renamed in the cloud to “${name}”, then synced.`);
  }

  remove(code: AccessCode): Promise<void> {
    return this.#send({ action: 'delete', doorId: this.getDoor().id, accessCodeId: code.access_code_id }, `Deleted ${code.name ?? 'the code'} in the cloud, then synced.`);
  }

  /** Makes a code in the cloud that Lockbench did not create (a PIN the demo locks accept). */
  add(random: () => number = Math.random): Promise<void> {
    this.#added += 1;
    const name = `Made in the cloud ${this.#added}`;
    const code = String(Math.floor(250_000 + random() * 600_000));
    return this.#send({ action: 'add', doorId: this.getDoor().id, name, code }, `Made “${name}” in the cloud, then synced.`);
  }

  async #send(payload: PayloadOf<'demo.cloudChange'>, words: string): Promise<void> {
    if (this.isSending) return;
    this.isSending = true;
    this.error = null;
    this.done = null;
    const result = await this.bridge.request('demo.cloudChange', payload);
    this.isSending = false;
    if (result.ok) this.done = words;
    else this.error = result.error;
  }
}
