/**
 * Redaction of log lines: every line is passed through `redactLogLine` before it is written anywhere (desktop log
 * files, the browser host's stderr and log file, "Save diagnostics"). It hides what would let someone open a door or
 * act as the installer, and keeps what support needs to read the line:
 *
 *   hidden  PINs after pin/code/passcode words · Seam API keys · bearer tokens and token=… (also the host's ?token= URL)
 *           · values of password/secret/…key keys · Z-Wave keys (32+ hex, byte arrays of 16+) · base64 blobs (32+)
 *   kept    node ids · slot numbers · durations · times · home ids (0x4c4b4242) · error codes · words
 *
 * Rules run in order; a value once replaced by `[redacted]` is not matched again, so redacting twice changes nothing.
 */

/** What a hidden value becomes; the key or word before it stays so the line keeps its meaning. */
export const REDACTED = '[redacted]';

/** Redacts PINs, keys and tokens in one log line (or a multi-line text such as a stack); pure. */
export function redactLogLine(line: string): string {
  return RULES.reduce((text, rule) => rule(text), line);
}

/**
 * How a field or key name is treated: `secret` (its value is always hidden), `key` (a bare `key`/`keys`: hidden unless
 * its value is a plain identifier such as a capability item's `access_codes`), `pin` (pin, code, passcode, userCode…:
 * its digits are a PIN), or null. "error code", "status code" and the like are not PINs.
 */
export function secretKindOf(name: string): 'secret' | 'key' | 'pin' | null {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/password|passwd|passphrase|secret|authorization|credential|token|apikey|cookie/.test(n)) return 'secret';
  if (n === 'key' || n === 'keys') return 'key';
  if (/keys?$/.test(n)) return 'secret';
  const pin = /^([a-z0-9]*?)(?:pin|code|passcode)s?$/.exec(n);
  return pin && !NOT_A_PIN_BEFORE.has(pin[1] ?? '') ? 'pin' : null;
}

/** True when a stored field must not leave the computer (diagnostics drop it): see `secretKindOf`. */
export function isSecretField(name: string, value: unknown): boolean {
  const kind = secretKindOf(name);
  if (kind === 'key') return !(typeof value === 'string' && PLAIN_IDENTIFIER.test(value));
  return kind !== null;
}

/** Words before "code"/"pin" that make it something else (an error code, a status code, a barcode, spin). */
const NOT_A_PIN_BEFORE = new Set(['error', 'exit', 'status', 'return', 'response', 'http', 'result', 'reason', 'event', 'command', 'country', 'zip', 'postal', 'post', 'area', 'language', 'lang', 'currency', 'op', 'bar', 'en', 'de', 'uni', 's']);
const PLAIN_IDENTIFIER = /^[a-z][a-z_]{0,39}$/;

/** `Bearer abc…`, `Basic abc…` (an Authorization header's value). */
const bearerTokens = (text: string) => text.replace(/\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{12,}/gi, `$1$2${REDACTED}`);

