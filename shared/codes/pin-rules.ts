import type { PinCharset } from '../domain/lock';

/** The lock's rules a PIN must satisfy, taken from its profile and the codes already on it. */
export interface PinRules {
  /** Lengths the lock accepts (ascending); empty means unknown, and the Z-Wave range 4–10 applies. */
  supportedCodeLengths: readonly number[];
  pinCharset: PinCharset;
  /** PINs already on this lock (managed and unmanaged); a PIN may not repeat one. */
  existingPins: readonly string[];
}

/** Rule names, as shown to the installer and carried in `details.rule`. Seam's names where Seam has one. */
export type PinRule = 'supported_code_lengths' | 'allowed_characters' | 'duplicate_code_on_device';

/** Outcome of checking a PIN: fine, or the first rule it breaks, in words. */
export type PinCheck = { ok: true } | { ok: false; rule: PinRule; message: string };

/** Z-Wave User Code CC allows 4–10 characters; used when the lock does not say. */
export const ZWAVE_CODE_LENGTHS: readonly number[] = [4, 5, 6, 7, 8, 9, 10];

/** Describes accepted lengths for people: "4–8 digits", "4 or 6 digits". */
export function describeLengths(lengths: readonly number[], charset: PinCharset): string {
  const unit = charset === 'digits' ? 'digits' : 'characters';
  if (lengths.length === 0) return `4–10 ${unit}`;
  const sorted = [...lengths].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const isRange = last - first + 1 === sorted.length;
  if (first === last) return `${first} ${unit}`;
  if (isRange) return `${first}–${last} ${unit}`;
  return `${sorted.slice(0, -1).join(', ')} or ${last} ${unit}`;
}

/**
 * Checks a PIN against the lock's rules before anything is sent, naming the first rule it breaks.
 * Order matters for the message: characters first (a letter in a digits-only PIN), then length, then duplicates.
 */
export function checkPin(pin: string, rules: PinRules): PinCheck {
  const lengths = rules.supportedCodeLengths.length > 0 ? rules.supportedCodeLengths : ZWAVE_CODE_LENGTHS;
  const allowed = rules.pinCharset === 'digits' ? /^\d+$/ : /^[\x21-\x7e]+$/;
  if (!allowed.test(pin)) {
    const what = rules.pinCharset === 'digits' ? 'digits 0–9 only' : 'printable characters only';
    return { ok: false, rule: 'allowed_characters', message: `This lock takes ${what}.` };
  }
  if (!lengths.includes(pin.length)) {
    return {
      ok: false,
      rule: 'supported_code_lengths',
      message: `This lock takes PINs of ${describeLengths(lengths, rules.pinCharset)}; this one has ${pin.length}.`,
    };
  }
  if (rules.existingPins.includes(pin)) {
    return { ok: false, rule: 'duplicate_code_on_device', message: 'This PIN is already on this lock. Choose another.' };
  }
  return { ok: true };
}
