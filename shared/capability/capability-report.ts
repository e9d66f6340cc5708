import type { CapabilityItem, CapabilityItemKey, CapabilityReport, Verdict } from '../domain/capability';
import type { LockProfile } from '../domain/lock';
import { judgeBattery, judgeCodeLengths, judgeOnline, judgeSlots, unconfirmed, NOT_ANSWERING, type Judgement, type ReadingContext } from './reading-judgements';
import { formatOffset, zoneOffsetMinutes } from './time-zone';

/** What the capability check judges: the lock's profile, the site's time zone, and when. */
export interface CapabilityInput {
  doorId: string;
  /** The profile with the door's learned PIN lengths merged in (withLearnedLengths). */
  profile: LockProfile;
  siteTimeZone: string;
  /** The site's clock now (the time-zone comparison; the report's `checked_at`). */
  now: Date;
  /**
   * When this check began asking the lock, on the wall clock the lock's readings are stamped with (`readAt`,
   * `batteryReadAt`). A reading from before it is an earlier one: never a pass, shown with its time.
   */
  readSince: Date;
  /** Codes on the lock Lockbench did not create, from this check's read; null/absent when the slots could not be read now. */
  codesFromElsewhere?: number | null;
}

const LABELS: Record<CapabilityItemKey, string> = {
  access_codes: 'Access codes',
  online: 'Reachable now',
  security: 'Secure connection',
  slots: 'Code slots',
  code_lengths: 'PIN lengths',
  characters: 'PIN characters',
  pin_rules: 'PIN rules',
  native_scheduling: 'Native scheduling',
  battery: 'Battery',
  clock: 'Clock and time zone',
};

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/**
 * Builds the pass / warn / fail report for one door, with what to do about each warn or fail. What the lock reports
 * now (reachability, slots, battery, clock) passes only when read during this check; what the interview and the
 * device file say (access codes, security, lengths, characters, scheduling) stands until the lock is interviewed again.
 */
export function buildCapabilityReport(input: CapabilityInput): CapabilityReport {
  const p = input.profile;
  const since = input.readSince.getTime();
  const ctx: ReadingContext = { siteTimeZone: input.siteTimeZone, isFresh: (readAt) => readAt !== null && Date.parse(readAt) >= since };
  const judgements: Record<CapabilityItemKey, Judgement> = {
    access_codes: p.supportsAccessCodes
      ? ['pass', 'The lock supports PIN access codes (User Code).', null]
      : ['fail', 'The lock has no User Code support: it cannot hold PIN codes.', 'Fit a keypad lock that supports access codes, or check that the right device was included.'],
    online: judgeOnline(p, ctx),
    security: judgeSecurity(p),
    slots: judgeSlots(p, ctx),
    code_lengths: judgeCodeLengths(p),
    characters: [
      'pass',
      p.pinCharset === 'digits' ? 'Digits 0–9 only.' : 'Digits and letters (keypad permitting).',
      null,
    ],
    pin_rules: [
      'pass',
      'Lockbench refuses PINs of the wrong length or characters and PINs already on this lock, before sending.',
      null,
    ],
    native_scheduling: p.nativeScheduling
      ? ['pass', 'The lock enforces start and end times itself (year-day schedules).', null]
      : [
          'warn',
          'No native scheduling: the lock cannot switch a time-bound code on and off by itself.',
          'Ongoing codes are fine. Lockbench puts a time-bound code on at its start and removes it at its end, so it must be connected to this lock at those times.',
        ],
    battery: judgeBattery(p, ctx),
    clock: judgeClock(p, input.now, ctx),
  };
  const items: CapabilityItem[] = (Object.keys(LABELS) as CapabilityItemKey[]).map((key) => {
    const [verdict, finding, advice] = judgements[key];
    return { key, label: LABELS[key], verdict, finding, advice, source: 'lock' as const };
  });
  const overall = items.reduce<Verdict>((worst, i) => (RANK[i.verdict] > RANK[worst] ? i.verdict : worst), 'pass');
  return { door_id: input.doorId, checked_at: input.now.toISOString(), overall, items, codes_from_elsewhere: input.codesFromElsewhere ?? null };
}

function judgeSecurity(p: LockProfile): Judgement {
  switch (p.securityClass) {
    case 'app_key':
      return ['pass', 'Paired with Lockbench: every command is encrypted with the key agreed at pairing.', null];
    case 'S2_AccessControl':
      return ['pass', 'Included with S2 Access Control: PINs travel encrypted.', null];
    case 'S2_Authenticated':
    case 'S2_Unauthenticated':
    case 'S0_Legacy':
      return ['warn', `Included with ${p.securityClass.replace('_', ' ')}, not S2 Access Control.`, 'Re-include the lock with S2 Access Control (scan its DSK) for the strongest protection.'];
    case 'none':
      return ['warn', 'Included without security: PINs travel unencrypted over the air.', 'Exclude and re-include the lock with S2 Access Control.'];
    default:
      return ['warn', 'The lock security class is not known yet.', 'Run the check again once the lock has been interviewed.'];
  }
}

/** A lock clock this far off its read time gets a warning (its windows open and close that much early or late). */
/** A lock clock this many minutes off (or more) is a warning in the check and an open problem in the report. */
export const CLOCK_DRIFT_WARN_MINUTES = 2;

function judgeClock(p: LockProfile, now: Date, ctx: ReadingContext): Judgement {
  const siteOffset = zoneOffsetMinutes(ctx.siteTimeZone, now);
  const siteText = `${ctx.siteTimeZone} (${formatOffset(siteOffset)})`;
  const isFresh = ctx.isFresh(p.readAt);
  if (p.clockOffsetMinutes === null) {
    if (!p.nativeScheduling) return ['pass', `Not needed: the lock does not schedule codes itself. Site time zone ${siteText}.`, null];
    return isFresh
      ? ['warn', `The lock did not report its time zone; the site is ${siteText}.`, 'Set the lock clock and time zone before programming time-bound codes.']
      : ['warn', `The lock's time zone could not be read: it is ${NOT_ANSWERING}. The site is ${siteText}.`, 'Run the check again once the lock answers, then set its clock if needed.'];
  }
  const driftMinutes = p.lockTime === null ? 0 : Math.round((Date.parse(p.lockTime) - Date.parse(p.readAt ?? now.toISOString())) / 60_000);
  const judgement: Judgement =
    p.clockOffsetMinutes !== siteOffset
      ? ['warn', `The lock is set to ${formatOffset(p.clockOffsetMinutes)}, the site is ${siteText}.`, 'Set the lock time zone to the site time zone before programming time-bound codes.']
      : Math.abs(driftMinutes) >= CLOCK_DRIFT_WARN_MINUTES
        ? ['warn', `The lock's clock is ${Math.abs(driftMinutes)} min ${driftMinutes > 0 ? 'fast' : 'slow'}; its time zone matches the site, ${siteText}.`, 'Set the lock clock before programming time-bound codes.']
        : ['pass', `The lock time zone matches the site, ${siteText}${p.lockTime === null ? '' : ', and its clock is right'}.`, null];
  return isFresh ? judgement : unconfirmed(judgement, p.readAt, ctx);
}
