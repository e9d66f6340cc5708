import type { AccessCode, CodeProof } from '../../../shared/domain/access-code';
import type { Verdict } from '../../../shared/domain/capability';
import type { SiteState } from '../../../shared/domain/site';
import { PRELOAD_HOURS } from '../../../shared/time';
import { wordsForIssue } from './error-words';
import type { Words } from './error-words';
import { formatSiteMoment, formatSiteNear } from './site-time';

/** How a status looks: a tone for colour and icon, always with words (never colour alone). */
export type Tone = 'ok' | 'pending' | 'warn' | 'fail' | 'idle';

/** A Seam error or warning on a code, in words, with its Seam name kept for a small tag beside them. */
export type CodeIssueView = Words & { code: string; message: string };

/**
 * A code's status as shown everywhere: the words say only what the lock has proved and when (`verified_at`, the
 * code's events), never what Lockbench merely expects.
 *
 *   set, read back 14:02                        → "Set – read back by the lock 14:02"
 *   native, loaded 14:02, after its start        → "Set – loaded and read back 14:02; switched on by the lock's own schedule at 15:00"
 *   native, loaded, before its start             → "Loaded and read back 14:02 – the lock switches it on at 15:00 Sat 14 Mar"
 *   Lockbench schedules it, before its start     → "Not on the lock yet – Lockbench puts it on at 15:00 Sat 14 Mar"
 */
export interface CodeStatusView {
  tone: Tone;
  label: string;
  /** The lock has proved it holds (or held) this code: drawn solid. Never proved: drawn outlined. */
  isConfirmed: boolean;
  /** When and how the lock last confirmed it: "Last confirmed by the lock: read back 14:02", or that it never did. */
  proof: string;
  /** The label already says when the lock confirmed it ("Set – read back by the lock 14:02"): `proof` need not be shown again. */
  labelHasProof: boolean;
  issue: CodeIssueView | null;
}

/** How the lock proved it, in full ("Set – read back by the lock 14:02") and after "loaded and …". */
const PROOF_WORDS: Record<CodeProof | 'unknown', { full: string; short: string }> = {
  read_back: { full: 'read back by the lock', short: 'read back' },
  checksum: { full: 'confirmed by the lock’s checksum of all its codes', short: 'confirmed by the lock’s checksum' },
  slot_status: { full: 'the lock reports its slot in use (it hides PINs)', short: 'seen in its slot (the lock hides PINs)' },
  list: { full: 'listed by the lock', short: 'listed by the lock' },
  unknown: { full: 'confirmed by the lock', short: 'confirmed by the lock' },
};

const has = (code: AccessCode, type: AccessCode['events'][number]['event_type']) => code.events.some((e) => e.event_type === type);
const eventAt = (code: AccessCode, type: AccessCode['events'][number]['event_type']) =>
  [...code.events].reverse().find((e) => e.event_type === type)?.occurred_at ?? null;

/** "read back by the lock 14:02" ("read back 14:02" short), or null while the lock never proved it holds the code. */
export function proofWords(
  code: Pick<AccessCode, 'verified_at' | 'verified_by'>,
  zone: string,
  now: Date,
  style: 'full' | 'short' = 'full',
): string | null {
  if (!code.verified_at) return null;
  return `${PROOF_WORDS[code.verified_by ?? 'unknown'][style]} ${formatSiteNear(code.verified_at, zone, now)}`;
}

function issueOf(issue: AccessCode['errors'][number] | undefined): CodeIssueView | null {
  return issue ? { ...wordsForIssue(issue), code: issue.error_code, message: issue.message } : null;
}

