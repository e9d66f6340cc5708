import type { BulkPlan, BulkPreview, BulkRunView, CsvImport } from '../../../shared/domain/bulk';

/** Bulk codes on many doors in one sitting (see shared/domain/bulk.ts for the flow). */
export interface BulkService {
  importCsv(siteId: string, text: string): Promise<CsvImport>;
  preview(plan: BulkPlan): Promise<BulkPreview>;
  start(plan: BulkPlan, pins: ReadonlyArray<string | null>): Promise<BulkRunView>;
  runs(siteId: string): Promise<BulkRunView[]>;
  control(runId: string, action: 'pause' | 'resume' | 'cancel' | 'retry_failed'): Promise<BulkRunView>;
}
