import type { BuiltFile, ReportRequest } from '../../../shared/domain/report';

/**
 * The commissioning report and the site's codes export, built from what is stored (never recomputed from the locks):
 *
 *   store (doors, codes, operations, checks) + codes found elsewhere ─▶ report-data (CommissioningReport)
 *        ─▶ report-pdf (pdfkit, fonts embedded, A4 / Letter)  |  report-csv (one row per code and door)
 */
export interface ReportService {
  /** The report as a file (PDF or CSV) for the chosen doors of a site. */
  build(request: ReportRequest): Promise<BuiltFile>;
  /** The site's codes as CSV, PINs masked unless `includePins`. */
  exportCodes(siteId: string, includePins: boolean): Promise<BuiltFile>;
}
