import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './csv-text';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 and drops its BOM', () => {
    expect(decodeCsvBytes(utf8('\ufeffunit;name;pin\n1.02;Müller;1234'))).toBe('unit;name;pin\n1.02;Müller;1234');
    expect(decodeCsvBytes(utf8('unit,name,pin'))).toBe('unit,name,pin');
  });

  it('reads a file Excel saved in windows-1252 (not valid UTF-8)', () => {
    // "Müller;Café €“”" in windows-1252: ü = FC, é = E9, € = 80, “ = 93, ” = 94.
    const bytes = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x93, 0x94]);
    expect(decodeCsvBytes(bytes)).toBe('Müller;Café €“”');
  });

  it('reads UTF-16 with its BOM (Excel "Unicode text")', () => {
    const text = 'unit\tname\n1\tMüller';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(decodeCsvBytes(bytes)).toBe(text);
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toBe('');
  });
});
