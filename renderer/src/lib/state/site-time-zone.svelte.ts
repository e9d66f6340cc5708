import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { systemClock, type Clock } from '../clock';
import { isKnownZone, zoneWithOffset } from '../site-time';

const MAX_MATCHES = 50;

/** IANA zones this runtime knows (Intl), with UTC first; a short fallback where Intl cannot list them. */
export function knownZones(): string[] {
  const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/London', 'Europe/Berlin', 'America/New_York'];
  return ['UTC', ...list.filter((zone) => zone !== 'UTC')];
}

/**
 * Changing a site's time zone (`sites.update`): search the zones, pick one, save. Main validates it again; windows
 * already stored keep their instants. The zone name with its offset now is what every time field refers to.
 */
export class SiteTimeZone {
  readonly #bridge: RendererBridge;
  readonly #getSite: () => SiteView | null;
  readonly #onSaved: (site: SiteView) => void;
  readonly #zones: readonly string[];
  readonly #clock: Clock;

  isEditing = $state(false);
  query = $state('');
  isSaving = $state(false);
  error = $state<AppError | null>(null);
  /** The clock for the offset shown next to the zone. */
  now = $state<Date>(systemClock());

  readonly site = $derived(this.#site());
  /** "Times at the property: Europe/Berlin (UTC+1)". */
  readonly label = $derived(this.site ? `Times at the property: ${zoneWithOffset(this.site.timeZone, this.now)}` : '');
  /** Zones matching the search (spaces match underscores: "new york"). */
  readonly matches = $derived(this.#matches());
  /** The typed zone, when it is one this runtime knows. */
  readonly chosen = $derived(isKnownZone(this.query.trim()) ? this.query.trim() : null);
  readonly canSave = $derived(!this.isSaving && this.chosen !== null && this.chosen !== this.site?.timeZone);

  constructor(
    bridge: RendererBridge,
    getSite: () => SiteView | null,
    onSaved: (site: SiteView) => void,
    zones: readonly string[] = knownZones(),
    clock: Clock = systemClock,
  ) {
    this.#bridge = bridge;
    this.#getSite = getSite;
    this.#onSaved = onSaved;
    this.#zones = zones;
    this.#clock = clock;
    this.now = clock();
  }

  /** Opens the editor on the current zone. */
  edit(): void {
    this.now = this.#clock();
    this.query = this.site?.timeZone ?? '';
    this.error = null;
    this.isEditing = true;
  }

  /** Closes without saving. */
  cancel(): void {
    this.isEditing = false;
    this.error = null;
  }

  /** Saves the chosen zone; on refusal the editor stays open with the reason. */
  async save(): Promise<boolean> {
    const site = this.site;
    if (!site || !this.canSave || !this.chosen) return false;
    this.isSaving = true;
    this.error = null;
    const result = await this.#bridge.request('sites.update', { siteId: site.id, timeZone: this.chosen });
    this.isSaving = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.isEditing = false;
    this.now = this.#clock();
    this.#onSaved(result.value);
    return true;
  }

  #site(): SiteView | null {
    return this.#getSite();
  }

  #matches(): string[] {
    const words = this.query.trim().toLowerCase().replace(/[\s_]+/g, ' ').split(' ').filter(Boolean);
    const hits = this.#zones.filter((zone) => {
      const name = zone.toLowerCase().replace(/_/g, ' ');
      return words.every((word) => name.includes(word));
    });
    return hits.slice(0, MAX_MATCHES);
  }
}
