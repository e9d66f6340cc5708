/**
 * A PIN as a document or an export shows it when full PINs were not asked for: every character but the last becomes
 * a dot ("•••••7"), so a code can be told apart from its neighbours without being usable. The one place PINs are
 * masked for people; logs never carry a PIN at all.
 */
export function maskPin(pin: string): string {
  if (pin.length <= 1) return '•'.repeat(pin.length);
  return '•'.repeat(pin.length - 1) + pin.slice(-1);
}
