import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleAccessCode, sampleDoor } from '../../../shared/testing/samples';
import { CODES_CSV_COLUMNS, codesExportRows, renderCodesCsv } from './codes-csv';
import { provenCode } from './report-test-support';

const doors = [
  sampleDoor({ id: 'upper', name: 'Flat 2.01', floor: '2', group: 'flat', unit: '2.01' }),
  sampleDoor({ id: 'lower', name: '=cmd|calc', floor: '-1', group: 'service', unit: null }),
];
const codes = [
  provenCode('upper', 'u2', '482913', 2, 'Tenant'),
  sampleAccessCode({ access_code_id: 'u1', door_id: 'upper', code: '1357', slot: 1, name: '+Cleaner', type: 'time_bound', starts_at: '2026-03-29T00:30:00.000Z', ends_at: '2026-03-29T01:30:00.000Z', scheduled_by: 'lock' }),
  sampleAccessCode({ access_code_id: 'gone', door_id: 'upper', code: '999999', slot: 3, is_removed: true }),
  sampleAccessCode({ access_code_id: 'clearing', door_id: 'upper', code: '888888', slot: 4, origin: 'cleared' }),
  sampleAccessCode({ access_code_id: 'adopted', door_id: 'lower', code: '777777', slot: 9, origin: 'adopted', name: null }),
];

/** The export read back, one object per row (BOM checked and taken off). */
function readBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { columns: true }) as Record<string, string>[];
}

describe('codes export', () => {
  it('has one row per active code and door, in door order then slot, with wall times at the property beside ISO', () => {
    const csv = renderCodesCsv(codesExportRows(doors, codes), { timeZone: 'Europe/Berlin', includePins: false });
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CODES_CSV_COLUMNS.join(',')}`);
    const rows = readBack(csv);
    expect(rows.map((r) => r.access_code_id)).toEqual(['adopted', 'u1', 'u2']);
    // Berlin leaves winter time at 02:00 on 29 March 2026: 00:30Z is 01:30 CET, 01:30Z is 03:30 CEST.
    expect(rows[1]).toEqual({
      door_id: 'upper', door: 'Flat 2.01', floor: '2', group: 'flat', unit: '2.01', access_code_id: 'u1', code_name: "'+Cleaner", pin: '•••7',
      kind: 'time_bound', time_zone: 'Europe/Berlin', starts_local: '2026-03-29 01:30', starts_at: '2026-03-29T00:30:00.000Z', ends_local: '2026-03-29 03:30',
      ends_at: '2026-03-29T01:30:00.000Z', status: 'setting', slot: '1', proven_by: '', proven_at: '', last_used_at: '',
    });
    expect(rows[2]).toMatchObject({ code_name: 'Tenant', pin: '•••••3', kind: 'ongoing', starts_local: '', status: 'set', proven_by: 'read_back', proven_at: '2026-11-29T15:00:00.000Z', last_used_at: '2026-11-30T07:30:00.000Z' });
    expect(rows[0]).toMatchObject({ door: "'=cmd|calc", floor: '-1', group: 'service', unit: '', code_name: '' });
    expect(csv).not.toMatch(/482913|1357|777777|999999|888888/);
  });

  it('writes full PINs only when asked', () => {
    const rows = readBack(renderCodesCsv(codesExportRows(doors, codes), { timeZone: 'Europe/Berlin', includePins: true }));
    expect(rows.map((r) => r.pin)).toEqual(['777777', '1357', '482913']);
  });

  it('is just the header for a site without codes', () => {
    expect(readBack(renderCodesCsv(codesExportRows(doors, []), { timeZone: 'Europe/Berlin', includePins: false }))).toEqual([]);
  });
});
