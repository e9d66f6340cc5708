import type { CommissioningReport, ReportDoor } from '../../../shared/domain/report';
import { toCsv, type CsvCell } from './csv-file';

/**
 * The report's columns, in order. Stable: systems read them by name, so add at the end and never rename. Which are
 * filled depends on `row_type`: `door` (one per door: lock and latest check), `code`, `from_elsewhere`, `problem`.
 */
export const REPORT_CSV_COLUMNS = [
  'row_type',
  'site_id',
  'site',
  'door_id',
  'door',
  'floor',
  'group',
  'unit',
  'protocol',
  'address',
  'manufacturer',
  'model',
  'firmware',
  'serial',
  'battery_level',
  'check_overall',
  'checked_at',
  'slot',
  'code_name',
  'pin',
  'kind',
  'starts_at',
  'ends_at',
  'status',
  'scheduled_by',
  'proven_by',
  'proven_at',
  'last_used_at',
  'errors',
  'decision',
  'decided_at',
  'problem',
  'message',
] as const;
type Column = (typeof REPORT_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, CsvCell>>;

/**
 * The commissioning report as CSV for systems: per door a `door` row, then a row per code, per code found on the lock
 * and per open problem, each naming its door. Times are the stored ISO 8601 instants (UTC); PINs as in the report
 * (masked unless full PINs were asked for).
 */
export function renderReportCsv(report: CommissioningReport): string {
  const rows: Row[] = [];
  for (const door of report.doors) {
    const base = doorCells(report, door);
    rows.push({
      ...base,
      row_type: 'door',
      protocol: door.protocol,
      address: door.address,
      manufacturer: door.lock?.manufacturer ?? null,
      model: door.lock?.model ?? null,
      firmware: door.lock?.firmware ?? null,
      serial: door.lock?.serial ?? null,
      battery_level: door.lock?.battery_level ?? null,
      check_overall: door.check?.overall ?? null,
      checked_at: door.check?.checked_at ?? null,
    });
    for (const c of door.codes) {
      rows.push({
        ...base,
        row_type: 'code',
        slot: c.slot,
        code_name: c.name,
        pin: c.pin,
        kind: c.type,
        starts_at: c.starts_at,
        ends_at: c.ends_at,
        status: c.status,
        scheduled_by: c.scheduled_by,
        proven_by: c.proven_by,
        proven_at: c.proven_at,
        last_used_at: c.last_used_at,
        errors: c.errors.join(' | '),
      });
    }
    for (const f of door.from_elsewhere) {
      rows.push({ ...base, row_type: 'from_elsewhere', slot: f.slot, pin: f.pin, decision: f.decision, decided_at: f.decided_at });
    }
    for (const p of door.problems) rows.push({ ...base, row_type: 'problem', problem: p.kind, message: p.message });
  }
  return toCsv(REPORT_CSV_COLUMNS, rows);
}

function doorCells(report: CommissioningReport, door: ReportDoor): Row {
  return { site_id: report.site.id, site: report.site.name, door_id: door.door_id, door: door.name, floor: door.floor, group: door.group, unit: door.unit };
}
