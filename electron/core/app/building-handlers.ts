import type { BuiltFile, SavedFile } from '../../../shared/domain/report';
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
  /** The platform's way to save a file (the desktop save dialog, or a download in the browser host). */
  saveFile: (file: BuiltFile) => Promise<SavedFile>;
}

/** Maps the building channels to their services. Payloads arrive already validated by the dispatcher. */
export function createBuildingHandlers(deps: BuildingHandlerDeps): Pick<RequestHandlers, BuildingChannels> {
  const { doors, bulk, reports } = deps;
  /** Builds the file, then saves it the platform's way. */
  const save = async (build: () => Promise<BuiltFile>): Promise<SavedFile> => deps.saveFile(await build());
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
    'report.save': (p) => save(() => reports.build(p)),
    'codes.saveExport': (p) => save(() => reports.exportCodes(p.siteId, p.includePins)),
  };
}
