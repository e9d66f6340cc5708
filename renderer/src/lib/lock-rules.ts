import { isLengthSourceKnown } from '../../../shared/codes/learned-lengths';
import { checkPin, describeLengths } from '../../../shared/codes/pin-rules';
import { usableSlotCount } from '../../../shared/codes/slot-choice';
import type { PinRule } from '../../../shared/codes/pin-rules';
import { pinWarnings } from '../../../shared/codes/pin-warnings';
import type { LockProfile } from '../../../shared/domain/lock';

const CONSTRAINT_WORDS: Partial<Record<string, string>> = {
  no_zeros: 'no 0',
  cannot_start_with_12: 'may not start with 12',
  no_triple_consecutive_ints: 'no three digits in a row counting up, down or repeating',
  cannot_specify_pin_code: 'PINs are generated, not chosen',
  pin_code_matches_existing_set: 'only PINs from the existing set',
  no_ascending_or_descending_sequence: 'not a straight run like 1234',
  at_least_three_unique_digits: 'at least three different digits',
  no_all_same_digits: 'not all the same digit',
  unique_first_four_digits: 'first four digits all different',
  cannot_contain_089: 'no 0, 8 or 9',
  cannot_contain_0789: 'no 0, 7, 8 or 9',
  start_date_in_future: 'start must be in the future',
};

/** The first weak-PIN warning for a PIN (1234, a year, a date): it may still be saved, but the installer is told. */
export function pinWarning(pin: string): string | null {
  return pin === '' ? null : (pinWarnings(pin)[0]?.message ?? null);
}

/**
 * The lock's PIN rules as short lines to show next to the PIN field, from the door's lock profile (its learned
 * lengths already merged in by main). Lengths the lock has not confirmed say so; reserved slots are not counted.
 */
export function describeLockRules(lock: LockProfile | null): string[] {
  if (!lock) return ['Rules unknown until the lock has been read: 4–10 digits works on most keypads.'];
  const lengths = describeLengths(lock.supportedCodeLengths, lock.pinCharset);
  const lines = [
    isLengthSourceKnown(lock.codeLengthsSource) ? `Length: ${lengths}` : `Length: ${lengths} allowed, not confirmed by the lock (6 digits is the safe choice)`,
    lock.pinCharset === 'digits' ? 'Digits 0–9 only' : 'Letters, digits and symbols (digits work on every keypad)',
  ];
  for (const constraint of lock.codeConstraints) {
    if (constraint.constraint_type !== 'name_length' && constraint.constraint_type !== 'name_must_be_unique') lines.push(`Rule: ${CONSTRAINT_WORDS[constraint.constraint_type] ?? constraint.constraint_type}`);
  }
  if (lock.slotCount > 0) {
    const usable = usableSlotCount(lock);
    const inUse = lock.occupiedSlots.filter((s) => !lock.reservedSlots.some((r) => r.slot === s)).length;
    lines.push(`${Math.max(0, usable - inUse)} of ${usable} code slots free`);
  }
  return lines;
}

/**
 * A quick hint while typing: the first rule the PIN breaks on this lock, judged on the screen only. The main process
 * judges again before anything is sent (and knows the other codes on the lock); this is not the refusal.
 */
export function pinHint(pin: string, lock: LockProfile | null): { rule: PinRule; message: string } | null {
  if (!lock || pin === '') return null;
  const check = checkPin(pin, {
    supportedCodeLengths: lock.supportedCodeLengths,
    lengthsNote: lock.codeLengthsNote,
    pinCharset: lock.pinCharset,
    existingPins: [],
    constraints: lock.codeConstraints,
  });
  return check.ok ? null : { rule: check.rule, message: check.message };
}
