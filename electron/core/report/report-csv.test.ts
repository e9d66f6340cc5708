import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleAccessCode, sampleDoor, sampleLockProfile } from '../../../shared/testing/samples';
import { buildReportData } from './report-data';
import { REPORT_CSV_COLUMNS, renderReportCsv } from './report-csv';
import { provenCode, sampleBuilding, sampleCheck } from './report-test-support';

/** The CSV read back as a spreadsheet would, one object per row (BOM checked and taken off). */
function readBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe('renderReportCsv', () => {
  it('writes a door row, a row per code, per code found on the lock and per problem, under stable columns', () => {
    const input = sampleBuilding(2, 3);
    const csv = renderReportCsv(buildReportData(input));
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${REPORT_CSV_COLUMNS.join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readBack(csv);
    expect(rows.map((r) => r.row_type)).toEqual(['door', 'code', 'code', 'code', 'door', 'code', 'code', 'code', 'from_elsewhere']);
    expect(rows[0]).toMatchObject({ door_id: 'door-1', door: 'Flat 0.01', floor: '0', group: 'flat', unit: '0.01', protocol: 'zwave', address: '3', manufacturer: 'Virtual', serial: 'SN-1001', battery_level: '88', check_overall: 'pass', checked_at: '2026-11-29T14:00:00.000Z' });
    expect(rows[1]).toMatchObject({ site_id: 'site-1', site: 'Harbour View Apartments', door_id: 'door-1', slot: '1', code_name: 'Resident 1-0', pin: '•••••0', kind: 'ongoing', status: 'set', proven_by: 'read_back', proven_at: '2026-11-29T15:21:00.000Z', last_used_at: '', errors: '' });
    expect(rows[3]).toMatchObject({ kind: 'time_bound', starts_at: '2026-12-01T14:00:00.000Z', ends_at: '2026-12-03T10:00:00.000Z', scheduled_by: 'lock' });
    expect(rows[8]).toMatchObject({ row_type: 'from_elsewhere', door_id: 'door-0', slot: '20', pin: '•••••0', decision: 'left', decided_at: '' });
    for (const code of input.codes) expect(csv).not.toContain(code.code);
  });

  it('writes problems by kind and message, and full PINs only when asked', () => {
    const door = sampleDoor({ lastProfile: sampleLockProfile({ isBatteryLow: true, batteryLevel: 7 }) });
    const input = sampleBuilding(0, 0, { doors: [door], codes: [provenCode('door-1', 'a', '246813', 1, 'A')], checks: [sampleCheck('door-1')], unmanaged: {} });
    const rows = readBack(renderReportCsv(buildReportData({ ...input, showPins: true })));
    expect(rows.filter((r) => r.row_type === 'problem')).toEqual([expect.objectContaining({ door_id: 'door-1', problem: 'low_battery', message: "The lock's battery is low (7%): replace it." })]);
    expect(rows.find((r) => r.row_type === 'code')?.pin).toBe('246813');
  });

  it('keeps names that look like formulas as text, and quotes commas, quotes and line breaks', () => {
    const door = sampleDoor({ name: '=HYPERLINK("http://x","Door, main")', floor: '-1', unit: '+44' });
    const codes = [
      sampleAccessCode({ access_code_id: 'a', name: '=1+1', code: '123456', slot: 1 }),
      sampleAccessCode({ access_code_id: 'b', name: '@SUM(A1)', code: '234567', slot: 2 }),
      sampleAccessCode({ access_code_id: 'c', name: '-2+3', code: '345678', slot: 3 }),
      sampleAccessCode({ access_code_id: 'd', name: 'Line\nbreak "quoted"', code: '456789', slot: 4 }),
    ];
    const csv = renderReportCsv(buildReportData(sampleBuilding(0, 0, { doors: [door], codes, checks: [], unmanaged: {} })));
    const rows = readBack(csv);
    expect(rows[0]).toMatchObject({ door: `'=HYPERLINK("http://x","Door, main")`, floor: '-1', unit: "'+44" });
    expect(rows.filter((r) => r.row_type === 'code').map((r) => r.code_name)).toEqual(["'=1+1", "'@SUM(A1)", "'-2+3", 'Line\nbreak "quoted"']);
    expect(csv).not.toMatch(/123456|234567|345678|456789/);
  });
});
