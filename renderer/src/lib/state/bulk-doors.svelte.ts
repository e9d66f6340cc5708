import type { DoorView } from '../../../../shared/domain/door';
import { NO_FLOOR, floorCounts, groupCounts, type FloorFilter, type GroupFilter } from '../door-list-view';

/**
 * The doors step of bulk codes: narrow the site's doors by group and floor (the door list's filter words), then tick
 * doors one by one or all those shown. The choice survives the filters: a door ticked under "Flats" stays chosen
 * while "Common areas" is shown.
 */
export class BulkDoorChoice {
  group = $state<GroupFilter>('all');
  /** null = every floor, NO_FLOOR = doors with no floor given, else that floor. */
  floor = $state<FloorFilter>(null);
  chosenIds = $state<string[]>([]);

  /** The site's doors in the order of the door list. */
  readonly doors: readonly DoorView[] = $derived(this.#doors());
  /** Doors that pass the filters. */
  readonly shown = $derived(this.doors.filter((door) => this.#passes(door)));
  /** Chosen doors that still exist, in the site's order. */
  readonly chosen = $derived(this.doors.filter((door) => this.chosenIds.includes(door.id)));
  /** How many chosen doors the filters hide. */
  readonly chosenHidden = $derived(this.chosen.filter((door) => !this.#passes(door)).length);
  /** Doors per group (and with none). */
  readonly groups = $derived(groupCounts(this.doors));
  /** The floors in building order, each with its doors (null: doors with no floor). */
  readonly floors = $derived(floorCounts(this.doors));
  readonly allShownChosen = $derived(this.shown.length > 0 && this.shown.every((door) => this.chosenIds.includes(door.id)));

  constructor(private readonly getDoors: () => readonly DoorView[]) {}

  /** Is this door chosen? */
  isChosen(doorId: string): boolean {
    return this.chosenIds.includes(doorId);
  }

  /** Ticks or unticks one door. */
  toggle(doorId: string, chosen = !this.isChosen(doorId)): void {
    const others = this.chosenIds.filter((id) => id !== doorId);
    this.chosenIds = chosen ? [...others, doorId] : others;
  }

  /** Chooses every door shown (keeps those chosen under other filters). */
  chooseShown(): void {
    const add = this.shown.map((door) => door.id).filter((id) => !this.chosenIds.includes(id));
    this.chosenIds = [...this.chosenIds, ...add];
  }

  /** Unticks every door shown (keeps those chosen under other filters). */
  clearShown(): void {
    const shown = this.shown.map((door) => door.id);
    this.chosenIds = this.chosenIds.filter((id) => !shown.includes(id));
  }

  #doors(): readonly DoorView[] {
    return this.getDoors();
  }

  #passes(door: DoorView): boolean {
    const group = this.group === 'all' || (this.group === 'none' ? door.group === null : door.group === this.group);
    const floor = this.floor === null || (this.floor === NO_FLOOR ? door.floor === null : door.floor === this.floor);
    return group && floor;
  }
}
