import type { Verdict } from '../domain/capability';
import type { LockProfile } from '../domain/lock';
import { describeLengths } from '../codes/pin-rules';
import { isLengthSourceKnown } from '../codes/learned-lengths';
import { usableSlotCount } from '../codes/slot-choice';
import { formatInSite } from '../time';

/** One line's verdict, what was found, and what to do (null for a pass). */
export type Judgement = [Verdict, string, string | null];

/** What a judgement needs beyond the profile: the site's zone (times are shown there) and what was read in this check. */
export interface ReadingContext {
  siteTimeZone: string;
  /** True for a reading taken during this check (its time at or after the check began). */
  isFresh: (readAt: string | null) => boolean;
}

/** The one phrase for a lock that does not answer, on every screen. */
export const NOT_ANSWERING = 'not answering';

const AGAIN = 'Run the check again once the lock answers (press a key on the keypad to wake it).';

/**
 * A reading from before this check: never a pass. "Last read Sat 14 Mar, 14:02 CET: … Not confirmed now: the lock is
 * not answering." A warn or fail keeps its verdict and its advice.
 */
export function unconfirmed([verdict, finding, advice]: Judgement, readAt: string | null, ctx: ReadingContext): Judgement {
  const when = readAt ? `Last read ${formatInSite(readAt, ctx.siteTimeZone)}: ` : '';
  return [verdict === 'pass' ? 'warn' : verdict, `${when}${finding} Not confirmed now: the lock is ${NOT_ANSWERING}.`, advice ?? AGAIN];
}

/** Reachable now: only a lock that answered this check passes. */
export function judgeOnline(p: LockProfile, ctx: ReadingContext): Judgement {
  if (p.isOnline && ctx.isFresh(p.readAt)) return ['pass', 'The lock answered just now; codes can be programmed.', null];
  const since = p.offlineSince ? ` since ${formatInSite(p.offlineSince, ctx.siteTimeZone)}` : '';
  const last = p.readAt ? ` It last answered ${formatInSite(p.readAt, ctx.siteTimeZone)}.` : '';
  return ['fail', `Lock ${NOT_ANSWERING}${since}.${last}`, 'Press a key on the keypad to wake it, check its batteries, or bring the stick closer; then run the check again.'];
}

/** Code slots, reserved ones counted out and named; from an earlier read, never a pass. */
export function judgeSlots(p: LockProfile, ctx: ReadingContext): Judgement {
  if (p.slotCount === 0) {
    return ctx.isFresh(p.readAt)
      ? ['fail', 'The lock reported no code slots.', 'Run the check again; if it persists, re-interview the lock.']
      : ['warn', `The lock's code slots have not been read: it is ${NOT_ANSWERING}.`, AGAIN];
  }
  const reserved = p.reservedSlots.filter((r) => r.slot >= 1 && r.slot <= p.slotCount);
  const usable = usableSlotCount(p);
  const inUse = p.occupiedSlots.filter((s) => !reserved.some((r) => r.slot === s)).length;
  const free = Math.max(0, usable - inUse);
  const kept = reserved.map((r) => ` Slot ${r.slot} holds ${r.reason}: Lockbench never uses it.`).join('');
  const finding = `${usable} slots for codes, ${inUse} in use, ${free} free.${kept}`;
  let judgement: Judgement = ['pass', finding, null];
  if (free === 0) judgement = ['fail', finding, 'Remove codes that are no longer needed before adding new ones.'];
  else if (free < 3) judgement = ['warn', finding, 'Few slots left: remove codes that are no longer needed.'];
  return ctx.isFresh(p.readAt) ? judgement : unconfirmed(judgement, p.readAt, ctx);
}

/** PIN lengths: a pass only when the lock or its device file says them; otherwise what Lockbench will do. */
export function judgeCodeLengths(p: LockProfile): Judgement {
  if (p.supportedCodeLengths.length === 0) {
    return ['warn', 'The lock did not report which PIN lengths it takes; assuming 4–10.', 'Check the lock manual for its PIN length before giving codes out.'];
  }
  const lengths = describeLengths(p.supportedCodeLengths, p.pinCharset);
  if (isLengthSourceKnown(p.codeLengthsSource)) {
    const from = p.codeLengthsNote ?? (p.codeLengthsSource === 'lock_setting' ? "from the lock's own setting" : p.codeLengthsSource === 'protocol' ? "the lock's protocol allows no other" : "from the lock's device file");
    return ['pass', `PINs of ${lengths}: ${from}.`, null];
  }
  const note = p.codeLengthsNote ? ` ${capitalize(p.codeLengthsNote)}.` : '';
  return [
    'warn',
    `The lock does not say which PIN lengths it takes. Lockbench allows ${lengths} and learns from the lock's first refusal: a code of a length the lock refuses stops with an error, and that length is refused before sending from then on.${note}`,
    "Generated PINs have 6 digits, which most keypads take. Check the lock's manual for its PIN lengths before giving codes out.",
  ];
}

/** Battery: the last known level with its time when the lock did not answer now, never "did not report". */
export function judgeBattery(p: LockProfile, ctx: ReadingContext): Judgement {
  if (p.batteryLevel === null) {
    return ctx.isFresh(p.readAt)
      ? ['warn', 'The lock did not report its battery level.', 'Check the batteries by hand before leaving.']
      : ['warn', `Battery level not known: the lock is ${NOT_ANSWERING} and never reported one.`, 'Check the batteries by hand before leaving.'];
  }
  const level = `Battery at ${p.batteryLevel}%.`;
  let judgement: Judgement = ['pass', level, null];
  if (p.batteryLevel <= 10) judgement = ['fail', `${level} The batteries are nearly flat.`, 'Replace the batteries now: a lock this low drops commands and may stop opening.'];
  else if (p.isBatteryLow || p.batteryLevel < 30) {
    judgement = ['warn', p.isBatteryLow ? `${level} The lock reports a low battery.` : level, 'Replace the batteries before you leave: a lock on low battery drops commands.'];
  }
  if (p.isKeypadBatteryLow && judgement[0] === 'pass') {
    judgement = ['warn', `${level} The keypad reports a low battery of its own.`, 'Replace the keypad battery before you leave: a flat keypad takes no codes.'];
  }
  return ctx.isFresh(p.batteryReadAt) ? judgement : unconfirmed(judgement, p.batteryReadAt, ctx);
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
