import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../shared/codes/csv-text';
import { isCodedError } from '../../../shared/result';
import { MAX_ROWS, readCodesCsv } from './csv-import';

const site = { units: new Set(['1.01', '1.02', '1.03', 'Flat 12']) };

function unreadable(text: string): { code: string; message: string; details?: unknown } {
  try {
    readCodesCsv(text, site);
  } catch (error) {
    if (isCodedError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('the file was read');
}

describe('readCodesCsv', () => {
  it('keeps the good rows and refuses each bad row with its line and reason', () => {
    const text = [
      'unit,name,pin,kind,starts,ends', // 1
      '1.01,Anna Berg,4821,ongoing,,', // 2 good
      '1.02,Ben,12ab,ongoing,,', // 3 letters in the PIN
      '9.99,Cleaner,5930,,,', // 4 unknown unit
      '1.03,Guest,7301,time-bound,24/12/2026 15:00,2026-12-27 11:00', // 5 bad date
      '1.03,Guest 2,7302,guest,2026-12-27 11:00,2026-12-24 15:00', // 6 ends before starts
      '1.02,"Open quote,6402,,,', // 7 unbalanced quote
      '1.02,Carl,6403,,,,extra', // 8 too many columns
      '', // 9 empty: skipped silently
      '1.01,Anna again,4821,,,', // 10 same unit + PIN as line 2
      '1.03,Dora,generate,time_bound,2026-12-24 15:00,2026-12-27 11:00', // 11 good, generated
      ',Master,,permanent,,', // 12 good: every door, generated
      '1.02,Eve,8812,ongoing,2026-12-24 15:00,', // 13 ongoing with a date
    ].join('\n');
    const read = readCodesCsv(text, site);

    expect(read.codes).toEqual([
      { name: 'Anna Berg', pin: '4821', unit: '1.01', window: null },
      { name: 'Dora', pin: null, unit: '1.03', window: { starts: { date: '2026-12-24', time: '15:00' }, ends: { date: '2026-12-27', time: '11:00' } } },
      { name: 'Master', pin: null, unit: null, window: null },
    ]);
    expect(read.lines).toEqual([2, 11, 12]);
    expect(read.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 13]);
    const reason = (line: number) => read.problems.find((p) => p.line === line)?.reason;
    expect(reason(3)).toBe('the PIN has letters: keypads take digits only');
    expect(reason(4)).toBe('no door of unit “9.99” at this site');
    expect(reason(5)).toBe('the start “24/12/2026 15:00” is not a date and time like 2026-12-24 15:00');
    expect(reason(6)).toBe('the end is not after the start');
    expect(reason(7)).toContain('quote');
    expect(reason(8)).toBe('7 values where the header has 6 columns (a value with a comma in it needs quotes around it)');
    expect(reason(10)).toBe('the same PIN as line 2 on the same doors: a PIN can be on a lock only once');
    expect(reason(13)).toContain('an ongoing code has no start or end');
  });

  it('never shows the PIN in a reason', () => {
    const read = readCodesCsv('unit,pin\n1.01,98x7\n1.01,9876543210123\n', site);
    expect(read.problems.map((p) => p.reason)).toEqual(['the PIN has letters: keypads take digits only', 'the PIN is longer than 12 characters']);
    expect(JSON.stringify(read.problems)).not.toMatch(/98/);
  });

  it('reads a semicolon file with a BOM and CRLF line ends', () => {
    const read = readCodesCsv('\ufeffUnit;Name;PIN\r\n1.01;Anna;4821\r\n\r\n1.02;"Berg; Ben";5930\r\n', site);
    expect(read.codes.map((c) => [c.unit, c.name, c.pin])).toEqual([
      ['1.01', 'Anna', '4821'],
      ['1.02', 'Berg; Ben', '5930'],
    ]);
    expect(read.lines).toEqual([2, 4]);
    expect(read.problems).toEqual([]);
  });

  it('reads tab-separated files and old Mac CR line ends', () => {
    expect(readCodesCsv('unit\tpin\r1.01\t4821\r1.02\t5930', site).lines).toEqual([2, 3]);
  });

  it('reads "Müller" from a file Excel saved in windows-1252', () => {
    // "unit;name;pin\r\n1.01;Müller;4821" with ü as the single byte FC.
    const bytes = Uint8Array.from([...'unit;name;pin\r\n1.01;M'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'ller;4821'].map((c) => c.charCodeAt(0))));
    expect(readCodesCsv(decodeCsvBytes(bytes), site).codes[0]?.name).toBe('Müller');
  });

  it('keeps formula-looking names as plain text', () => {
    const read = readCodesCsv('name,pin\n=HYPERLINK("http://x.test"),4821\n+44 cleaner,5930\n@SUM(A1),6402\n-1 basement,7301\n', site);
    expect(read.codes.map((c) => c.name)).toEqual(['=HYPERLINK("http://x.test")', '+44 cleaner', '@SUM(A1)', '-1 basement']);
  });

  it('matches header synonyms without regard to case, and ignores other columns', () => {
    const text = 'Flat,Resident,Code,Type,Valid From,Until,Notes\nflat 12,Ann,4821,Temporary,2026-12-24 9:30,2026-12-24T18:00,ring twice\n';
    const read = readCodesCsv(text, site);
    expect(read.codes).toEqual([
      { name: 'Ann', pin: '4821', unit: 'Flat 12', window: { starts: { date: '2026-12-24', time: '09:30' }, ends: { date: '2026-12-24', time: '18:00' } } },
    ]);
    expect(readCodesCsv('Apartment,Label,pin\n1.01,x,1234\n', site).codes).toHaveLength(1);
  });

  it('refuses the file when it has no PIN column, or is no CSV at all', () => {
    expect(unreadable('unit,name\n1.01,Anna\n')).toMatchObject({ code: 'csv.unreadable', details: { missing: 'pin' } });
    expect(unreadable('unit,name\n1.01,Anna\n').message).toContain('no PIN column');
    expect(unreadable('1.01,Anna,4821\n').message).toContain('not a header row');
    expect(unreadable('pin,code\n1,2').message).toContain('twice');
    expect(unreadable('\n\n').message).toContain('empty');
    expect(unreadable('PK\u0003\u0004 workbook').message).toContain('Excel workbook');
  });

  it('refuses a row with fewer values than the header, and accepts Excel’s empty trailing ones', () => {
    const read = readCodesCsv('unit,name,pin\n1.01,Anna\n1.02,Ben,5930,,\n,,\n', site);
    expect(read.problems).toEqual([{ line: 2, reason: '2 values where the header has 3 columns (check for a missing comma)' }]);
    expect(read.lines).toEqual([3]);
  });

  it('says when a kind is unknown or a time-bound code lacks its end', () => {
    const read = readCodesCsv('pin,kind,starts,ends\n1234,weekly,,\n2345,time-bound,2026-12-24 15:00,\n3456,,2026-02-30 10:00,2026-03-01 10:00\n', site);
    expect(read.problems.map((p) => p.reason)).toEqual([
      'the kind “weekly” is neither ongoing nor time-bound',
      'a time-bound code needs its end, like 2026-12-24 15:00',
      'the start “2026-02-30 10:00” is not a date and time like 2026-12-24 15:00',
    ]);
  });

  it('lets the same PIN go to different units, but not to a unit and to every door', () => {
    const read = readCodesCsv('unit,pin\n1.01,4821\n1.02,4821\n,4821\n', site);
    expect(read.lines).toEqual([2, 3]);
    expect(read.problems).toEqual([{ line: 4, reason: 'the same PIN as line 2 on the same doors: a PIN can be on a lock only once' }]);
  });

  it(`reads at most ${MAX_ROWS} rows and says the rest were left out`, () => {
    const rows = Array.from({ length: MAX_ROWS + 3 }, () => ',generate');
    const read = readCodesCsv(['name,pin', ...rows].join('\n'), site);
    expect(read.codes).toHaveLength(MAX_ROWS);
    expect(read.problems).toEqual([{ line: MAX_ROWS + 2, reason: `not read: one file takes at most ${MAX_ROWS} codes (this row and 2 more after it were left out)` }]);
  });
});
