import type { CloudDeviceFacts, LinkSuggestion } from '../../../../shared/domain/cloud';
import type { DoorView } from '../../../../shared/domain/door';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { linkReasonWords } from '../cloud-words';

/** The link wizard's steps: read the cloud's devices → choose one per door → linking → what was linked. */
export type LinkStep = 'loading' | 'choose' | 'linking' | 'done';

/** One door's link as it changes: the device chosen for it ('' = not linked). */
export interface LinkChange {
  doorId: string;
  deviceId: string | null;
}

/** Two or more doors with the same device chosen. */
export interface DeviceClash {
  deviceId: string;
  deviceName: string;
  doorNames: string[];
}

/** The value of the "not linked" choice. */
export const NOT_LINKED = '';

/**
 * Step logic of linking a site's doors to cloud devices: `cloud.devices` for the site, one choice per door (pre-filled
 * with the door's link, else the cloud's suggestion and its reason), a device for one door only, and every change sent
 * at once by `cloud.link`. A refusal keeps the choices.
 */
export class LinkWizard {
  step = $state<LinkStep>('loading');
  devices = $state<CloudDeviceFacts[]>([]);
  suggestions = $state<LinkSuggestion[]>([]);
  /** The device chosen per door id ('' = not linked). */
  choices = $state<Record<string, string>>({});
  loadError = $state<AppError | null>(null);
  linkError = $state<AppError | null>(null);
  /** The doors as `cloud.link` returned them. */
  result = $state<DoorView[]>([]);

  /** Doors whose choice differs from their link now: what "Link" sends. */
  readonly changes = $derived<LinkChange[]>(
    this.doors
      .filter((door) => (this.choices[door.id] ?? NOT_LINKED) !== (door.cloud?.device_id ?? NOT_LINKED))
      .map((door) => ({ doorId: door.id, deviceId: this.choices[door.id] || null })),
  );
  /** Devices chosen for more than one door. */
  readonly clashes = $derived<DeviceClash[]>(this.#clashes());
  readonly linkCount = $derived(this.changes.filter((c) => c.deviceId !== null).length);
  readonly unlinkCount = $derived(this.changes.filter((c) => c.deviceId === null).length);
  readonly canAdvance = $derived(this.step === 'choose' && this.clashes.length === 0 && this.changes.length > 0);
  /** Why "Link" cannot be pressed, in words; null when it can. */
  readonly problem = $derived(this.#problem());
  /** "Link 2 doors", "Link 1 door and unlink 1", "Unlink 1 door". */
  readonly submitLabel = $derived(this.#submitLabel());

  constructor(
    private readonly bridge: RendererBridge,
    readonly siteId: string,
    private readonly getDoors: () => DoorView[],
    private readonly hooks: { onLinked?: (doors: DoorView[]) => void } = {},
  ) {}

  /** The site's doors as they are now (their links change when 'doors.changed' arrives). */
  get doors(): DoorView[] {
    return this.getDoors();
  }

  /** Reads the workspace's devices and pre-fills each door's choice. */
  async load(): Promise<void> {
    this.step = 'loading';
    this.loadError = null;
    const result = await this.bridge.request('cloud.devices', { siteId: this.siteId });
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.devices = result.value.devices;
    this.suggestions = result.value.suggestions;
    this.choices = Object.fromEntries(
      this.doors.map((door) => [door.id, door.cloud?.device_id ?? this.suggestionFor(door.id)?.device_id ?? NOT_LINKED]),
    );
    this.step = 'choose';
  }

  /** The cloud's suggestion for a door, if any. */
  suggestionFor(doorId: string): LinkSuggestion | null {
    return this.suggestions.find((s) => s.door_id === doorId) ?? null;
  }

  /** Chooses a device for a door ('' = not linked). */
  choose(doorId: string, deviceId: string): void {
    this.choices = { ...this.choices, [doorId]: deviceId };
    this.linkError = null;
  }

  /** The device by id, if the cloud listed it. */
  device(deviceId: string): CloudDeviceFacts | null {
    return this.devices.find((d) => d.device_id === deviceId) ?? null;
  }

  /** Why a door's choice is what it is: its link now, the cloud's suggestion and why ("matched by serial number"). */
  noteFor(door: Pick<DoorView, 'id' | 'cloud'>): string {
    const choice = this.choices[door.id] ?? NOT_LINKED;
    const current = door.cloud?.device_id ?? NOT_LINKED;
    const suggestion = this.suggestionFor(door.id);
    const name = (deviceId: string) => this.device(deviceId)?.name ?? deviceId;
    if (choice && choice === current) return 'Linked to this device now';
    if (choice && suggestion?.device_id === choice) return `Suggested by the cloud: ${linkReasonWords[suggestion.reason]}`;
    if (current && !choice) return `Unlinks ${name(current)}`;
    if (current) return `Changes the link (now ${name(current)})`;
    if (!choice && suggestion) return `Not linked; the cloud suggests ${name(suggestion.device_id)} (${linkReasonWords[suggestion.reason]})`;
    return choice ? 'Chosen by you' : 'Not linked';
  }

  /** Sends every change at once. */
  async submit(): Promise<boolean> {
    if (!this.canAdvance) return false;
    this.step = 'linking';
    this.linkError = null;
    const result = await this.bridge.request('cloud.link', { links: this.changes });
    if (!result.ok) {
      this.linkError = result.error;
      this.step = 'choose';
      return false;
    }
    this.result = result.value;
    this.step = 'done';
    this.hooks.onLinked?.(result.value);
    return true;
  }

  /** After linking: choose again (the doors now carry their new links). */
  again(): void {
    this.result = [];
    this.choices = Object.fromEntries(this.doors.map((door) => [door.id, door.cloud?.device_id ?? NOT_LINKED]));
    this.step = 'choose';
  }

  #clashes(): DeviceClash[] {
    const picked = this.doors.map((door) => this.choices[door.id]).filter((id): id is string => !!id);
    const chosen = picked.filter((id, index) => picked.indexOf(id) === index);
    return chosen
      .map((deviceId) => ({
        deviceId,
        deviceName: this.device(deviceId)?.name ?? deviceId,
        doorNames: this.doors.filter((door) => this.choices[door.id] === deviceId).map((door) => door.name),
      }))
      .filter((clash) => clash.doorNames.length > 1);
  }

  #problem(): string | null {
    if (this.step !== 'choose') return null;
    const clash = this.clashes[0];
    if (clash) return `${clash.deviceName} is chosen for ${clash.doorNames.join(' and ')}: a cloud device can be linked to one door only.`;
    if (this.changes.length === 0) return 'Nothing to change: every door keeps its link.';
    return null;
  }

  #submitLabel(): string {
    const doors = (n: number) => `${n} door${n === 1 ? '' : 's'}`;
    if (this.linkCount && this.unlinkCount) return `Link ${doors(this.linkCount)} and unlink ${this.unlinkCount}`;
    if (this.unlinkCount) return `Unlink ${doors(this.unlinkCount)}`;
    return `Link ${doors(this.linkCount)}`;
  }
}
