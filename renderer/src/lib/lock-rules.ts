import { checkPin, describeLengths } from '../../../shared/codes/pin-rules';
import type { PinRule } from '../../../shared/codes/pin-rules';
import type { LockProfile } from '../../../shared/domain/lock';

/** The lock's PIN rules as short lines to show next to the PIN field, from the door's lock profile. */
export function describeLockRules(lock: LockProfile | null): string[] {
  if (!lock) return ['Rules unknown until the lock has been read: 4–10 digits works on most keypads.'];
  const lines = [
    `Length: ${describeLengths(lock.supportedCodeLengths, lock.pinCharset)}`,
    lock.pinCharset === 'digits' ? 'Digits 0–9 only' : 'Letters, digits and symbols (digits work on every keypad)',
  ];
  if (lock.slotCount > 0) {
    const free = Math.max(0, lock.slotCount - lock.occupiedSlots.length);
    lines.push(`${free} of ${lock.slotCount} code slots free`);
  }
  return lines;
}

/**
 * A quick hint while typing: the first rule the PIN breaks on this lock, judged on the screen only. The main process
 * judges again before anything is sent (and knows the other codes on the lock); this is not the refusal.
 */
export function pinHint(pin: string, lock: LockProfile | null): { rule: PinRule; message: string } | null {
  if (!lock || pin === '') return null;
  const check = checkPin(pin, { supportedCodeLengths: lock.supportedCodeLengths, pinCharset: lock.pinCharset, existingPins: [] });
  return check.ok ? null : { rule: check.rule, message: check.message };
}
