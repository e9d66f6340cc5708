import type { Verdict } from '../../../shared/domain/capability';
import type { DoorView } from '../../../shared/domain/door';
import type { DoorGroup, DoorSummary } from '../../../shared/domain/door-placement';
import { isLockAnswering } from './lock-words';
import { formatSiteNear } from './site-time';
import { verdictWords, type Tone } from './status-words';

/**
 * The door list at building scale, as pure functions: what needs the installer on each door, the filter (group,
 * floor, text), the sort (name, floor, unit, problems first) and the floor sections. The state class
 * (state/door-list.svelte.ts) keeps the choices and the summaries; this file only computes.
 *
 *   doors + summaries ─▶ rowsOf ─▶ filterRows ─▶ sortRows ─▶ sectionsOf ─▶ the list
 */

/** Something on a door that needs the installer, worst first (the order "problems first" sorts by). */
export type DoorProblem = 'failed' | 'not_answering' | 'check_failed' | 'battery_low' | 'waiting' | 'check_warn' | 'never_checked';

/** How much each problem weighs in "problems first" (a failed change outranks any number of warnings). */
const PROBLEM_WEIGHT: Record<DoorProblem, number> = {
  failed: 64,
  not_answering: 32,
  check_failed: 16,
  battery_low: 8,
  waiting: 4,
  check_warn: 2,
  never_checked: 1,
};

/** One door as the list shows it: the door, its summary (null until loaded) and its problems, worst first. */
export interface DoorRow {
  door: DoorView;
  summary: DoorSummary | null;
  problems: DoorProblem[];
}

/** How the list is sorted. */
export type DoorSort = 'name' | 'floor' | 'unit' | 'problems';

/** The group filter: every door, one group, or doors with no group given. */
export type GroupFilter = 'all' | 'none' | DoorGroup;

/** The floor filter: null = every floor, NO_FLOOR = doors with no floor given, else that floor. */
export type FloorFilter = string | null;
/** The floor filter's "no floor given" (a floor is never empty). */
export const NO_FLOOR = '';

/** The installer's filter of the list. */
export interface DoorFilter {
  group: GroupFilter;
  floor: FloorFilter;
  /** Searched in the door's name, unit, floor and lock address (case and accents ignored). */
  text: string;
}

/** The filter that shows every door. */
export const NO_FILTER: DoorFilter = { group: 'all', floor: null, text: '' };

/** A run of rows under one heading (a floor when sorted by floor); `title` null = no heading. */
export interface DoorSection {
  key: string;
  title: string | null;
  rows: DoorRow[];
}

/** The groups in words, for the filter and the door's place. */
export const groupWords: Record<DoorGroup, string> = { common: 'Common areas', flat: 'Flats', service: 'Service' };
/** One door's group in words ("Flat", "Common area"). */
export const groupWordsOne: Record<DoorGroup, string> = { common: 'Common area', flat: 'Flat', service: 'Service' };
/** The sorts in words. */
export const sortWords: Record<DoorSort, string> = { name: 'Name', floor: 'Floor', unit: 'Unit', problems: 'Problems first' };

/** Above this many doors the list gets its filter bar even when no door has a place yet. */
export const FILTER_BAR_FROM = 7;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** What needs the installer on a door, worst first. */
export function problemsOf(door: DoorView, summary: DoorSummary | null): DoorProblem[] {
  const found: DoorProblem[] = [];
  if (summary && summary.failed > 0) found.push('failed');
  if (!isLockAnswering(door)) found.push('not_answering');
  if (summary?.last_check?.overall === 'fail') found.push('check_failed');
  if (door.lock?.isBatteryLow) found.push('battery_low');
  if (summary && summary.waiting > 0) found.push('waiting');
  if (summary?.last_check?.overall === 'warn') found.push('check_warn');
  if (summary && !summary.last_check) found.push('never_checked');
  return found;
}

/** How badly a row needs the installer (0 = nothing). */
export function problemScore(row: Pick<DoorRow, 'problems'>): number {
  return row.problems.reduce((sum, problem) => sum + PROBLEM_WEIGHT[problem], 0);
}