/** Seam API keys and client session tokens: `seam_` and a random tail (plain words such as `seam_bridge` stay). */
const seamKeys = (text: string) => text.replace(/\bseam_(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{8,}/g, `seam_${REDACTED}`);

/** `password: correct horse`, `client_secret=…`: everything up to the end of the clause (a password may hold spaces). */
const secretClauses = (text: string) =>
  text.replace(/(?<![\w-])([\w-]*(?:password|passwd|passphrase|secret|authorization)[\w-]*)(\\?["']?\s*[:=]\s*)(?![\s"'\\[])([^,;&}\n]*[^,;&}\n\s])/gi, (all, name: string, sep: string) =>
    secretKindOf(name) === 'secret' ? `${name}${sep}${REDACTED}` : all,
  );

/** `"token":"…"`, `token=…`, `?token=…`, `apiKey: …`, `"key":"…"`: the value of a secret key (quoted or one word). */
const KEY_VALUE = /(?<![\w-])([A-Za-z][\w-]*)(\\?["']?\s*[:=]\s*)(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|\\"((?:[^"\\\n]|\\[^"])*)\\"|([^\s,;&#}[\])"'\\]+))/g;
const keyValues = (text: string): string =>
  text.replace(KEY_VALUE, (all, name: string, sep: string, dq?: string, sq?: string, edq?: string, bare?: string) => {
    const value = dq ?? sq ?? edq ?? bare ?? '';
    const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : edq !== undefined ? '\\"' : '';
    const kind = secretKindOf(name);
    const hide = kind === 'secret' || (kind === 'key' && !PLAIN_IDENTIFIER.test(value));
    if (hide) return value === REDACTED ? all : `${name}${sep}${quote}${REDACTED}${quote}`;
    return `${name}${sep}${quote}${keyValues(value)}${quote}`;
  });

/** Node's `<Buffer 01 02 …>` of 16 bytes or more (a key's bytes). */
const bufferPrintouts = (text: string) => text.replace(/<Buffer(?: [0-9a-f]{2}){16,}(?: \.\.\. \d+ more bytes)?>/g, `<Buffer ${REDACTED}>`);

/** Arrays of 16+ bytes (an S2 key as `[0x1f, 0x9a, …]` or `[31, 154, …]`); a rising list of numbers (slots) stays. */
const byteArrays = (text: string) =>
  text.replace(/\[\s*(?:(?:0x[0-9a-fA-F]{1,2}|\d{1,3})\s*,\s*){15,}(?:0x[0-9a-fA-F]{1,2}|\d{1,3})\s*,?\s*\]/g, (all) => {
    const items = all.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
    const isRising = items.every((s, i) => /^\d+$/.test(s) && (i === 0 || Number(s) > Number(items[i - 1])));
    return isRising ? all : `[${REDACTED}]`;
  });

/** 32 or more hex digits in a row, with or without 0x (a Z-Wave network key, a Nuki shared key, a raw frame). */
const hexRuns = (text: string) => text.replace(/(?<![0-9A-Za-z])(0x)?[0-9a-fA-F]{32,}(?![0-9A-Za-z])/g, (_all, prefix?: string) => `${prefix ?? ''}${REDACTED}`);

/** Base64 (or base64url) blobs of 32+ characters with upper case, lower case and digits; a file path stays. */
const base64Blobs = (text: string) =>
  text.replace(/(?<![\w+/=-])[A-Za-z0-9+/_-]{32,}={0,2}(?![\w+/=-])/g, (all) => {
    const looksRandom = /[A-Z]/.test(all) && /[a-z]/.test(all) && /\d/.test(all);
    const isPath = all.split('/').filter((part) => /^[a-z][a-z-]{2,}$/.test(part)).length >= 2;
    return looksRandom && !isPath ? REDACTED : all;
  });

/**
 * Digits (4–12) within a few characters after pin/code/passcode words: `PIN 4821`, `user code: 4821`, `"pin":"4821"`,
 * `pin=4821`, `keypad code is 4821`, `user code 7: 4821` (a slot number before the PIN), `"codes":["4821","9130"]`, `pins: 4821, 9130`.
 */
const PIN_AFTER_WORD = /(?<![\p{L}\p{N}])((?:[\p{L}]+[ _-]?)??)(pin|code|passcode)(s?)(?![\p{L}\p{N}])([^\p{L}\p{N}\n[]{0,6}(?:\d{1,3}\s*[:=][^\p{L}\p{N}\n[]{0,3})?(?:(?:is|was|of|to|now)[^\p{L}\p{N}\n[]{1,3})?)(\[[^\]\n]{0,300}\]|(?<!\d)\d{4,12}(?:\s*,\s*\d{4,12})*(?!\d))/giu;
const pins = (text: string) =>
  text.replace(PIN_AFTER_WORD, (all, before: string, word: string, plural: string, gap: string, value: string) => {
    if (secretKindOf(`${before}${word}${plural}`) !== 'pin') return all;
    const hidden = value.replace(/(?<!\d)\d{4,12}(?!\d)/g, REDACTED);
    return `${before}${word}${plural}${gap}${hidden}`;
  });

const RULES: Array<(text: string) => string> = [bearerTokens, seamKeys, secretClauses, keyValues, bufferPrintouts, byteArrays, hexRuns, base64Blobs, pins];
