import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes as h } from './bytes';
import { appendCrc, crc16, hasValidCrc } from './crc';
import { PDF_EXAMPLE as PDF } from './pdf-example';

describe('crc16 (CCITT-FALSE)', () => {
  it('has the catalogue check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });

  it('gives 27 A7 (little-endian) for Request Data(Public Key)', () => {
    expect(bytesToHex(appendCrc(h('01000300')))).toBe('0100030027A7');
  });

  it('matches every CRC in the official example', () => {
    for (const hex of [
      PDF.clientPublicKeyMessage,
      PDF.challenge1Message,
      PDF.challenge2Message,
      PDF.authenticatorMessage,
      PDF.authorizationDataMessage,
      PDF.authorizationIdChunks.join(''),
      PDF.authorizationIdConfirmationMessage,
      PDF.statusCompleteMessage,
      PDF.requestKeyturnerPdata,
      PDF.lockActionPdata,
      PDF.statusAcceptedPdata,
      PDF.statusCompletePdata,
    ]) {
      expect(hasValidCrc(h(hex)), hex).toBe(true);
    }
    expect(bytesToHex(appendCrc(h('0E0000')))).toBe('0E00009DD7');
    expect(bytesToHex(appendCrc(h(PDF.lockActionPdata).slice(0, -2))).slice(-4)).toBe('CACF');
  });

  it('refuses a changed byte or a too-short frame', () => {
    const frame = h(PDF.statusCompleteMessage);
    frame[2] = 1;
    expect(hasValidCrc(frame)).toBe(false);
    expect(hasValidCrc(new Uint8Array([1]))).toBe(false);
  });
});
