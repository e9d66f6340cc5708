import type { BulkCodeInput } from '../../../shared/domain/bulk';
import type { LocalDateTime } from '../../../shared/domain/local-time';
import { unitSchema } from '../../../shared/domain/door-placement';
import { codeNameSchema, pinSchema } from '../../../shared/domain/pin-input';

/** The columns a codes CSV can have (csv-import.ts maps the header's words onto them). */
export type CsvColumn = 'unit' | 'name' | 'pin' | 'kind' | 'starts' | 'ends';

/** One row's values by column, trimmed ('' when blank or when the file has no such column). */
export type CsvRow = Record<CsvColumn, string>;

/** A row read: the code it asks for, or every reason it is refused (in words, never showing the PIN). */
export type RowReading = { ok: true; code: BulkCodeInput } | { ok: false; reason: string };

/** The format a start or end must have, said in every reason about one. */
export const DATE_TIME_EXAMPLE = '2026-12-24 15:00';

const ONGOING = new Set(['ongoing', 'permanent']);
const TIME_BOUND = new Set(['time-bound', 'timebound', 'guest', 'temporary']);
const GENERATE = /^generate$/i;

/**
 * Reads one data row into a plan code. `unitOf` finds the site's spelling of a unit (null: no door of that unit here).
 * Checks, all at once: PIN digits only (a blank PIN or "generate" = generated), name and unit as plain text, the unit
 * at this site, the kind, and a time-bound code's start and end ("YYYY-MM-DD HH:MM", end after start).
 */
export function readCodeRow(row: CsvRow, unitOf: (unit: string) => string | null): RowReading {
  const reasons: string[] = [];
  const pin = readPin(row.pin, reasons);
  const name = readName(row.name, reasons);
  const unit = readUnit(row.unit, unitOf, reasons);
  const window = readWindow(row, reasons);
  if (reasons.length > 0) return { ok: false, reason: reasons.join('; ') };
  return { ok: true, code: { name, pin, unit, window } };
}

function readPin(value: string, reasons: string[]): string | null {
  if (value === '' || GENERATE.test(value)) return null;
  if (!/^\d+$/.test(value)) {
    reasons.push(/\p{L}/u.test(value) ? 'the PIN has letters: keypads take digits only' : 'the PIN has characters other than digits: keypads take digits only');
    return null;
  }
  const parsed = pinSchema.safeParse(value);
  if (!parsed.success) reasons.push(`the ${firstMessage(parsed.error)}`);
  return value;
}

function readName(value: string, reasons: string[]): string | null {
  const parsed = codeNameSchema.safeParse(value);
  if (!parsed.success) {
    reasons.push(`the ${firstMessage(parsed.error)}`);
    return null;
  }
  return parsed.data === '' ? null : parsed.data;
}

function readUnit(value: string, unitOf: (unit: string) => string | null, reasons: string[]): string | null {
  if (value === '') return null;
  const parsed = unitSchema.safeParse(value);
  if (!parsed.success) {
    reasons.push(`the ${firstMessage(parsed.error)}`);
    return null;
  }
  const known = unitOf(parsed.data);
  if (known === null) reasons.push(`no door of unit “${parsed.data}” at this site`);
  return known;
}

function readWindow(row: CsvRow, reasons: string[]): BulkCodeInput['window'] {
  const kind = readKind(row, reasons);
  if (kind === 'ongoing') {
    if (row.starts !== '' || row.ends !== '') reasons.push('an ongoing code has no start or end: leave them empty, or make the code time-bound');
    return null;
  }
  if (kind === null) return null;
  const starts = readDateTime(row.starts, 'start', reasons);
  const ends = readDateTime(row.ends, 'end', reasons);
  if (!starts || !ends) return null;
  if (`${ends.date} ${ends.time}` <= `${starts.date} ${starts.time}`) {
    reasons.push('the end is not after the start');
    return null;
  }
  return { starts, ends };
}

/** The row's kind; a blank kind is time-bound when the row has a start or an end, else ongoing. Null when unknown. */
function readKind(row: CsvRow, reasons: string[]): 'ongoing' | 'time-bound' | null {
  const kind = row.kind.toLowerCase().replace(/[\s_]+/g, '-');
  if (kind === '') return row.starts !== '' || row.ends !== '' ? 'time-bound' : 'ongoing';
  if (ONGOING.has(kind)) return 'ongoing';
  if (TIME_BOUND.has(kind) || kind === 'time-bound') return 'time-bound';
  reasons.push(`the kind “${row.kind}” is neither ongoing nor time-bound`);
  return null;
}

function readDateTime(value: string, what: 'start' | 'end', reasons: string[]): LocalDateTime | null {
  if (value === '') {
    reasons.push(`a time-bound code needs its ${what}, like ${DATE_TIME_EXAMPLE}`);
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::00)?$/.exec(value);
  if (!match || !isRealDateTime(match)) {
    reasons.push(`the ${what} “${value}” is not a date and time like ${DATE_TIME_EXAMPLE}`);
    return null;
  }
  const [, year, month, day, hour, minute] = match;
  return { date: `${year}-${month}-${day}`, time: `${hour!.padStart(2, '0')}:${minute}` };
}

function isRealDateTime(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour <= 23 && minute <= 59;
}

function firstMessage(error: { issues: ReadonlyArray<{ message: string }> }): string {
  return error.issues[0]?.message ?? 'value is not valid';
}