/** True when a row has something that needs doing now (never checked alone is not counted). */
export function needsAttention(row: Pick<DoorRow, 'problems'>): boolean {
  return row.problems.some((problem) => problem !== 'never_checked');
}

/** The rows of the doors, each with its summary (by door id) and problems. */
export function rowsOf(doors: readonly DoorView[], summaries: Readonly<Record<string, DoorSummary>>): DoorRow[] {
  return doors.map((door) => {
    const summary = summaries[door.id] ?? null;
    return { door, summary, problems: problemsOf(door, summary) };
  });
}

/** True when the door has any part of a place in the building. */
export function hasPlacement(door: Pick<DoorView, 'floor' | 'group' | 'unit'>): boolean {
  return door.floor !== null || door.group !== null || door.unit !== null;
}

/** The filter bar is worth its space: more than a handful of doors, or doors placed in the building. */
export function needsFilterBar(doors: readonly DoorView[]): boolean {
  return doors.length >= FILTER_BAR_FROM || doors.some(hasPlacement);
}

/** True when the filter hides nothing. */
export function isNoFilter(filter: DoorFilter): boolean {
  return filter.group === 'all' && filter.floor === null && filter.text.trim() === '';
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** True when the door matches the typed text (every word somewhere in name, unit, floor or address). */
export function matchesText(door: DoorView, text: string): boolean {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([door.name, door.unit ?? '', door.floor ?? '', door.lockAddress.address].join(' '));
  return words.every((word) => haystack.includes(word));
}

/** The rows the filter lets through, in their order. */
export function filterRows(rows: readonly DoorRow[], filter: DoorFilter): DoorRow[] {
  return rows.filter(({ door }) => {
    if (filter.group === 'none' ? door.group !== null : filter.group !== 'all' && door.group !== filter.group) return false;
    if (filter.floor !== null && (door.floor ?? NO_FLOOR) !== filter.floor) return false;
    return matchesText(door, filter.text);
  });
}

const GROUND = /^(g|gf|ground( floor)?|eg|rdc|0)$/i;
const BASEMENT = /^(b|basement|lg|lower ground)$/i;

/** Where a floor sits, for sorting: basement below ground below 1, 2…; names nobody can order come after, by name. */
export function floorRank(floor: string): number | null {
  const text = floor.trim();
  if (GROUND.test(text)) return 0;
  if (BASEMENT.test(text)) return -1;
  const number = /^(?:floor\s*|level\s*|l)?(-?\d+)$/i.exec(text);
  return number ? Number(number[1]) : null;
}

/** Floors in building order ("-1", "G", "1", "2", "10", then named floors); null (no floor) last. */
export function compareFloors(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const [ra, rb] = [floorRank(a), floorRank(b)];
  if (ra !== null && rb !== null && ra !== rb) return ra - rb;
  if (ra !== null && rb === null) return -1;
  if (ra === null && rb !== null) return 1;
  return collator.compare(a, b);
}

/** Units as people count them ("1.02" before "1.10", "Flat 2" before "Flat 12"); null last. */
export function compareUnits(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

const byName = (a: DoorRow, b: DoorRow) => collator.compare(a.door.name, b.door.name) || a.door.id.localeCompare(b.door.id);

const COMPARE: Record<DoorSort, (a: DoorRow, b: DoorRow) => number> = {
  name: byName,
  floor: (a, b) => compareFloors(a.door.floor, b.door.floor) || compareUnits(a.door.unit, b.door.unit) || byName(a, b),
  unit: (a, b) => compareUnits(a.door.unit, b.door.unit) || byName(a, b),
  problems: (a, b) => problemScore(b) - problemScore(a) || byName(a, b),
};

/** The rows in the chosen order (a new array). */
export function sortRows(rows: readonly DoorRow[], sort: DoorSort): DoorRow[] {
  return [...rows].sort(COMPARE[sort]);
}

/** "Floor 2", "Floor G", "No floor given". */
export function floorTitle(floor: string | null): string {
  return floor === null ? 'No floor given' : `Floor ${floor}`;
}

/** Sorted by floor: one section per floor, in order; any other sort: one section without a heading. */
export function sectionsOf(rows: readonly DoorRow[], sort: DoorSort): DoorSection[] {
  if (sort !== 'floor') return [{ key: 'all', title: null, rows: [...rows] }];
  const sections: DoorSection[] = [];
  for (const row of rows) {
    const key = row.door.floor === null ? 'none' : `floor:${row.door.floor}`;
    const last = sections.at(-1);
    if (last?.key === key) last.rows.push(row);
    else sections.push({ key, title: floorTitle(row.door.floor), rows: [row] });
  }
  return sections;
}

/** The site's floors in building order, each with its number of doors (null: doors with no floor). */
export function floorCounts(doors: readonly DoorView[]): Array<{ floor: string | null; count: number }> {
  const counts = new Map<string | null, number>();
  for (const door of doors) counts.set(door.floor, (counts.get(door.floor) ?? 0) + 1);
  return [...counts].map(([floor, count]) => ({ floor, count })).sort((a, b) => compareFloors(a.floor, b.floor));
}

/** How many doors are in each group, and how many have none. */
export function groupCounts(doors: readonly DoorView[]): Record<DoorGroup | 'none', number> {
  const counts: Record<DoorGroup | 'none', number> = { common: 0, flat: 0, service: 0, none: 0 };
  for (const door of doors) counts[door.group ?? 'none']++;
  return counts;
}

/** "Z-Wave" or "Bluetooth": how Lockbench reaches the door's lock. */
export function connectionWords(door: Pick<DoorView, 'lockAddress'>): string {
  return door.lockAddress.protocol === 'zwave' ? 'Z-Wave' : 'Bluetooth';
}

/** "Flat · unit 1.02 · floor 1": the door's place in the building, or null when nobody said. */
export function placeWords(door: Pick<DoorView, 'floor' | 'group' | 'unit'>): string | null {
  const parts = [
    door.group ? groupWordsOne[door.group] : null,
    door.unit !== null ? `unit ${door.unit}` : null,
    door.floor !== null ? `floor ${door.floor}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(' · ') : null;
}

/** "12 codes", "1 code", "No codes". */
export function codeCountWords(count: number): string {
  return count === 0 ? 'No codes' : `${count} code${count === 1 ? '' : 's'}`;
}

/** "2 changes waiting, 1 failed", or null when nothing waits or failed. */
export function changeCountWords(waiting: number, failed: number): string | null {
  const parts = [];
  if (waiting > 0) parts.push(`${waiting} change${waiting === 1 ? '' : 's'} waiting`);
  if (failed > 0) parts.push(waiting > 0 ? `${failed} failed` : `${failed} change${failed === 1 ? '' : 's'} failed`);
  return parts.length ? parts.join(', ') : null;
}

/** "Showing 8 of 24 doors" / "24 doors". */
export function shownWords(shown: number, total: number): string {
  const doors = (n: number) => `${n} door${n === 1 ? '' : 's'}`;
  return shown === total ? doors(total) : `Showing ${shown} of ${doors(total)}`;
}

/** "Unit 1.02 · Floor 1", "Common area · Floor G": a door's place short enough for its row; null when nobody said. */
export function placeShort(door: Pick<DoorView, 'floor' | 'group' | 'unit'>): string | null {
  const first = door.unit !== null ? `Unit ${door.unit}` : door.group ? groupWordsOne[door.group] : null;
  const parts = [first, door.floor !== null ? floorTitle(door.floor) : null].filter((part): part is string => part !== null);
  return parts.length ? parts.join(' · ') : null;
}

const CHECK_WORDS: Record<Verdict, string> = { pass: 'Check passed', warn: 'Check: things to look at', fail: 'Check failed' };

/** The last check for the row: "Check passed 14:02", "Check failed 09:10 Mon 3 Mar", "Never checked". */
export function lastCheckWords(check: DoorSummary['last_check'], zone: string, now: Date): { tone: Tone; label: string } {
  if (!check) return { tone: 'idle', label: 'Never checked' };
  return { tone: verdictWords[check.overall].tone, label: `${CHECK_WORDS[check.overall]} ${formatSiteNear(check.checked_at, zone, now)}` };
}
