import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuiltFile, ReportRequest } from '../../../shared/domain/report';
import type { UnmanagedCode } from '../../../shared/domain/unmanaged-code';
import { isCodedError } from '../../../shared/result';
import { sampleSite } from '../../../shared/testing/samples';
import { openShardedStore } from '../store/open-sharded-store';
import { createTempFolder } from '../store/store-test-support';
import type { ShardedStore } from '../store/store-v2';
import { createReportService, safeFileName, type ReportServiceDeps } from './create-report-service';
import { REPORT_NOW, sampleBuilding, sampleOperation, samplePin } from './report-test-support';

let folder: Awaited<ReturnType<typeof createTempFolder>>;
let store: ShardedStore;

/** A real store in a temp folder holding a 3-door building (2 codes each, one waiting) and a second, empty site. */
beforeEach(async () => {
  folder = await createTempFolder();
  store = await openShardedStore({ dir: folder.dir });
  const building = sampleBuilding(3, 2);
  await store.index.update((d) => {
    d.sites.push(building.site, sampleSite({ id: 'site-2', name: 'Other' }));
    d.doors.push(...building.doors.map((door) => structuredClone(door)));
  });
  await (await store.codes('site-1')).update((d) => {
    d.accessCodes.push(...building.codes);
    d.checks.push(...building.checks);
    d.operations.push(sampleOperation(building.codes[0]!, { state: 'waiting' }));
  });
});
afterEach(async () => {
  await store.close();
  await folder.cleanup();
});

const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({ siteId: 'site-1', doorIds: null, installerName: 'Alex Installer', paper: 'a4', format: 'csv', showPins: false, ...over });
const service = (over: Partial<ReportServiceDeps> = {}) => createReportService({ store, now: () => REPORT_NOW, version: '0.1.0', unmanagedOf: async () => [], ...over });
const text = (file: BuiltFile) => Buffer.from(file.base64, 'base64').toString('utf8');
const rowsOf = (file: BuiltFile) => parse(text(file).slice(1), { columns: true }) as Record<string, string>[];
const coded = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (isCodedError(e) ? e.code : e));

describe('createReportService', () => {
  it('builds the PDF of a site from the store, named for the site and the day at the property', async () => {
    const file = await service().build(request({ format: 'pdf', paper: 'letter' }));
    const bytes = Buffer.from(file.base64, 'base64');
    expect(file).toMatchObject({ fileName: 'Lockbench report - Harbour View Apartments - 2026-11-30.pdf', mimeType: 'application/pdf', bytes: bytes.length });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('builds the CSV of the chosen doors only, with the waiting code, a stored check and no full PIN', async () => {
    const file = await service().build(request({ doorIds: ['door-2', 'door-0'] }));
    expect(file).toMatchObject({ fileName: 'Lockbench report - Harbour View Apartments - 2026-11-30.csv', mimeType: 'text/csv' });
    const rows = rowsOf(file);
    expect([...new Set(rows.map((r) => r.door_id))]).toEqual(['door-2', 'door-0']);
    expect(rows.find((r) => r.row_type === 'door')).toMatchObject({ check_overall: 'pass' });
    expect(rows.filter((r) => r.row_type === 'problem').map((r) => [r.door_id, r.problem])).toEqual([['door-0', 'waiting_code']]);
    expect(text(file)).not.toContain(samplePin(0, 0));
    expect(rowsOf(await service().build(request({ showPins: true }))).map((r) => r.pin)).toContain(samplePin(0, 0));
  });

  it('asks each door for codes from elsewhere; a door that fails or does not answer in time has none', async () => {
    const left: UnmanagedCode = { door_id: 'door-1', slot: 12, status: 'enabled', code: '112233', is_masked: false };
    const unmanagedOf = (doorId: string): Promise<UnmanagedCode[]> => {
      if (doorId === 'door-0') return Promise.reject(new Error('not connected'));
      if (doorId === 'door-2') return new Promise<UnmanagedCode[]>(() => undefined); // never answers
      return Promise.resolve([left]);
    };
    const rows = rowsOf(await service({ unmanagedOf, unmanagedWaitMs: 20 }).build(request()));
    expect(rows.filter((r) => r.row_type === 'from_elsewhere').map((r) => [r.door_id, r.slot, r.pin, r.decision])).toEqual([['door-1', '12', '•••••3', 'left']]);
  });

  it('refuses an unknown site and a door that is not on the site, by code', async () => {
    expect(await coded(service().build(request({ siteId: 'nope' })))).toBe('site.not_found');
    expect(await coded(service().build(request({ siteId: 'site-2', doorIds: ['door-1'] })))).toBe('door.not_found');
    expect(await coded(service().build(request({ doorIds: ['door-1', 'ghost'] })))).toBe('door.not_found');
    expect(await coded(service().exportCodes('nope', false))).toBe('site.not_found');
  });

  it('turns a failure while making the file into report.failed', async () => {
    expect(await coded(service({ fontDir: '/nowhere' }).build(request({ format: 'pdf' })))).toBe('report.failed');
    await store.index.update((d) => void (d.sites[0]!.timeZone = 'Mars/Olympus_Mons'));
    expect(await coded(service().build(request()))).toBe('report.failed');
  });

  it('exports the site codes as CSV, PINs masked unless asked', async () => {
    const masked = await service().exportCodes('site-1', false);
    expect(masked).toMatchObject({ fileName: 'Lockbench codes - Harbour View Apartments - 2026-11-30.csv', mimeType: 'text/csv' });
    const rows = rowsOf(masked);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ door_id: 'door-1', code_name: 'Resident 1-0', pin: '•••••0', status: 'set' });
    expect(text(masked)).not.toContain(samplePin(1, 0));
    expect(rowsOf(await service().exportCodes('site-1', true))[0]?.pin).toBe(samplePin(1, 0));
    expect(rowsOf(await service().exportCodes('site-2', false))).toEqual([]);
  });
});

describe('safeFileName', () => {
  it('replaces what Windows or macOS refuse, trims the end and keeps the extension', () => {
    expect(safeFileName('Lockbench report - A/B: "C" <D>|E?*\\F - 2026-11-30.pdf')).toBe('Lockbench report - A-B- -C- -D--E---F - 2026-11-30.pdf');
    expect(safeFileName('Tab\there\nand. .csv')).toBe('Tab here and.csv');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)).toBe(`${'x'.repeat(150)}.pdf`);
    expect(safeFileName('.pdf')).toBe('Lockbench.pdf');
  });
});
