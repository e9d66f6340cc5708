import type { AccessCode, AccessCodeStatus } from '../../../shared/domain/access-code';
import { formatSiteMoment, addDays, siteDayStartMs, siteLocalAt } from './site-time';

/**
 * A door's codes over the coming weeks, as positions in percent of the shown range (site days, DST included:
 * a 23- or 25-hour day is narrower or wider). Pure: the component only draws it.
 *
 *   |Mon 9|Tue 10|…                                    |
 *   ▲ today marker
 *   ████████████████████████████████████████████████▶   ongoing (open-ended)
 *          ██████████                                  time-bound window
 */

/** One labelled day column. */
export interface TimelineDay {
  date: string;
  /** "Mon 9" */
  label: string;
  /** "Mon" and "9", for a two-line label in a narrow column. */
  weekday: string;
  dayOfMonth: string;
  /** "Mon 9 Mar" */
  title: string;
  startPct: number;
  widthPct: number;
  isWeekend: boolean;
}

/**
 * What the lock has proved about a code, as the bar draws it (the legend says it in words):
 * `confirmed` on the lock and usable; `loaded` on the lock, switched on by it at its start; `unconfirmed` never
 * confirmed by the lock (hatched: it may not open the door); `problem` an error sits on it.
 */
export type TimelineProof = 'confirmed' | 'loaded' | 'unconfirmed' | 'problem';

/** The legend's words for each kind of bar. */
export const timelineProofWords: Record<TimelineProof, string> = {
  confirmed: 'On the lock, confirmed by it',
  loaded: 'Loaded on the lock, switched on at its start',
  unconfirmed: 'Not confirmed on the lock (yet)',
  problem: 'Problem: see the code’s row',
};

/** One code's bar. `opensLeft`/`opensRight`: the code goes on beyond the shown range (drawn as an open end). */
export interface TimelineBar {
  id: string;
  name: string;
  status: AccessCodeStatus;
  proof: TimelineProof;
  type: AccessCode['type'];
  startPct: number;
  endPct: number;
  opensLeft: boolean;
  opensRight: boolean;
  /** Falls outside the shown range (still listed, with its words). */
  isOutside: boolean;
  /** What the bar says, for its title and for screen readers. */
  text: string;
}

function proofOf(code: AccessCode, now: Date): TimelineProof {
  if (code.errors.length > 0) return 'problem';
  if (!code.verified_at) return 'unconfirmed';
  const started = !code.starts_at || Date.parse(code.starts_at) <= now.getTime();
  return code.status === 'unset' && !started ? 'loaded' : 'confirmed';
}

/** The whole picture. */
export interface Timeline {
  days: TimelineDay[];
  todayPct: number;
  bars: TimelineBar[];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayWords(date: string): Pick<TimelineDay, 'label' | 'weekday' | 'dayOfMonth' | 'title' | 'isWeekend'> {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const label = `${WEEKDAYS[weekday]} ${d}`;
  return { label, weekday: WEEKDAYS[weekday]!, dayOfMonth: String(d), title: `${label} ${MONTHS[m - 1]}`, isWeekend: weekday === 0 || weekday === 6 };
}

/** Lays out the active codes of a door over `days` site days from today (default three weeks). */
export function buildTimeline(codes: readonly AccessCode[], zone: string, now: Date, days = 21): Timeline {
  const today = siteLocalAt(now, zone).date;
  const bounds = Array.from({ length: days + 1 }, (_, i) => siteDayStartMs(addDays(today, i), zone));
  const from = bounds[0]!;
  const to = bounds[days]!;
  const pct = (ms: number) => Math.min(100, Math.max(0, ((ms - from) / (to - from)) * 100));

  const dayList = bounds.slice(0, days).map((start, i) => {
    const date = addDays(today, i);
    return { date, ...dayWords(date), startPct: pct(start), widthPct: pct(bounds[i + 1]!) - pct(start) };
  });

  const bars = codes
    .filter((code) => !code.is_removed)
    .map((code): TimelineBar => {
      const name = code.name ?? 'Unnamed code';
      const start = code.starts_at ? Date.parse(code.starts_at) : -Infinity;
      const end = code.ends_at ? Date.parse(code.ends_at) : Infinity;
      const when =
        code.type === 'ongoing'
          ? 'ongoing, no end'
          : `${code.starts_at ? formatSiteMoment(code.starts_at, zone) : 'now'} to ${code.ends_at ? formatSiteMoment(code.ends_at, zone) : 'no end'}`;
      const proof = proofOf(code, now);
      return {
        id: code.access_code_id,
        name,
        status: code.status,
        proof,
        type: code.type,
        startPct: pct(start),
        endPct: pct(end),
        opensLeft: start < from,
        opensRight: end > to,
        isOutside: end <= from || start >= to,
        text: `${name}: ${when}. ${timelineProofWords[proof]}.`,
      };
    })
    .sort((a, b) => a.startPct - b.startPct || a.name.localeCompare(b.name));

  return { days: dayList, todayPct: pct(now.getTime()), bars };
}
