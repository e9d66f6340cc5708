import type { BulkCodeInput, CsvImport } from '../../../../shared/domain/bulk';
import { codeNameSchema } from '../../../../shared/domain/pin-input';
import { decodeCsvBytes } from '../../../../shared/codes/csv-text';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** The three ways to say which codes go on the chosen doors. */
export type BulkCodesMode = 'one' | 'staff' | 'csv';

/**
 * One code as typed in the wizard (a master code, or one row of staff codes). Times are wall times at the property.
 * A class with its own state, so the fields that edit it can bind to it directly.
 */
export class CodeDraft {
  name = $state('');
  pin = $state('');
  /** Lockbench picks the PIN in the preview, one that fits every door it goes on. */
  generate = $state(false);
  kind = $state<'ongoing' | 'time_bound'>('ongoing');
  startDate = $state('');
  startTime = $state('');
  endDate = $state('');
  endTime = $state('');

  /** `key` is stable per row (ids of its fields, keyed lists). */
  constructor(readonly key: number) {}
}

/** A row of staff codes at most: more is a job for a CSV file. */
export const MAX_STAFF_ROWS = 50;
/** The contract's limit on one CSV's text. */
const MAX_CSV_CHARS = 2_000_000;

/**
 * The codes step of bulk codes: one code for every chosen door, a set of staff codes, or the rows of a CSV file (read
 * by main, which keeps the good rows and refuses each bad one with its line and reason). Each way keeps what was typed
 * or read while the installer switches between them, goes back and forth, or a request fails.
 */
export class BulkCodes {
  mode = $state<BulkCodesMode>('one');
  readonly one = new CodeDraft(0);
  staff = $state<CodeDraft[]>([new CodeDraft(1)]);
  /** The file read last and what main made of it (kept when a later file fails). */
  csv = $state<{ fileName: string; read: CsvImport } | null>(null);
  isReadingCsv = $state(false);
  csvError = $state<{ fileName: string; error: AppError } | null>(null);
  #nextKey = 2;

  /** Per draft key, what is wrong with it in words (empty when it can go in the plan). */
  readonly problems: Readonly<Record<number, string[]>> = $derived(this.#problems());
  /** The plan's codes in the chosen way; null while something must still be fixed. */
  readonly codes: BulkCodeInput[] | null = $derived(this.#codes());
  readonly canAdvance = $derived(this.codes !== null && this.codes.length > 0);
  /** Why the installer cannot go on yet, in one line; null when they can. */
  readonly blocker = $derived(this.#blocker());

  constructor(
    private readonly bridge: RendererBridge,
    private readonly siteId: string,
  ) {}

  /** Adds an empty row of staff codes and returns its key (its name field takes the focus). */
  addStaffRow(): number | null {
    if (this.staff.length >= MAX_STAFF_ROWS) return null;
    const draft = new CodeDraft(this.#nextKey++);
    this.staff = [...this.staff, draft];
    return draft.key;
  }

  /** Removes a row of staff codes (the last row stays: a set has at least one). */
  removeStaffRow(key: number): void {
    if (this.staff.length > 1) this.staff = this.staff.filter((draft) => draft.key !== key);
  }

  /** Reads a picked file: its bytes as text (UTF-8 or Excel's windows-1252), then main checks every row. */
  async importFile(fileName: string, bytes: Uint8Array): Promise<boolean> {
    if (this.isReadingCsv) return false;
    const text = decodeCsvBytes(bytes);
    this.csvError = null;
    if (text.length > MAX_CSV_CHARS) {
      this.csvError = { fileName, error: { code: 'csv.unreadable', message: 'The file is larger than 2 MB: split it into smaller files.' } };
      return false;
    }
    this.isReadingCsv = true;
    const result = await this.bridge.request('bulk.importCsv', { siteId: this.siteId, text });
    this.isReadingCsv = false;
    if (!result.ok) {
      this.csvError = { fileName, error: result.error };
      return false;
    }
    this.csv = { fileName, read: result.value };
    return true;
  }

  #problems(): Record<number, string[]> {
    const drafts = this.mode === 'one' ? [this.one] : this.mode === 'staff' ? this.staff : [];
    const entries = drafts.map((draft, index) => {
      const own = draftProblems(draft);
      const twin = draft.generate ? -1 : drafts.findIndex((other, j) => j < index && !other.generate && other.pin.trim() === draft.pin.trim());
      if (twin >= 0 && draft.pin.trim() !== '') own.push(`Same PIN as code ${twin + 1}: a PIN can be on a lock only once.`);
      return [draft.key, own] as const;
    });
    return Object.fromEntries(entries);
  }

  #codes(): BulkCodeInput[] | null {
    if (this.mode === 'csv') return this.csv?.read.codes ?? null;
    const drafts = this.mode === 'one' ? [this.one] : this.staff;
    if (drafts.some((draft) => (this.problems[draft.key] ?? []).length > 0)) return null;
    return drafts.map(toCodeInput);
  }

  #blocker(): string | null {
    if (this.mode === 'csv') {
      if (!this.csv) return 'Pick a CSV file of codes.';
      return this.csv.read.codes.length === 0 ? 'No row of this file can be used: fix the rows listed and pick it again.' : null;
    }
    return this.codes === null ? 'Fix what is marked on the codes first.' : null;
  }
}

/** What is wrong with one typed code, in words (the lock's own rules are checked in the preview). */
export function draftProblems(draft: CodeDraft): string[] {
  const problems: string[] = [];
  const name = codeNameSchema.safeParse(draft.name);
  if (!name.success) problems.push(capitalise(`the ${name.error.issues[0]?.message ?? 'name is not valid'}.`));
  const pin = draft.pin.trim();
  if (!draft.generate) {
    if (pin === '') problems.push('Type a PIN, or let Lockbench generate one.');
    else if (!/^\d+$/.test(pin)) problems.push('A PIN has digits only: keypads take nothing else.');
    else if (pin.length > 12) problems.push('A PIN has at most 12 digits.');
  }
  if (draft.kind === 'time_bound') {
    const starts = wallTime(draft.startDate, draft.startTime);
    const ends = wallTime(draft.endDate, draft.endTime);
    if (!starts) problems.push('Give the start: a date and a time.');
    if (!ends) problems.push('Give the end: a date and a time.');
    if (starts && ends && ends <= starts) problems.push('The end must be after the start.');
  }
  return problems;
}

/** The plan's code for a typed one (no unit: it goes on every chosen door). */
export function toCodeInput(draft: CodeDraft): BulkCodeInput {
  const name = draft.name.trim();
  return {
    name: name === '' ? null : name,
    pin: draft.generate ? null : draft.pin.trim(),
    unit: null,
    window:
      draft.kind === 'time_bound'
        ? { starts: { date: draft.startDate, time: draft.startTime.slice(0, 5) }, ends: { date: draft.endDate, time: draft.endTime.slice(0, 5) } }
        : null,
  };
}

/** "2026-12-24 15:00" when both parts look right (sorts like time), else null. */
function wallTime(date: string, time: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}/.test(time) ? `${date} ${time.slice(0, 5)}` : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
