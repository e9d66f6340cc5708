import type { BulkCodeInput, BulkCounts, BulkPreview, BulkPreviewLine, BulkRunView, BulkVerdict } from '../../../shared/domain/bulk';
import type { Tone } from './status-words';

/**
 * Bulk codes in words: the preview's verdicts, who switches a time-bound code, the totals, the run's progress and ETA,
 * and where each door of a run stands.
 */

/** "1 code", "3 codes". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A preview verdict: a short label and its tone (always shown with words, never colour alone). */
export const verdictWords: Record<BulkVerdict, { label: string; tone: Tone }> = {
  ready: { label: 'Ready', tone: 'ok' },
  refused: { label: 'The lock will not take it', tone: 'fail' },
  duplicate: { label: 'PIN already on this lock', tone: 'fail' },
  already_there: { label: 'Already on this door', tone: 'idle' },
  no_room: { label: 'No free place', tone: 'fail' },
  needs_confirmation: { label: 'Needs your OK', tone: 'warn' },
};

/** Who switches a time-bound code on and off. */
export const scheduledByWords: Record<NonNullable<BulkPreviewLine['scheduled_by']>, string> = {
  lock: 'the lock switches it on and off itself',
  lockbench: 'Lockbench switches it on and off: this laptop must reach the lock at the start and the end',
  cloud: 'the cloud switches it on and off',
};

/** "24 Dec 2026 15:00", from a wall time at the property as typed. */
export function localWords(at: { date: string; time: string }): string {
  const [year, month, day] = at.date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year} ${at.time}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "ongoing", or "from 24 Dec 2026 15:00 to 27 Dec 2026 11:00" (times at the property). */
export function windowWords(window: BulkCodeInput['window']): string {
  return window ? `from ${localWords(window.starts)} to ${localWords(window.ends)}` : 'ongoing';
}

/** "12 codes ready on 4 doors, 3 not" (the preview's totals). */
export function previewTotalsWords(preview: Pick<BulkPreview, 'doors' | 'totals'>): string {
  const doors = preview.doors.filter((door) => door.lines.some((line) => line.verdict === 'ready')).length;
  const ready = `${count(preview.totals.ready, 'code')} ready on ${count(doors, 'door')}`;
  return preview.totals.not_ready > 0 ? `${ready}, ${preview.totals.not_ready} not` : ready;
}

/**
 * Time left in words: "less than a minute left", "about 2 min left", "about 1 h 20 min left"; said to be an estimate
 * until the first codes of the run are done. Empty when nothing is known.
 */
export function etaWords(seconds: number | null, basis: BulkRunView['eta_basis']): string {
  if (seconds === null) return '';
  const minutes = Math.ceil(seconds / 60);
  const left =
    seconds < 60 ? 'less than a minute left' : minutes < 60 ? `about ${minutes} min left` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
  return basis === 'estimated' ? `${left} (an estimate from typical lock speeds, until the first codes are done)` : left;
}

/** "Done 12 of 48", with the codes loaded later by their schedule and the failed ones when there are any. */
export function runCountWords(totals: BulkCounts): string {
  const parts = [`Done ${totals.done} of ${totals.total}`];
  if (totals.later > 0) parts.push(`${totals.later} set later by their schedule`);
  if (totals.failed > 0) parts.push(`${totals.failed} failed`);
  if (totals.cancelled > 0) parts.push(`${totals.cancelled} cancelled`);
  return parts.join(', ');
}

/** Where one door of a run stands, in words and a tone. */
export function doorRunState(counts: BulkCounts, phase: BulkRunView['phase']): { label: string; tone: Tone } {
  const open = counts.waiting + counts.running;
  if (counts.running > 0) return { label: 'Setting codes', tone: 'pending' };
  if (open > 0) return phase === 'paused' ? { label: 'Paused', tone: 'idle' } : { label: 'Waiting for the lock', tone: 'pending' };
  if (counts.failed > 0) return { label: `${counts.failed} failed`, tone: 'fail' };
  if (counts.cancelled > 0 && counts.done + counts.later === 0) return { label: 'Cancelled', tone: 'idle' };
  return { label: 'Done', tone: 'ok' };
}

/** The run's phase as a heading. */
export const phaseWords: Record<BulkRunView['phase'], string> = {
  running: 'Setting the codes',
  paused: 'Paused',
  cancelled: 'Cancelled',
  finished: 'Finished',
};

/** The one-line hint beside the CSV file input. */
export const CSV_HINT = 'Columns: unit, name, pin (or “generate”), kind (ongoing or time-bound), starts, ends (like 2026-12-24 15:00). A header row is needed.';
