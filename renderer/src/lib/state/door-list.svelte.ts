import type { DoorView } from '../../../../shared/domain/door';
import type { DoorSummary } from '../../../../shared/domain/door-placement';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import {
  NO_FILTER,
  filterRows,
  floorCounts,
  groupCounts,
  isNoFilter,
  needsAttention,
  needsFilterBar,
  rowsOf,
  sectionsOf,
  sortRows,
  type DoorFilter,
  type DoorSort,
} from '../door-list-view';

/** Runs `run` after `ms`; returns the cancel. Injected so tests move time themselves. */
export type Schedule = (run: () => void, ms: number) => () => void;

const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** How long the list waits after the last change event before it asks for the summaries again. */
export const SUMMARY_DEBOUNCE_MS = 400;

/**
 * The selected site's door list: the installer's filter and sort, and per door its summary from `doors.summaries`
 * (codes, waiting and failed changes, the last check). Summaries are asked again, debounced, when codes, the queue or
 * doors change, after a check, and when the link to Lockbench comes back. The doors themselves come from AppState
 * (`doors` getter); the computing is in door-list-view.ts.
 */
export class DoorListState {
  readonly #bridge: RendererBridge;
  readonly #doors: () => DoorView[];
  readonly #schedule: Schedule;

  siteId = $state<string | null>(null);
  filter = $state<DoorFilter>({ ...NO_FILTER });
  sort = $state<DoorSort>('name');
  summaries = $state<Record<string, DoorSummary>>({});
  /** The summaries could not be read (the list still shows the doors without them). */
  summaryError = $state<AppError | null>(null);

  /** Every door of the site with its summary and problems. */
  readonly rows = $derived(rowsOf(this.#siteDoors(), this.summaries));
  /** The doors the filter lets through, in the chosen order. */
  readonly shown = $derived(sortRows(filterRows(this.rows, this.filter), this.sort));
  /** The shown doors under their headings (one per floor when sorted by floor). */
  readonly sections = $derived(sectionsOf(this.shown, this.sort));
  readonly isFiltered = $derived(!isNoFilter(this.filter));
  readonly hasFilterBar = $derived(needsFilterBar(this.#siteDoors()));
  readonly floors = $derived(floorCounts(this.#siteDoors()));
  readonly groups = $derived(groupCounts(this.#siteDoors()));
  /** How many of the shown doors have something that needs doing. */
  readonly attentionCount = $derived(this.shown.filter(needsAttention).length);

  #offs: Array<() => void> = [];
  #cancelRefresh: (() => void) | null = null;

  constructor(bridge: RendererBridge, doors: () => DoorView[], schedule: Schedule = realSchedule) {
    this.#bridge = bridge;
    this.#doors = doors;
    this.#schedule = schedule;
  }

  /** Listens to the changes that move a summary (codes, queue, doors of this site) and to the link coming back. */
  start(): void {
    this.#offs = [
      this.#bridge.on('codes.changed', () => this.refreshSoon()),
      this.#bridge.on('queue.changed', ({ siteId }) => {
        if (siteId === this.siteId) this.refreshSoon();
      }),
      this.#bridge.on('doors.changed', (door) => {
        if (door.siteId === this.siteId) this.refreshSoon();
      }),
      this.#bridge.onLinkChange((state) => {
        if (state === 'up') this.refreshSoon();
      }),
    ];
  }

  /** Stops listening and drops a refresh still waiting. */
  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#cancelRefresh?.();
    this.#cancelRefresh = null;
  }

  /** Follows the selected site: another site starts with no filter and its own summaries. */
  async select(siteId: string | null): Promise<void> {
    if (siteId !== this.siteId) {
      this.siteId = siteId;
      this.summaries = {};
      this.summaryError = null;
      this.filter = { ...NO_FILTER };
    }
    await this.load();
  }

  /** Asks for the site's summaries now. */
  async load(): Promise<void> {
    const siteId = this.siteId;
    if (!siteId) return;
    const result = await this.#bridge.request('doors.summaries', { siteId });
    if (siteId !== this.siteId) return;
    if (!result.ok) {
      this.summaryError = result.error;
      return;
    }
    this.summaryError = null;
    this.summaries = Object.fromEntries(result.value.map((summary) => [summary.door_id, summary]));
  }

  /** Asks for the summaries once things have settled (many events in a burst make one request). */
  refreshSoon(): void {
    this.#cancelRefresh?.();
    this.#cancelRefresh = this.#schedule(() => {
      this.#cancelRefresh = null;
      void this.load();
    }, SUMMARY_DEBOUNCE_MS);
  }

  #siteDoors(): DoorView[] {
    return this.#doors();
  }

  /** Changes part of the filter. */
  setFilter(change: Partial<DoorFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  /** Shows every door again (the sort stays). */
  clearFilter(): void {
    this.filter = { ...NO_FILTER };
  }

  /** The shown doors' ids, in order (for "the doors shown in the list"). */
  shownIds(): string[] {
    return this.shown.map((row) => row.door.id);
  }
}
