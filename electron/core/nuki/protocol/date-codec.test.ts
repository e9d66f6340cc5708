import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes as h } from './bytes';
import { decodeDateTime, decodeTimeOfDay, decodeWeekdays, encodeDateTime, encodeTimeOfDay, encodeWeekdays } from './date-codec';

describe('date codec', () => {
  it('reads the PDF Keyturner time E0 07 03 07 08 0F 1E as 2016-03-07 08:15:30 UTC', () => {
    expect(decodeDateTime(h('E0070307080F1E'))?.toISOString()).toBe('2016-03-07T08:15:30.000Z');
    expect(decodeDateTime(h('FFFF E0070307080F1E'), 2)?.toISOString()).toBe('2016-03-07T08:15:30.000Z');
  });

  it('writes UTC, little-endian year, no milliseconds', () => {
    expect(bytesToHex(encodeDateTime(new Date('2026-12-31T23:59:58.900Z')))).toBe('EA070C1F173B3A');
  });

  it('maps all-zero to null and back', () => {
    expect(decodeDateTime(new Uint8Array(7))).toBeNull();
    expect(encodeDateTime(null)).toEqual(new Uint8Array(7));
  });

  it('refuses impossible fields and short input', () => {
    expect(() => decodeDateTime(h('E0070D07080F1E'))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => decodeDateTime(h('E007'))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => encodeDateTime(new Date(NaN))).toThrow();
  });

  it('round-trips a time of day and checks its range', () => {
    expect(encodeTimeOfDay({ hour: 7, minute: 30 })).toEqual(h('071E'));
    expect(decodeTimeOfDay(h('171E'))).toEqual({ hour: 23, minute: 30 });
    expect(() => encodeTimeOfDay({ hour: 24, minute: 0 })).toThrow(expect.objectContaining({ code: 'codes.invalid_window' }));
    expect(() => decodeTimeOfDay(h('1860'))).toThrow();
  });

  it('uses bit6 = Monday … bit0 = Sunday, 0 = every day', () => {
    expect(encodeWeekdays(['mon'])).toBe(0x40);
    expect(encodeWeekdays(['sun'])).toBe(0x01);
    expect(encodeWeekdays(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe(0x7c);
    expect(decodeWeekdays(0x03)).toEqual(['sat', 'sun']);
    expect(decodeWeekdays(0)).toHaveLength(7);
    expect(decodeWeekdays(0x7f)).toHaveLength(7);
    expect(decodeWeekdays(encodeWeekdays(['tue', 'fri']))).toEqual(['tue', 'fri']);
    expect(() => encodeWeekdays([])).toThrow(expect.objectContaining({ code: 'codes.invalid_window' }));
  });
});
