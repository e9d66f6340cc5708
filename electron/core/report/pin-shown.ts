import { maskPin } from '../../../shared/codes/pin-mask';
import { hidesPin } from '../ports/lock-port';

/**
 * How PINs appear in the report and the codes export. Masking itself is `maskPin` (shared); these decide when:
 * Lockbench's own codes in full only when the installer asked, codes found on a lock always masked, and a PIN never
 * inside an error message.
 */

/** A PIN the lock did not tell (a PIN-hiding lock: null, "", "****"): there is nothing to show, masked or not. */
function isUnknownPin(pin: string | null): pin is null {
  return pin === null || pin === '' || hidesPin(pin);
}

/** A managed code's PIN: in full when asked for, masked otherwise; "" when the lock never told it. */
export function shownPin(pin: string, showFull: boolean): string {
  if (isUnknownPin(pin)) return '';
  return showFull ? pin : maskPin(pin);
}

/** A PIN found on a lock (Lockbench did not create it): always masked; null when the lock hides it. */
export function foreignPin(pin: string | null): string | null {
  return isUnknownPin(pin) ? null : maskPin(pin);
}

/** A message with every occurrence of the code's PIN masked (a lock's own words may quote it). */
export function withoutPin(message: string, pin: string): string {
  if (pin.length < 3) return message;
  return message.split(pin).join(maskPin(pin));
}
