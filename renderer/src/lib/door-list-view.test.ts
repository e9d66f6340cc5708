import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../shared/domain/door';
import type { DoorSummary } from '../../../shared/domain/door-placement';
import {
  NO_FILTER,
  NO_FLOOR,
  changeCountWords,
  compareFloors,
  filterRows,
  floorCounts,
  groupCounts,
  isNoFilter,
  lastCheckWords,
  needsAttention,
  needsFilterBar,
  placeShort,
  placeWords,
  problemsOf,
  rowsOf,
  sectionsOf,
  shownWords,
  sortRows,
} from './door-list-view';
import { sampleDoor, sampleLock } from './testing/sample-data';

function summary(doorId: string, over: Partial<DoorSummary> = {}): DoorSummary {
  return { door_id: doorId, active_codes: 2, waiting: 0, failed: 0, last_check: { checked_at: '2025-01-01T10:00:00.000Z', overall: 'pass' }, ...over };
}

const door = (id: string, name: string, over: Partial<DoorView> = {}) => sampleDoor({ id, name, ...over });

const building = [
  door('d-entrance', 'Main entrance', { group: 'common', floor: 'G' }),
  door('d-bikes', 'Bike store', { group: 'common', floor: '-1' }),
  door('d-110', 'Flat 1.10', { group: 'flat', floor: '1', unit: '1.10' }),
  door('d-102', 'Flat 1.02', { group: 'flat', floor: '1', unit: '1.02' }),
  door('d-1002', 'Flat 10.02', { group: 'flat', floor: '10', unit: '10.02' }),
  door('d-201', 'Flat 2.01', { group: 'flat', floor: '2', unit: '2.01' }),
  door('d-plant', 'Plant room', { group: 'service', floor: 'Roof' }),
  door('d-back', 'Back gate', { lockAddress: { protocol: 'nuki', address: '54:D2:72:3C:88:62' } }),
];

describe('problemsOf', () => {
  it('names what needs the installer, worst first', () => {
    const weak = door('d', 'Weak', { isConnected: false, lock: sampleLock({ isBatteryLow: true }) });
    expect(problemsOf(weak, summary('d', { failed: 1, waiting: 2, last_check: { checked_at: 'x', overall: 'fail' } }))).toEqual([
      'failed',
      'not_answering',
      'check_failed',
      'battery_low',
      'waiting',
    ]);
    expect(problemsOf(door('d', 'Ok'), summary('d'))).toEqual([]);
    expect(problemsOf(door('d', 'New'), summary('d', { last_check: null }))).toEqual(['never_checked']);
    // Before the summaries arrive only what the door itself says counts.
    expect(problemsOf(door('d', 'Loading'), null)).toEqual([]);
  });

  it('does not count a door never checked as needing attention', () => {
    const [row] = rowsOf([door('d', 'New')], { d: summary('d', { last_check: null }) });
    expect(needsAttention(row!)).toBe(false);
    const [warn] = rowsOf([door('d', 'Warn')], { d: summary('d', { last_check: { checked_at: 'x', overall: 'warn' } }) });
    expect(needsAttention(warn!)).toBe(true);
  });
});

describe('filterRows', () => {
  const rows = rowsOf(building, {});
  const names = (list: ReturnType<typeof filterRows>) => list.map((r) => r.door.name);

  it('filters by group, doors without a group, floor and no floor', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, group: 'common' }))).toEqual(['Main entrance', 'Bike store']);
    expect(names(filterRows(rows, { ...NO_FILTER, group: 'none' }))).toEqual(['Back gate']);
    expect(names(filterRows(rows, { ...NO_FILTER, floor: '1' }))).toEqual(['Flat 1.10', 'Flat 1.02']);
    expect(names(filterRows(rows, { ...NO_FILTER, floor: NO_FLOOR }))).toEqual(['Back gate']);
    expect(filterRows(rows, NO_FILTER)).toHaveLength(building.length);
  });

  it('searches every typed word in name, unit, floor and address, ignoring case and accents', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, text: '  flat 1.0 ' }))).toEqual(['Flat 1.02']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: 'PLÁNT' }))).toEqual(['Plant room']);
    expect(names(filterRows(rows, { ...NO_FILTER, text: '54:d2' }))).toEqual(['Back gate']);
    expect(names(filterRows(rows, { ...NO_FILTER, group: 'flat', text: 'entrance' }))).toEqual([]);
  });

  it('knows when nothing is filtered', () => {
    expect(isNoFilter(NO_FILTER)).toBe(true);
    expect(isNoFilter({ ...NO_FILTER, text: '   ' })).toBe(true);
    expect(isNoFilter({ ...NO_FILTER, floor: NO_FLOOR })).toBe(false);
  });
});

