import type { AccessCode } from '../../../shared/domain/access-code';
import { PRELOAD_HOURS } from '../../../shared/time';
import { formatSiteMoment } from './site-time';

/**
 * What will happen to a time-bound code, in words for the installer, in the site's time:
 *
 *   native scheduling   loaded ≤ 72 h before start ── unset ── start: set ── end: cleared
 *   no native schedule  the cloud adds it at start and removes it at end once this laptop has synced
 */

const HOUR_MS = 3_600_000;

/** The summary step's words: a heading, the sentences, and whether the installer must confirm the cloud does it. */
export interface ScheduleSummary {
  heading: string;
  lines: string[];
  needsCloudConfirmation: boolean;
}

/** Input of {@link describeSchedule}: the window as instants, the lock's ability, the site zone and now. */
export interface ScheduleFacts {
  startsAt: string;
  endsAt: string;
  nativeScheduling: boolean;
  zone: string;
  now: Date;
  doorName: string;
}

/** The summary of a time-bound code before it is saved. */
export function describeSchedule(facts: ScheduleFacts): ScheduleSummary {
  const at = (iso: string | Date) => formatSiteMoment(iso, facts.zone);
  const start = Date.parse(facts.startsAt);
  const startsNow = start <= facts.now.getTime();
  if (facts.nativeScheduling) {
    const preload = start - PRELOAD_HOURS * HOUR_MS;
    const loaded =
      preload <= facts.now.getTime()
        ? `Loaded into ${facts.doorName}'s lock now (the start is less than ${PRELOAD_HOURS} hours away), with its own schedule.`
        : `Loaded into the lock up to ${PRELOAD_HOURS} hours before the start (from ${at(new Date(preload))}), with its own schedule.`;
    return {
      heading: 'The lock switches this code on and off by itself',
      lines: [
        loaded,
        startsNow ? 'Shows “set” as soon as the lock confirms it.' : `Shows “unset” until ${at(facts.startsAt)}, then “set”.`,
        `Cleared after the end (${at(facts.endsAt)}); the lock stops accepting it by itself.`,
      ],
      needsCloudConfirmation: false,
    };
  }
  return {
    heading: 'This lock cannot switch the code on and off by itself',
    lines: [
      startsNow
        ? `This laptop adds it now. The cloud will remove it at ${at(facts.endsAt)} once this laptop syncs; the laptop will not be on site.`
        : `The cloud will add it at ${at(facts.startsAt)} and remove it at ${at(facts.endsAt)} once this laptop syncs; the laptop will not be on site.`,
      'If this laptop does not get online before then, the code is not added (or not removed) on time.',
    ],
    needsCloudConfirmation: true,
  };
}

/** The window of a time-bound code, "15:00 Sat 14 Mar → 11:00 Mon 16 Mar", or null for an ongoing code. */
export function windowWords(code: Pick<AccessCode, 'type' | 'starts_at' | 'ends_at'>, zone: string): string | null {
  if (code.type !== 'time_bound') return null;
  const from = code.starts_at ? formatSiteMoment(code.starts_at, zone) : 'now';
  const to = code.ends_at ? formatSiteMoment(code.ends_at, zone) : 'until removed';
  return `${from} → ${to}`;
}

/** Who starts a code that is not on the lock yet, for its row: "Loaded on the lock; starts at …" or "The cloud adds it at …". */
export function scheduleNote(code: AccessCode, zone: string): string | null {
  if (code.type !== 'time_bound' || code.status !== 'unset' || code.is_removed || !code.starts_at) return null;
  const start = formatSiteMoment(code.starts_at, zone);
  if (code.events.some((e) => e.event_type === 'access_code.scheduled_on_device')) return `Loaded on the lock; starts at ${start}`;
  if (code.scheduled_by === 'cloud') return `The cloud adds it at ${start}`;
  if (code.scheduled_by === 'lock') return `Loaded on the lock up to ${PRELOAD_HOURS} hours before ${start}`;
  return null;
}

/** "Last used on the keypad 08:12 Sun 15 Mar", or null when the lock has not reported a use. */
export function lastUsedWords(code: Pick<AccessCode, 'last_used_at'>, zone: string): string | null {
  return code.last_used_at ? `Last used on the keypad ${formatSiteMoment(code.last_used_at, zone)}` : null;
}
