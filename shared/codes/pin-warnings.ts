/**
 * Weak-PIN warnings: things a passer-by or a guest who knows the resident would try. Unlike checkPin's refusals,
 * a PIN with a warning can still be saved; the UI shows the warning next to the PIN field.
 */

/** Kinds of weak PIN. */
export type PinWarningKind = 'common_pin' | 'repeated_digits' | 'sequence' | 'year_like' | 'date_like';

/** One reason a PIN is easy to guess, in words for the installer. */
export interface PinWarning {
  warning: PinWarningKind;
  message: string;
}

/**
 * PINs near the top of published frequency studies, and straight lines on a phone-style keypad
 * (1 2 3 / 4 5 6 / 7 8 9 / 0): 2580 is the middle column, 1397 the corners.
 */
const COMMON_PINS: ReadonlySet<string> = new Set([
  '1234', '1111', '0000', '1212', '7777', '1004', '2000', '4444', '2222', '6969', '9999', '3333', '5555', '6666',
  '1122', '1313', '8888', '4321', '2001', '1010', '2580', '0852', '1397', '1379', '7931', '9731', '1470', '0741',
  '3690', '0963', '1590', '0951', '7410', '3570', '0258', '8520', '1357', '2468', '1230', '0123',
  '123456', '654321', '111111', '000000', '123123', '666666', '121212', '112233', '789456', '159753', '123321',
  '696969', '147258', '258369', '147852', '987654', '555555', '999999', '777777', '888888', '222222', '101010',
  '147369', '159357', '852456', '456789', '246810', '135790', '112358',
]);

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar day, 29 February included (a birthday in a leap year). */
function isDayOfYear(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** Reads two characters of the PIN as a number. */
const two = (pin: string, at: number): number => Number(pin.slice(at, at + 2));

/** True for 1900–2099 given as four digits: birth years and memorable years. */
const isYear = (digits: string): boolean => digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2099;

/** True when the PIN reads as a date: MMDD/DDMM (4 digits), MMDDYY/DDMMYY (6), MMDDYYYY/DDMMYYYY/YYYYMMDD (8). */
export function isDateLike(pin: string): boolean {
  if (pin.length === 4 || pin.length === 6) {
    return isDayOfYear(two(pin, 0), two(pin, 2)) || isDayOfYear(two(pin, 2), two(pin, 0));
  }
  if (pin.length === 8) {
    const dayMonthFirst = isYear(pin.slice(4)) && (isDayOfYear(two(pin, 0), two(pin, 2)) || isDayOfYear(two(pin, 2), two(pin, 0)));
    return dayMonthFirst || (isYear(pin.slice(0, 4)) && isDayOfYear(two(pin, 4), two(pin, 6)));
  }
  return false;
}

/** True when the PIN repeats a block (1212, 123123, 0000) or uses no more than two different digits (1122, 7007). */
export function isRepetitive(pin: string): boolean {
  if (pin.length < 2) return false;
  if (new Set(pin).size <= 2) return true;
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** True when the digits step evenly by 1 or 2, up or down, 0 following 9 (1234, 8765, 2468, 7890, 97531). */
export function isSequence(pin: string): boolean {
  if (pin.length < 3) return false;
  const digits = [...pin].map(Number);
  const step = (digits[1]! - digits[0]! + 10) % 10;
  if (![1, 2, 8, 9].includes(step)) return false;
  return digits.slice(1).every((d, i) => (d - digits[i]! + 10) % 10 === step);
}

/** Every reason this PIN is easy to guess; empty for a PIN with none. Judges digits-only PINs. */
export function pinWarnings(pin: string): PinWarning[] {
  if (!/^\d+$/.test(pin)) return [];
  const warnings: PinWarning[] = [];
  if (COMMON_PINS.has(pin)) {
    warnings.push({ warning: 'common_pin', message: 'One of the PINs people try first. Pick or generate a less common one.' });
  }
  if (isRepetitive(pin)) {
    warnings.push({ warning: 'repeated_digits', message: 'Repeats digits or a pattern (like 1111 or 1212): easy to guess.' });
  }
  if (isSequence(pin)) {
    warnings.push({ warning: 'sequence', message: 'Counts up or down (like 1234 or 2468): easy to guess.' });
  }
  if (isYear(pin)) {
    warnings.push({ warning: 'year_like', message: 'Looks like a year (a birth year?): easy to guess for anyone who knows the person.' });
  }
  if (isDateLike(pin)) {
    warnings.push({ warning: 'date_like', message: 'Looks like a date (a birthday?): easy to guess for anyone who knows the person.' });
  }
  return warnings;
}
