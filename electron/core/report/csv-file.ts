import Papa from 'papaparse';

/** A CSV cell before writing: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/**
 * Cells a spreadsheet would read as a formula (=, +, -, @, tab, CR first) get a leading apostrophe, so a code named
 * "=HYPERLINK(…)" stays text. A plain negative number ("-1", a floor below ground) is not a formula and is kept as is.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

/**
 * Writes rows as the CSV files Lockbench gives out: comma-separated, CRLF line ends, a UTF-8 byte-order mark so Excel
 * reads names with accents right, formula-like cells neutralised, columns in the given (stable) order.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Partial<Record<C, CsvCell>>>): string {
  const data = rows.map((row) => columns.map((c) => row[c] ?? ''));
  const text = Papa.unparse({ fields: [...columns], data }, { escapeFormulae: FORMULA_START, newline: '\r\n', delimiter: ',' });
  return `\uFEFF${text}${text.endsWith('\r\n') ? '' : '\r\n'}`; // every line ends with CRLF, also the header alone
}
