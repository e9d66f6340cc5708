import type { Door } from '../domain/door';
import type { CodeLengthsSource, LockProfile } from '../domain/lock';
import type { PinRules } from './pin-rules';

/**
 * What a lock has shown about PIN lengths when its device does not tell them (a door's `learned`):
 *
 *   profile says "unknown" (4–10) ──▶ a code of an untried length is sent and read back
 *        ├─ the slot holds it  ──▶ recordLengthOutcome(…, true):  accepted
 *        └─ the slot is empty  ──▶ recordLengthOutcome(…, false): refused → that length is refused before sending from now on
 *
 * Pure: the queue records outcomes, the site and code services merge them into the profile they judge by.
 */
export type LearnedLengths = Door['learned'];

/** Nothing learned yet. */
export const NOTHING_LEARNED: LearnedLengths = Object.freeze({ acceptedLengths: [], refusedLengths: [] }) as LearnedLengths;

/** True when the lock's lengths come from the lock or its device file, not from guessing or learning. */
export function isLengthSourceKnown(source: CodeLengthsSource): boolean {
  return source === 'lock_setting' || source === 'device_file' || source === 'protocol';
}

/**
 * The door's learned lengths after the lock took (`accepted`) or refused a PIN of `length`. A length once accepted
 * stays accepted: a later refusal of it has another cause (a duplicate, a full lock…) and is not recorded; an
 * acceptance clears an earlier refusal (the lock's setting may have changed). Returns a new value, sorted.
 */
export function recordLengthOutcome(learned: LearnedLengths, length: number, accepted: boolean): LearnedLengths {
  const has = (list: readonly number[]): boolean => list.includes(length);
  if (accepted) {
    return { acceptedLengths: sorted(has(learned.acceptedLengths) ? learned.acceptedLengths : [...learned.acceptedLengths, length]), refusedLengths: learned.refusedLengths.filter((n) => n !== length) };
  }
  if (has(learned.acceptedLengths) || has(learned.refusedLengths)) return { acceptedLengths: [...learned.acceptedLengths], refusedLengths: [...learned.refusedLengths] };
  return { acceptedLengths: [...learned.acceptedLengths], refusedLengths: sorted([...learned.refusedLengths, length]) };
}

/**
 * True when nothing proves the lock takes PINs of `length`: its lengths are not from the lock or its device file
 * (source `unknown` or `learned`) and it has never kept a code of that length. The queue stops such a code with
 * `code_constraints_violated` on the lock's first refusal instead of retrying.
 */
export function isLengthUnproven(profile: Pick<LockProfile, 'codeLengthsSource'>, learned: LearnedLengths, length: number): boolean {
  return !isLengthSourceKnown(profile.codeLengthsSource) && !learned.acceptedLengths.includes(length);
}

/**
 * The profile Lockbench judges PINs and reports by: for a lock whose lengths are not known, the lengths it could take
 * minus those it refused, source `learned` once it has shown anything, and a note saying what it showed. A profile
 * whose lengths come from the lock or its device file is returned as it is, and so is one already merged (`learned`):
 * merge the profile as read from the lock, which never says `learned`.
 */
export function withLearnedLengths(profile: LockProfile, learned: LearnedLengths): LockProfile {
  if (profile.codeLengthsSource !== 'unknown' || !profile.supportsAccessCodes) return profile;
  const shown = describeLearned(learned);
  if (shown === null) return profile;
  return {
    ...profile,
    supportedCodeLengths: profile.supportedCodeLengths.filter((n) => !learned.refusedLengths.includes(n)),
    codeLengthsSource: 'learned',
    codeLengthsNote: profile.codeLengthsNote ? `${profile.codeLengthsNote}. Learned from this lock: ${shown}` : `learned from this lock: ${shown}`,
  };
}

/** "kept 6-digit PINs; refused 4-digit PINs", or null when nothing was learned. */
export function describeLearned(learned: LearnedLengths): string | null {
  const parts: string[] = [];
  if (learned.acceptedLengths.length > 0) parts.push(`kept ${lengthsText(learned.acceptedLengths)} PINs`);
  if (learned.refusedLengths.length > 0) parts.push(`refused ${lengthsText(learned.refusedLengths)} PINs`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * The length part of a lock's PIN rules, for checkPin and generatePin: the lengths (learned refusals taken out), the
 * words that say where they come from, and the lengths the lock has proven it keeps (tried first when generating).
 */
export function pinLengthRules(profile: LockProfile, learned: LearnedLengths): Pick<PinRules, 'supportedCodeLengths' | 'lengthsNote' | 'provenLengths'> {
  const merged = withLearnedLengths(profile, learned);
  return {
    supportedCodeLengths: merged.supportedCodeLengths,
    lengthsNote: merged.codeLengthsNote,
    provenLengths: isLengthSourceKnown(merged.codeLengthsSource) ? merged.supportedCodeLengths : learned.acceptedLengths.filter((n) => merged.supportedCodeLengths.includes(n)),
  };
}

const sorted = (list: readonly number[]): number[] => [...list].sort((a, b) => a - b);
const lengthsText = (list: readonly number[]): string =>
  list.length === 1 ? `${list[0]}-digit` : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}-digit`;
