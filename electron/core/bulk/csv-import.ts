import { parse } from 'csv-parse/sync';
import type { BulkCodeInput, CsvImport, CsvRowProblem } from '../../../shared/domain/bulk';
import { CodedError } from '../../../shared/result';
import { readCodeRow, type CsvColumn, type CsvRow } from './csv-row';

/** Rows read from one file at most (the plan's limit). */
export const MAX_ROWS = 2000;

const EXPECTED = 'unit, name, pin, kind, starts, ends';

/** The words a header may use for each column (lower case, runs of spaces, _ and - as one space). */
const HEADER_WORDS: Record<CsvColumn, readonly string[]> = {
  unit: ['unit', 'flat', 'apartment', 'apt', 'unit number', 'flat number'],
  name: ['name', 'resident', 'label', 'code name'],
  pin: ['pin', 'code', 'pin code', 'access code'],
  kind: ['kind', 'type', 'code type', 'code kind'],
  starts: ['starts', 'start', 'from', 'valid from', 'starts at'],
  ends: ['ends', 'end', 'until', 'to', 'valid until', 'valid to', 'ends at'],
};

const DELIMITERS = [',', ';', '\t'] as const;
const DELIMITER_WORDS: Record<(typeof DELIMITERS)[number], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * Reads a CSV of codes (a property manager's spreadsheet) into plan codes, refusing each bad row with its line and
 * reason and keeping the good ones:
 *
 *   text ─▶ CRLF/CR → LF ─▶ header (first non-blank line): delimiter , ; or tab, column words → columns
 *        ─▶ each line on its own (csv-parse; a broken line is skipped via on_skip and becomes a problem)
 *        ─▶ readCodeRow (PIN, name, unit at this site, kind, window) ─▶ same PIN on the same doors? ─▶ code or problem
 *
 * Lines are parsed one by one because a code never spans lines (a name cannot hold a line break): read as one
 * document, a quote left open on one line swallows every row up to the next quote, or csv-parse drops the rest of
 * the file. One by one, only that line is refused. Line numbers count from 1 at the top of the file (header = 1).
 */
export function readCodesCsv(text: string, site: { units: ReadonlySet<string> }): CsvImport {
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt < 0) throw new CodedError('csv.unreadable', `The file is empty: it needs a header row (${EXPECTED}) and a row per code.`);
  const headerLine = lines[headerAt]!;
  if (headerLine.startsWith('PK')) {
    throw new CodedError('csv.unreadable', 'This is an Excel workbook, not a CSV: in Excel use File › Save As › CSV, then pick that file.');
  }
  const delimiter = detectDelimiter(headerLine);
  const header = parseLine(headerLine, delimiter);
  if (!header.ok) throw new CodedError('csv.unreadable', `The header row cannot be read: ${header.reason}.`);
  const columns = columnsOf(header.fields);
  const unitOf = unitLookup(site.units);

  const codes: BulkCodeInput[] = [];
  const codeLines: number[] = [];
  const problems: CsvRowProblem[] = [];
  const pinsSeen = new Map<string, Array<{ unit: string | null; line: number }>>();
  let rows = 0;
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = i + 1;
    const parsed = parseLine(lines[i]!, delimiter);
    if (parsed.ok && parsed.fields.every((field) => field.trim() === '')) continue;
    if (++rows > MAX_ROWS) {
      const rest = lines.slice(i + 1).filter((l) => l.trim() !== '').length;
      problems.push({ line, reason: `not read: one file takes at most ${MAX_ROWS} codes (this row and ${rest} more after it were left out)` });
      break;
    }
    if (!parsed.ok) {
      problems.push({ line, reason: parsed.reason });
      continue;
    }
    const countProblem = fieldCountProblem(parsed.fields, header.fields.length, delimiter);
    if (countProblem) {
      problems.push({ line, reason: countProblem });
      continue;
    }
    const reading = readCodeRow(rowOf(parsed.fields, columns), unitOf);
    if (!reading.ok) {
      problems.push({ line, reason: reading.reason });
      continue;
    }
    const clash = reading.code.pin === null ? undefined : clashOf(pinsSeen, reading.code.pin, reading.code.unit);
    if (clash) {
      problems.push({ line, reason: `the same PIN as line ${clash.line} on the same doors: a PIN can be on a lock only once` });
      continue;
    }
    if (reading.code.pin !== null) pinsSeen.set(reading.code.pin, [...(pinsSeen.get(reading.code.pin) ?? []), { unit: reading.code.unit, line }]);
    codes.push(reading.code);
    codeLines.push(line);
  }
  return { codes, lines: codeLines, problems };
}

