import type { BuiltFile, ReportRequest } from '../../../shared/domain/report';
import type { Site } from '../../../shared/domain/site';
import type { UnmanagedCode } from '../../../shared/domain/unmanaged-code';
import { CodedError, isCodedError } from '../../../shared/result';
import type { ShardedStore } from '../store/store-v2';
import { codesExportRows, renderCodesCsv } from './codes-csv';
import { buildReportData } from './report-data';
import { renderReportCsv } from './report-csv';
import { renderReportPdf } from './report-pdf';
import type { ReportService } from './report-service';
import { reportDate } from './report-time';

/** What the report service reads from. */
export interface ReportServiceDeps {
  store: ShardedStore;
  now: () => Date;
  /** The app version printed in the report. */
  version: string;
  /** Codes still on a door's lock that Lockbench does not manage; may reject or hang for a lock not connected. */
  unmanagedOf: (doorId: string) => Promise<UnmanagedCode[]>;
  /** Where the report fonts are, when not found on their own (see font-dir.ts). */
  fontDir?: string;
  /** How long to wait for one door's unmanaged codes before reporting none (ms). */
  unmanagedWaitMs?: number;
}

const UNMANAGED_WAIT_MS = 2_000;

/**
 * Creates the report service (see ReportService): reads the site from the store, asks each chosen door's lock for the
 * codes it holds from elsewhere (a door that does not answer has none known), builds the report data and renders it.
 */
export function createReportService(deps: ReportServiceDeps): ReportService {
  const { store } = deps;

  function requireSite(siteId: string): Site {
    const site = store.index.read().sites.find((s) => s.id === siteId);
    if (!site) throw new CodedError('site.not_found', 'This site does not exist (any more).');
    return site;
  }

  async function unmanagedByDoor(doorIds: readonly string[]): Promise<Record<string, UnmanagedCode[]>> {
    const wait = deps.unmanagedWaitMs ?? UNMANAGED_WAIT_MS;
    const ask = (id: string) => withinTime(Promise.resolve().then(() => deps.unmanagedOf(id)), wait).catch((): UnmanagedCode[] => []);
    const lists = await Promise.all(doorIds.map(ask));
    return Object.fromEntries(doorIds.map((id, i) => [id, lists[i] ?? []]));
  }

  async function build(request: ReportRequest): Promise<BuiltFile> {
    const site = requireSite(request.siteId);
    const doors = store.index.read().doors.filter((d) => d.siteId === site.id);
    for (const id of request.doorIds ?? []) {
      if (!doors.some((d) => d.id === id)) throw new CodedError('door.not_found', 'A chosen door is not on this site (any more).', { doorId: id });
    }
    const data = (await store.codes(site.id)).read();
    const chosenIds = request.doorIds ?? doors.map((d) => d.id);
    const now = deps.now();
    const unmanaged = await unmanagedByDoor(chosenIds);
    return made(async () => {
      const report = buildReportData({
        site,
        doors,
        doorIds: request.doorIds,
        codes: data.accessCodes,
        operations: data.operations,
        checks: data.checks,
        unmanaged,
        installerName: request.installerName,
        now,
        appVersion: deps.version,
        showPins: request.showPins,
      });
      const name = `Lockbench report - ${site.name} - ${reportDate(now.toISOString(), site.timeZone)}`;
      if (request.format === 'csv') return builtFile(`${name}.csv`, 'text/csv', Buffer.from(renderReportCsv(report), 'utf8'));
      return builtFile(`${name}.pdf`, 'application/pdf', await renderReportPdf(report, request.paper, { fontDir: deps.fontDir }));
    });
  }

  async function exportCodes(siteId: string, includePins: boolean): Promise<BuiltFile> {
    const site = requireSite(siteId);
    const doors = store.index.read().doors.filter((d) => d.siteId === site.id);
    const codes = (await store.codes(site.id)).read().accessCodes;
    return made(async () => {
      const csv = renderCodesCsv(codesExportRows(doors, codes), { timeZone: site.timeZone, includePins });
      const name = `Lockbench codes - ${site.name} - ${reportDate(deps.now().toISOString(), site.timeZone)}.csv`;
      return builtFile(name, 'text/csv', Buffer.from(csv, 'utf8'));
    });
  }

  return { build, exportCodes };
}

/** Builds a file; anything that throws on the way and is not already coded becomes `report.failed`. */
async function made<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (isCodedError(error)) throw error;
    throw new CodedError('report.failed', `The report could not be produced: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function builtFile(fileName: string, mimeType: string, bytes: Buffer): BuiltFile {
  return { fileName: safeFileName(fileName), mimeType, base64: bytes.toString('base64'), bytes: bytes.length };
}

/**
 * A file name Windows and macOS both accept: no path separators, reserved characters (< > : " / \ | ? *) or control
 * characters, no trailing dot or space, at most 150 characters before the extension.
 */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot) : '';
  const stem = (dot >= 0 ? name.slice(0, dot) : name)
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '-');
  const short = Array.from(stem).slice(0, 150).join('').trim().replace(/[. ]+$/, '');
  return `${short || 'Lockbench'}${extension}`;
}

/** The promise's value, or a rejection once `ms` have passed without one. */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
