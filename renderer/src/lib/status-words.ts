import type { AccessCode } from '../../../shared/domain/access-code';
import type { Verdict } from '../../../shared/domain/capability';
import type { SiteState } from '../../../shared/domain/site';
import { wordsForIssue } from './error-words';
import type { Words } from './error-words';

/** How a status looks: a tone for colour and icon, always with words (never colour alone). */
export type Tone = 'ok' | 'pending' | 'warn' | 'fail' | 'idle';

/** A code's status as shown in its row: the Seam status in words, plus the first error or warning, if any. */
export interface CodeStatusView {
  tone: Tone;
  label: string;
  issue: (Words & { code: string; message: string }) | null;
}

/** Words for a code's state on its lock, in the Seam lifecycle (unset → setting → set → removing). */
export function codeStatusView(code: AccessCode): CodeStatusView {
  const error = code.errors[0];
  if (error) {
    return { tone: 'fail', label: 'Problem', issue: { ...wordsForIssue(error), code: error.error_code, message: error.message } };
  }
  const warning = code.warnings[0];
  const issue = warning ? { ...wordsForIssue(warning), code: warning.error_code, message: warning.message } : null;
  if (code.is_removed) return { tone: 'idle', label: 'Removed from lock', issue: null };
  switch (code.status) {
    case 'set':
      return { tone: 'ok', label: 'Set – confirmed by the lock', issue };
    case 'setting':
      return { tone: warning ? 'warn' : 'pending', label: 'Setting – waiting for the lock', issue };
    case 'removing':
      return { tone: warning ? 'warn' : 'pending', label: 'Removing – waiting for the lock', issue };
    case 'unset':
      return {
        tone: 'idle',
        label: code.type === 'time_bound' ? 'Not active yet – waits for its start' : 'Not on the lock yet',
        issue,
      };
  }
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

/** An instant shown in the site's time zone, e.g. "12 Mar 2025, 15:00". */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
