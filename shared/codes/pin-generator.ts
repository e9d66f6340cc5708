import { checkPin, ZWAVE_CODE_LENGTHS, type PinRules } from './pin-rules';

/** A source of uniform random integers in [0, max): crypto by default, injectable for tests. */
export type RandomInt = (max: number) => number;

/** Uniform random integer from Web Crypto (present in browsers and Node 20), without modulo bias. */
export const cryptoRandomInt: RandomInt = (max) => {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0]!;
    if (value < limit) return value % max;
  }
};

/** True for PINs a passer-by would try first: all one digit, or a straight run up or down (1234, 9876). */
export function isGuessablePin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  if (/^(\d)\1+$/.test(pin)) return true;
  const steps = [...pin].map(Number);
  const diffs = steps.slice(1).map((d, i) => d - steps[i]!);
  return diffs.every((d) => d === 1) || diffs.every((d) => d === -1);
}

/** The length a generated PIN gets: 6 where the lock takes it (hard to guess, easy to type), else the nearest. */
export function preferredLength(lengths: readonly number[]): number {
  const usable = lengths.length > 0 ? lengths : ZWAVE_CODE_LENGTHS;
  if (usable.includes(6)) return 6;
  return [...usable].sort((a, b) => Math.abs(a - 6) - Math.abs(b - 6) || b - a)[0]!;
}

/**
 * Generates a digits-only PIN that passes every rule of the lock and is not guessable. Digits work on every
 * keypad, so they are used even where a lock also takes letters. Throws only if the rules leave no PIN at all.
 */
export function generatePin(rules: PinRules, randomInt: RandomInt = cryptoRandomInt): string {
  const length = preferredLength(rules.supportedCodeLengths);
  for (let attempt = 0; attempt < 1000; attempt++) {
    let pin = '';
    for (let i = 0; i < length; i++) pin += String(randomInt(10));
    if (!isGuessablePin(pin) && checkPin(pin, rules).ok) return pin;
  }
  throw new Error('No PIN satisfies the lock rules');
}
