import { describeZone, findZone, searchZones, type ZoneFacts, type ZoneMatch } from '../../../../shared/time/zone-search';
import { systemClock, type Clock } from '../clock';
import { laptopZone, runtimeZones } from '../laptop-zone';
import { zoneWithOffset } from '../site-time';

/** The zones shown under the search field at most (the search itself keeps up to 50). */
const SHOWN = 12;

/**
 * Finding a property's time zone by city, country or zone id (shared/time/zone-search), for the connect wizard's
 * zone step and the site header alike. The zone that will be used is the one picked from the list, else a zone id
 * typed in full, else the only match ("New York" → America/New_York).
 */
export class ZonePicker {
  #query = $state('');
  /** The zone picked from the list (cleared when the search changes). */
  picked = $state<string | null>(null);
  /** The clock for the offsets shown beside the zones. */
  now = $state<Date>(systemClock());

  /** This laptop's zone, offered as the first answer ("Use this laptop's zone (Europe/Berlin)"). */
  readonly laptopZone: string | null;
  readonly matches: ZoneMatch[] = $derived(this.#search());
  /** The matches shown (the first dozen), the picked one always among them. */
  readonly shown: ZoneMatch[] = $derived(this.#shown());
  readonly typedZone = $derived(this.#typed());
  /** The zone that will be used, or null while the installer still has to pick. */
  readonly chosen = $derived(this.picked ?? this.typedZone ?? (this.matches.length === 1 ? this.matches[0]!.zone : null));
  readonly chosenFacts: ZoneFacts | null = $derived(this.chosen ? describeZone(this.chosen) : null);
  /** What the search found, in words, for a live region under the field. */
  readonly status = $derived(this.#status());

  constructor(
    readonly zones: readonly string[] = runtimeZones,
    laptop: string | null = laptopZone(),
    private readonly clock: Clock = systemClock,
  ) {
    this.laptopZone = laptop;
    this.now = clock();
  }

  /** What was typed. Typing again drops a zone picked from the previous list. */
  get query(): string {
    return this.#query;
  }
  set query(value: string) {
    this.#query = value;
    this.picked = null;
  }

  /** Picks a zone from the list. */
  pick(zone: string): void {
    this.picked = zone;
  }

  /** Starts again on `text` (e.g. the site's current zone). */
  reset(text = ''): void {
    this.#query = text;
    this.picked = null;
    this.now = this.clock();
  }

  /** "Europe/Berlin (UTC+1)". */
  withOffset(zone: string): string {
    return zoneWithOffset(zone, this.now);
  }

  /** "Berlin, Germany". */
  place(facts: Pick<ZoneFacts, 'city' | 'country'>): string {
    return facts.country ? `${facts.city}, ${facts.country}` : facts.city;
  }

  #search(): ZoneMatch[] {
    return searchZones(this.#query, this.zones);
  }

  #typed(): string | null {
    return findZone(this.#query, this.zones);
  }

  #shown(): ZoneMatch[] {
    const first = this.matches.slice(0, SHOWN);
    const picked = this.picked ? this.matches.find((m) => m.zone === this.picked) : undefined;
    return picked && !first.includes(picked) ? [...first, picked] : first;
  }

  #status(): string {
    const typed = this.#query.trim();
    if (typed === '') return 'Type a city, a country or a zone such as Europe/Berlin.';
    if (this.matches.length === 0) return `No time zone found for “${typed}”. Try a city (Berlin) or a country (Germany).`;
    const chosen = this.chosen;
    if (chosen) return `Chosen: ${this.withOffset(chosen)} – ${this.place(describeZone(chosen))}.`;
    const more = this.matches.length > this.shown.length ? ` (the first ${this.shown.length} shown: type more to narrow it)` : '';
    return `${this.matches.length} zones match${more}. Pick the one the property is in.`;
  }
}
