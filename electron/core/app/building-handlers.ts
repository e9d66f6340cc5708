import type { BuiltFile } from '../../../shared/domain/report';
import { CodedError } from '../../../shared/result';
import type { BulkService } from '../bulk/bulk-service';
import type { RequestHandlers } from '../ipc/handlers';
import type { ReportService } from '../report/report-service';
import type { DoorPlaces } from '../sites/door-places';

/** The channels of a site worked at building scale: doors in groups, bulk codes, the report and the codes export. */
export type BuildingChannels =
  | 'doors.place'
  | 'doors.summaries'
  | 'doors.checkHistory'
  | 'codes.export'
  | 'codes.saveExport'
  | 'bulk.importCsv'
  | 'bulk.preview'
  | 'bulk.start'
  | 'bulk.runs'
  | 'bulk.control'
  | 'report.build'
  | 'report.save';

/** What the building handlers delegate to. */
export interface BuildingHandlerDeps {
  doors: DoorPlaces;
  bulk: BulkService;
  reports: ReportService;
  /** The desktop app's save dialog (writes the file where the installer picks; null when cancelled); null in the browser host, which downloads. */
  saveFile: ((file: BuiltFile) => Promise<string | null>) | null;
}

/** Maps the building channels to their services. Payloads arrive already validated by the dispatcher. */
export function createBuildingHandlers(deps: BuildingHandlerDeps): Pick<RequestHandlers, BuildingChannels> {
  const { doors, bulk, reports } = deps;
  /** Builds the file, then saves it with the desktop app's dialog; the browser host has none (it downloads). */
  const saveWithDialog = async (build: () => Promise<BuiltFile>): Promise<string | null> => {
    if (!deps.saveFile) throw new CodedError('app.not_supported', 'Saving with a dialog is for the desktop app; the browser downloads the file instead.');
    return deps.saveFile(await build());
  };
  return {
    'doors.place': (p) => doors.place(p.doorId, { floor: p.floor, group: p.group, unit: p.unit }),
    'doors.summaries': (p) => doors.summaries(p.siteId),
    'doors.checkHistory': (p) => doors.checkHistory(p.doorId),
    'codes.export': (p) => reports.exportCodes(p.siteId, p.includePins),
    'bulk.importCsv': (p) => bulk.importCsv(p.siteId, p.text),
    'bulk.preview': (p) => bulk.preview(p),
    'bulk.start': (p) => bulk.start(p.plan, p.pins),
    'bulk.runs': (p) => bulk.runs(p.siteId),
    'bulk.control': (p) => bulk.control(p.runId, p.action),
    'report.build': (p) => reports.build(p),
    'report.save': async (p) => ({ savedTo: await saveWithDialog(() => reports.build(p)) }),
    'codes.saveExport': async (p) => ({ savedTo: await saveWithDialog(() => reports.exportCodes(p.siteId, p.includePins)) }),
  };
}
