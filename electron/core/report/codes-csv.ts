import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import { instantToLocal } from '../../../shared/time/site-time';
import { toCsv } from './csv-file';
import { compareDoors, compareSlots, compareText } from './door-order';
import { shownPin } from './pin-shown';

/** The codes export's columns, in order. Stable: add at the end, never rename. */
export const CODES_CSV_COLUMNS = [
  'door_id',
  'door',
  'floor',
  'group',
  'unit',
  'access_code_id',
  'code_name',
  'pin',
  'kind',
  'time_zone',
  'starts_local',
  'starts_at',
  'ends_local',
  'ends_at',
  'status',
  'slot',
  'proven_by',
  'proven_at',
  'last_used_at',
] as const;

/** One line of the export: an active code and its door. */
export interface CodesExportRow {
  door: Pick<Door, 'id' | 'name' | 'floor' | 'group' | 'unit'>;
  code: AccessCode;
}

/** How the export is written: the site's zone (for the wall times) and whether PINs are shown in full. */
export interface CodesExportOptions {
  timeZone: string;
  includePins: boolean;
}

/**
 * The site's active codes, one row per code and door, in the report's door order then by slot: codes not removed and
 * not being cleared (a code found on a lock and adopted is active; one being cleared is not).
 */
export function codesExportRows(doors: readonly Door[], codes: readonly AccessCode[]): CodesExportRow[] {
  const rows: CodesExportRow[] = [];
  for (const door of [...doors].sort(compareDoors)) {
    const mine = codes.filter((c) => c.door_id === door.id && !c.is_removed && c.origin !== 'cleared');
    mine.sort((a, b) => compareSlots(a.slot, b.slot) || compareText(a.name, b.name));
    for (const code of mine) rows.push({ door, code });
  }
  return rows;
}

/** The codes export as CSV: wall times at the property beside the ISO instants, PINs masked unless `includePins`. */
export function renderCodesCsv(rows: readonly CodesExportRow[], options: CodesExportOptions): string {
  const local = (iso: string | null): string | null => {
    if (iso === null) return null;
    const wall = instantToLocal(iso, options.timeZone);
    return `${wall.date} ${wall.time}`;
  };
  return toCsv(
    CODES_CSV_COLUMNS,
    rows.map(({ door, code }) => ({
      door_id: door.id,
      door: door.name,
      floor: door.floor,
      group: door.group,
      unit: door.unit,
      access_code_id: code.access_code_id,
      code_name: code.name,
      pin: shownPin(code.code, options.includePins),
      kind: code.type,
      time_zone: options.timeZone,
      starts_local: local(code.starts_at),
      starts_at: code.starts_at,
      ends_local: local(code.ends_at),
      ends_at: code.ends_at,
      status: code.status,
      slot: code.slot,
      proven_by: code.verified_by,
      proven_at: code.verified_at,
      last_used_at: code.last_used_at,
    })),
  );
}