/** Words for a code's state on its lock, in the Seam lifecycle (unset → setting → set → removing), with its proof. */
export function codeStatusView(code: AccessCode, zone: string, now: Date): CodeStatusView {
  const proved = proofWords(code, zone, now);
  const isConfirmed = proved !== null;
  const proof = proved ? `Last confirmed by the lock: ${proved}` : 'Never confirmed by the lock';
  const near = (iso: string) => formatSiteNear(iso, zone, now);
  const error = issueOf(code.errors[0]);
  if (error) return { tone: 'fail', label: 'Problem', isConfirmed, proof, labelHasProof: false, issue: error };
  const issue = issueOf(code.warnings[0]);
  const view = (tone: Tone, label: string, labelHasProof = false): CodeStatusView => ({
    tone: issue && tone !== 'ok' ? 'warn' : tone,
    label,
    isConfirmed,
    proof,
    labelHasProof,
    issue,
  });

  if (code.is_removed) {
    const removedAt = eventAt(code, 'access_code.removed_from_device');
    if (removedAt) return view('idle', `Removed from the lock ${near(removedAt)}`);
    return view('idle', isConfirmed ? 'Removed' : 'Withdrawn – it never reached the lock');
  }
  const starts = code.starts_at ? Date.parse(code.starts_at) : null;
  const hasStarted = starts === null || starts <= now.getTime();
  const wasPreloaded = has(code, 'access_code.scheduled_on_device');
  switch (code.status) {
    case 'set': {
      if (!proved) return view('ok', 'Set – no time of the lock’s confirmation is recorded');
      const verifiedBeforeStart = code.starts_at && code.verified_at && Date.parse(code.verified_at) <= Date.parse(code.starts_at);
      if (code.scheduled_by === 'lock' && wasPreloaded && verifiedBeforeStart && code.starts_at) {
        const loaded = proofWords(code, zone, now, 'short');
        return view('ok', `Set – loaded and ${loaded}; switched on by the lock’s own schedule at ${near(code.starts_at)}`, true);
      }
      return view('ok', `Set – ${proved}`, true);
    }
    case 'setting':
      if (code.scheduled_by === 'lockbench' && hasStarted) return view('pending', 'Setting – Lockbench is putting it on the lock');
      return view('pending', 'Setting – waiting for the lock to confirm');
    case 'removing':
      if (code.ends_at && Date.parse(code.ends_at) <= now.getTime()) return view('pending', 'Removing – its end has passed; waiting for the lock to confirm');
      return view('pending', 'Removing – waiting for the lock to confirm');
    case 'unset': {
      const label = unsetLabel(code, zone, now, proofWords(code, zone, now, 'short'), wasPreloaded);
      return view('idle', label, label.startsWith('Loaded and'));
    }
  }
}

function unsetLabel(code: AccessCode, zone: string, now: Date, loaded: string | null, wasPreloaded: boolean): string {
  if (code.type !== 'time_bound' || !code.starts_at) return 'Not on the lock yet';
  if (code.ends_at && Date.parse(code.ends_at) <= now.getTime()) return 'Ended';
  const start = formatSiteMoment(code.starts_at, zone);
  if (code.scheduled_by === 'lock') {
    if (wasPreloaded && loaded) return `Loaded and ${loaded} – the lock switches it on at ${start}`;
    return `Not on the lock yet – loaded up to ${PRELOAD_HOURS} hours before ${start}`;
  }
  if (code.scheduled_by === 'lockbench') return `Not on the lock yet – Lockbench puts it on at ${start}`;
  if (code.scheduled_by === 'cloud') return `Not on the lock yet – the cloud adds it at ${start}`;
  return `Not active yet – starts at ${start}`;
}

/**
 * Who switches a time-bound code on and off, in words, or null for an ongoing code. A code Lockbench schedules says
 * the laptop must reach the lock then: nobody else will do it. A code the cloud schedules says the cloud does it.
 */
export function scheduledByWords(code: Pick<AccessCode, 'scheduled_by' | 'starts_at' | 'ends_at'>, zone: string): string | null {
  const start = code.starts_at ? formatSiteMoment(code.starts_at, zone) : 'its start';
  const end = code.ends_at ? formatSiteMoment(code.ends_at, zone) : 'its end';
  switch (code.scheduled_by) {
    case 'lock':
      return 'Switched on and off by the lock’s own schedule';
    case 'lockbench':
      return `Lockbench puts it on at ${start} and takes it off at ${end} – this laptop must reach the lock then`;
    case 'cloud':
      return code.starts_at || code.ends_at
        ? `The cloud adds it at ${start} and removes it at ${end}`
        : 'The cloud adds it at its start and removes it at its end';
    case null:
      return null;
  }
}

/** After a capability check: codes on the lock that Lockbench did not create, in words (null: slots not read now). */
export function codesFromElsewhereWords(count: number | null): { count: number | null; text: string } {
  if (count === null) return { count, text: 'Codes from elsewhere: unknown – the lock’s slots could not be read now' };
  if (count === 0) return { count, text: 'No codes from elsewhere found' };
  return { count, text: `${count} code${count === 1 ? '' : 's'} from elsewhere: see below` };
}

/** The site header's warning for a door holding guest PINs past their end: "1 guest PIN past its end is still on Back door: connect to remove it". */
export function pastEndWords(entry: { doorName: string; count: number }): string {
  const one = entry.count === 1;
  return one
    ? `1 guest PIN past its end is still on ${entry.doorName}: connect to remove it`
    : `${entry.count} guest PINs past their end are still on ${entry.doorName}: connect to remove them`;
}

/** Words for a site's connection state. */
export const siteStateWords: Record<SiteState, { tone: Tone; label: string }> = {
  ready: { tone: 'ok', label: 'Ready' },
  connecting: { tone: 'pending', label: 'Connecting…' },
  disconnected: { tone: 'idle', label: 'Not connected' },
  failed: { tone: 'fail', label: 'Connection failed' },
};

/** Words for a capability verdict. */
export const verdictWords: Record<Verdict, { tone: Tone; label: string }> = {
  pass: { tone: 'ok', label: 'Pass' },
  warn: { tone: 'warn', label: 'Check' },
  fail: { tone: 'fail', label: 'Fail' },
};
