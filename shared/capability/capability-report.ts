import type { CapabilityItem, CapabilityItemKey, CapabilityReport, Verdict } from '../domain/capability';
import type { LockProfile } from '../domain/lock';
import { describeLengths } from '../codes/pin-rules';
import { formatOffset, zoneOffsetMinutes } from './time-zone';

/** What the capability check judges: the lock's profile, the site's time zone, and when. */
export interface CapabilityInput {
  doorId: string;
  profile: LockProfile;
  siteTimeZone: string;
  now: Date;
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

type Judgement = [Verdict, string, string | null];

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/** Builds the pass / warn / fail report for one door, with what to do about each warn or fail. */
export function buildCapabilityReport(input: CapabilityInput): CapabilityReport {
  const p = input.profile;
  const judgements: Record<CapabilityItemKey, Judgement> = {
    access_codes: p.supportsAccessCodes
      ? ['pass', 'The lock supports PIN access codes (User Code).', null]
      : ['fail', 'The lock has no User Code support: it cannot hold PIN codes.', 'Fit a keypad lock that supports access codes, or check that the right device was included.'],
    online: p.isOnline
      ? ['pass', 'The lock answered just now; codes can be programmed.', null]
      : ['fail', 'The lock did not answer.', 'Press a key on the keypad to wake it, check its batteries, or bring the stick closer; then run the check again.'],
    security: judgeSecurity(p),
    slots: judgeSlots(p),
    code_lengths:
      p.supportedCodeLengths.length > 0
        ? ['pass', `PINs of ${describeLengths(p.supportedCodeLengths, p.pinCharset)}.`, null]
        : ['warn', 'The lock did not report which PIN lengths it takes; assuming 4–10.', 'Check the lock manual for its PIN length before giving codes out.'],
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
      : ['warn', 'No native scheduling: the lock cannot switch a time-bound code on and off by itself.', 'Ongoing codes are fine. For time-bound codes, the cloud must add and remove them on time once synced.'],
    battery: judgeBattery(p),
    clock: judgeClock(p, input.siteTimeZone, input.now),
  };
  const items: CapabilityItem[] = (Object.keys(LABELS) as CapabilityItemKey[]).map((key) => {
    const [verdict, finding, advice] = judgements[key];
    return { key, label: LABELS[key], verdict, finding, advice };
  });
  const overall = items.reduce<Verdict>((worst, i) => (RANK[i.verdict] > RANK[worst] ? i.verdict : worst), 'pass');
  return { door_id: input.doorId, checked_at: input.now.toISOString(), overall, items, codes_from_elsewhere: input.codesFromElsewhere ?? null };
}

function judgeSecurity(p: LockProfile): Judgement {
  switch (p.securityClass) {
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

function judgeSlots(p: LockProfile): Judgement {
  if (p.slotCount === 0) return ['fail', 'The lock reported no code slots.', 'Run the check again; if it persists, re-interview the lock.'];
  const free = p.slotCount - p.occupiedSlots.length;
  const finding = `${p.slotCount} slots, ${p.occupiedSlots.length} in use, ${free} free.`;
  if (free === 0) return ['fail', finding, 'Remove codes that are no longer needed before adding new ones.'];
  if (free < 3) return ['warn', finding, 'Few slots left: remove codes that are no longer needed.'];
  return ['pass', finding, null];
}

function judgeBattery(p: LockProfile): Judgement {
  if (p.batteryLevel === null) return ['warn', 'The lock did not report its battery level.', 'Check the batteries by hand before leaving.'];
  const level = `Battery at ${p.batteryLevel}%.`;
  if (p.batteryLevel <= 10) return ['fail', `${level} The batteries are nearly flat.`, 'Replace the batteries now: a lock this low drops commands and may stop opening.'];
  if (p.isBatteryLow || p.batteryLevel < 30) {
    const low = p.isBatteryLow ? `${level} The lock reports a low battery.` : level;
    return ['warn', low, 'Replace the batteries before you leave: a lock on low battery drops commands.'];
  }
  return ['pass', level, null];
}

function judgeClock(p: LockProfile, siteZone: string, now: Date): Judgement {
  const siteOffset = zoneOffsetMinutes(siteZone, now);
  const siteText = `${siteZone} (${formatOffset(siteOffset)})`;
  if (p.clockOffsetMinutes === null) {
    return p.nativeScheduling
      ? ['warn', `The lock did not report its time zone; the site is ${siteText}.`, 'Set the lock clock and time zone before programming time-bound codes.']
      : ['pass', `Not needed: the lock does not schedule codes itself. Site time zone ${siteText}.`, null];
  }
  if (p.clockOffsetMinutes !== siteOffset) {
    return ['warn', `The lock is set to ${formatOffset(p.clockOffsetMinutes)}, the site is ${siteText}.`, 'Set the lock time zone to the site time zone before programming time-bound codes.'];
  }
  return ['pass', `The lock time zone matches the site, ${siteText}.`, null];
}
