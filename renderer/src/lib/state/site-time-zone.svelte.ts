import type { SiteView } from '../../../../shared/domain/site';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import { systemClock, type Clock } from '../clock';
import { zoneWithOffset } from '../site-time';
import { ZonePicker } from './zone-picker.svelte';

/**
 * The site's time zone in the header: shown with its offset now, asked for while nobody has chosen it
 * (`timeZoneConfirmed` false: every window would silently be in the default zone), and changed with `sites.update`
 * after a search by city, country or zone id. Main validates the zone again; windows already stored keep their instants.
 */
export class SiteTimeZone {
  readonly #bridge: RendererBridge;
  readonly #getSite: () => SiteView | null;
  readonly #onSaved: (site: SiteView) => void;
  readonly #clock: Clock;

  isEditing = $state(false);
  isSaving = $state(false);
  error = $state<AppError | null>(null);
  /** The clock for the offset shown next to the zone. */
  now = $state<Date>(systemClock());
  /** The search behind "Find another zone". */
  readonly picker: ZonePicker;

  readonly site = $derived(this.#site());
  /** "Times at the property: Europe/Berlin (UTC+1)". */
  readonly label = $derived(this.site ? `Times at the property: ${zoneWithOffset(this.site.timeZone, this.now)}` : '');
  /** Nobody has chosen this site's zone yet: the header asks. */
  readonly needsAnswer = $derived(this.site !== null && !this.site.timeZoneConfirmed);
  /** The laptop's zone, when it is not the site's already (then "Keep" says it). */
  readonly laptopOffer: string | null = $derived(this.#laptopOffer());
  readonly canSave: boolean = $derived(this.#canSave());

  constructor(
    bridge: RendererBridge,
    getSite: () => SiteView | null,
    onSaved: (site: SiteView) => void,
    picker: ZonePicker = new ZonePicker(),
    clock: Clock = systemClock,
  ) {
    this.#bridge = bridge;
    this.#getSite = getSite;
    this.#onSaved = onSaved;
    this.#clock = clock;
    this.picker = picker;
    this.now = clock();
  }

  /** Opens the search (empty while the zone was never chosen, else on the current zone). */
  edit(): void {
    this.now = this.#clock();
    this.picker.reset(this.needsAnswer ? '' : (this.site?.timeZone ?? ''));
    this.error = null;
    this.isEditing = true;
  }

  /** Closes without saving. */
  cancel(): void {
    this.isEditing = false;
    this.error = null;
  }

  /** Saves the zone found in the search. */
  async save(): Promise<boolean> {
    if (!this.canSave || !this.picker.chosen) return false;
    return this.use(this.picker.chosen);
  }

  /** Saves `zone` as the site's (also "Keep UTC" and "Use this laptop's zone"); on refusal the reason stays shown. */
  async use(zone: string): Promise<boolean> {
    const site = this.site;
    if (!site || this.isSaving) return false;
    this.isSaving = true;
    this.error = null;
    const result = await this.#bridge.request('sites.update', { siteId: site.id, timeZone: zone });
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

  #laptopOffer(): string | null {
    const laptop = this.picker.laptopZone;
    return laptop && laptop !== this.site?.timeZone ? laptop : null;
  }

  #canSave(): boolean {
    const chosen = this.picker.chosen;
    return !this.isSaving && chosen !== null && (chosen !== this.site?.timeZone || this.needsAnswer);
  }
}