describe('sortRows and sectionsOf', () => {
  it('sorts floors in building order with named floors and no floor last', () => {
    const floors = ['Roof', '10', 'G', null, '1', '-1', 'Basement', '2'];
    expect([...floors].sort(compareFloors)).toEqual(['-1', 'Basement', 'G', '1', '2', '10', 'Roof', null]);
  });

  it('sorts by name, by floor then unit, by unit as people count, and problems first', () => {
    const summaries = { 'd-plant': summary('d-plant', { failed: 1 }), 'd-201': summary('d-201', { waiting: 1 }), 'd-bikes': summary('d-bikes', { last_check: null }) };
    const rows = rowsOf(building, summaries);
    const names = (sort: Parameters<typeof sortRows>[1]) => sortRows(rows, sort).map((r) => r.door.name);
    expect(names('name')).toEqual(['Back gate', 'Bike store', 'Flat 1.02', 'Flat 1.10', 'Flat 2.01', 'Flat 10.02', 'Main entrance', 'Plant room']);
    expect(names('floor')).toEqual(['Bike store', 'Main entrance', 'Flat 1.02', 'Flat 1.10', 'Flat 2.01', 'Flat 10.02', 'Plant room', 'Back gate']);
    expect(names('unit').slice(0, 4)).toEqual(['Flat 1.02', 'Flat 1.10', 'Flat 2.01', 'Flat 10.02']);
    expect(names('problems').slice(0, 3)).toEqual(['Plant room', 'Flat 2.01', 'Bike store']);
  });

  it('puts a heading over each floor only when sorted by floor', () => {
    const rows = sortRows(rowsOf(building, {}), 'floor');
    const sections = sectionsOf(rows, 'floor');
    expect(sections.map((s) => [s.title, s.rows.length])).toEqual([
      ['Floor -1', 1],
      ['Floor G', 1],
      ['Floor 1', 2],
      ['Floor 2', 1],
      ['Floor 10', 1],
      ['Floor Roof', 1],
      ['No floor given', 1],
    ]);
    expect(sectionsOf(rows, 'name')).toEqual([{ key: 'all', title: null, rows }]);
  });
});

describe('counts and words', () => {
  it('counts doors per floor in building order and per group', () => {
    expect(floorCounts(building).map((f) => [f.floor, f.count])).toEqual([
      ['-1', 1],
      ['G', 1],
      ['1', 2],
      ['2', 1],
      ['10', 1],
      ['Roof', 1],
      [null, 1],
    ]);
    expect(groupCounts(building)).toEqual({ common: 2, flat: 4, service: 1, none: 1 });
  });

  it('shows the filter bar for a building, not for a house of three unplaced doors', () => {
    const house = [door('a', 'Front door'), door('b', 'Back door'), door('c', 'Garage')];
    expect(needsFilterBar(house)).toBe(false);
    expect(needsFilterBar([...house, door('d', 'Shed', { floor: 'G' })])).toBe(true);
    expect(needsFilterBar(Array.from({ length: 7 }, (_, i) => door(`x${i}`, `Door ${i}`)))).toBe(true);
  });

  it('says where a door is and how many are shown', () => {
    expect(placeWords(building[2]!)).toBe('Flat · unit 1.10 · floor 1');
    expect(placeWords(building[7]!)).toBeNull();
    expect([placeShort(building[2]!), placeShort(building[0]!), placeShort(building[7]!)]).toEqual(['Unit 1.10 · Floor 1', 'Common area · Floor G', null]);
    expect(lastCheckWords(null, 'Europe/London', new Date('2025-01-01T12:00:00Z'))).toEqual({ tone: 'idle', label: 'Never checked' });
    expect(lastCheckWords({ checked_at: '2025-01-01T10:00:00.000Z', overall: 'warn' }, 'Europe/London', new Date('2025-01-01T12:00:00Z'))).toEqual({
      tone: 'warn',
      label: 'Check: things to look at 10:00',
    });
    expect([changeCountWords(0, 0), changeCountWords(2, 1), changeCountWords(0, 1), changeCountWords(1, 0)]).toEqual([
      null,
      '2 changes waiting, 1 failed',
      '1 change failed',
      '1 change waiting',
    ]);
    expect(shownWords(3, 3)).toBe('3 doors');
    expect(shownWords(1, 24)).toBe('Showing 1 of 24 doors');
  });
});