/** The delimiter used most in the header outside quotes (comma when there is none: a one-column file). */
function detectDelimiter(headerLine: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best), DELIMITERS[0]);
}

/** Which field index holds each column; a header without a PIN column, or naming one column twice, is unreadable. */
function columnsOf(header: string[]): Partial<Record<CsvColumn, number>> {
  const columns: Partial<Record<CsvColumn, number>> = {};
  header.forEach((raw, index) => {
    const word = raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
    const column = (Object.keys(HEADER_WORDS) as CsvColumn[]).find((c) => HEADER_WORDS[c].includes(word));
    if (!column) return;
    const before = columns[column];
    if (before !== undefined) {
      throw new CodedError('csv.unreadable', `The header names the ${column} column twice (“${header[before]}” and “${raw.trim()}”): keep one.`);
    }
    columns[column] = index;
  });
  if (columns.pin === undefined) {
    const known = Object.keys(columns).length > 0;
    throw new CodedError(
      'csv.unreadable',
      known
        ? 'The header row has no PIN column (“pin” or “code”; write “generate” or leave it empty for a generated PIN).'
        : `The first line is not a header row: it should name the columns, e.g. ${EXPECTED}.`,
      { missing: 'pin' },
    );
  }
  return columns;
}

function rowOf(fields: string[], columns: Partial<Record<CsvColumn, number>>): CsvRow {
  const value = (column: CsvColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  return { unit: value('unit'), name: value('name'), pin: value('pin'), kind: value('kind'), starts: value('starts'), ends: value('ends') };
}

type LineReading = { ok: true; fields: string[] } | { ok: false; reason: string };

/** One physical line as CSV fields; a line csv-parse cannot read is skipped by it and reported here with its reason. */
function parseLine(line: string, delimiter: string): LineReading {
  let skipped: { code?: string } | undefined;
  try {
    const records = parse(line, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        skipped = error ?? {};
        return undefined;
      },
    });
    if (!skipped) return { ok: true, fields: records[0] ?? [] };
  } catch (error) {
    skipped = error as { code?: string };
  }
  return {
    ok: false,
    reason:
      skipped.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quote (") opens a value that is not closed on this line'
        : 'this line cannot be read as CSV (check its quotes)',
  };
}

/** Too many or too few values for the header; extra values that are empty (Excel's trailing separators) are fine. */
function fieldCountProblem(fields: string[], expected: number, delimiter: (typeof DELIMITERS)[number]): string | null {
  const used = fields.length > expected && fields.slice(expected).every((f) => f.trim() === '') ? expected : fields.length;
  if (used === expected) return null;
  const separator = DELIMITER_WORDS[delimiter];
  return used > expected
    ? `${used} values where the header has ${expected} columns (a value with a ${separator} in it needs quotes around it)`
    : `${used} values where the header has ${expected} columns (check for a missing ${separator})`;
}

/** The site's spelling of a unit, matched without regard to case. */
function unitLookup(units: ReadonlySet<string>): (unit: string) => string | null {
  const byKey = new Map([...units].map((unit) => [unit.trim().toLowerCase(), unit]));
  return (unit) => byKey.get(unit.trim().toLowerCase()) ?? null;
}

/** An earlier row with this PIN that would land on a same door (same unit, or either goes on every chosen door). */
function clashOf(seen: Map<string, Array<{ unit: string | null; line: number }>>, pin: string, unit: string | null) {
  return seen.get(pin)?.find((earlier) => earlier.unit === null || unit === null || earlier.unit === unit);
}
