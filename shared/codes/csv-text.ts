/**
 * The text of a CSV file picked by the installer, from its bytes. Spreadsheets save CSV in more than one encoding:
 *
 *   UTF-16 with BOM (Excel "Unicode text") ─▶ UTF-16
 *   valid UTF-8 (with or without BOM)      ─▶ UTF-8, BOM dropped
 *   anything else (Excel "CSV" on Windows) ─▶ windows-1252, so "Müller" stays "Müller" instead of "M�ller"
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return withoutBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * windows-1252 by hand: Node's TextDecoder reads the label as ISO-8859-1 (0x80 becomes a control character, not €),
 * Chromium's does not; this gives the same text in both. Bytes 0x80–0x9F follow the code page, the rest are Latin-1.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function withoutBom(text: string): string {
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
