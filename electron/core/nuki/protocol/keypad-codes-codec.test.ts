import { describe, expect, it } from 'vitest';
import { ByteWriter, hexToBytes as h } from './bytes';
import {
  decodeAddKeypadCode,
  decodeKeypadCode,
  decodeKeypadCodeCount,
  decodeKeypadCodeId,
  decodeRemoveKeypadCode,
  decodeRequestKeypadCodes,
  decodeUpdateKeypadCode,
  encodeAddKeypadCode,
  encodeKeypadCode,
  encodeKeypadCodeCount,
  encodeKeypadCodeId,
  encodeRemoveKeypadCode,
  encodeRequestKeypadCodes,
  encodeUpdateKeypadCode,
  type KeypadCodeEntry,
  type KeypadCodeSchedule,
} from './keypad-codes-codec';

const NAME = 'Cleaner';
const nameBytes = (s: string): Uint8Array => {
  const out = new Uint8Array(20);
  out.set(new TextEncoder().encode(s));
  return out;
};
// 2026-01-05 10:00:00 and 2026-02-28 18:30:00 UTC
const FROM = h('EA0701050A0000');
const UNTIL = h('EA07021C121E00');
const schedule: KeypadCodeSchedule = {
  allowedFrom: new Date('2026-01-05T10:00:00Z'),
  allowedUntil: new Date('2026-02-28T18:30:00Z'),
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  fromTime: { hour: 8, minute: 0 },
  untilTime: { hour: 17, minute: 45 },
};
const scheduleBytes = Uint8Array.from([1, ...FROM, ...UNTIL, 0x7c, 8, 0, 17, 45]);
const unlimitedBytes = new Uint8Array(20); // timeLimited 0 + 19 zero bytes

describe('Add Keypad Code', () => {
  it('lays out code u32 @0, name[20] @4, timeLimited @24, from @25, until @32, weekdays @39, times @40/@42', () => {
    const expected = new ByteWriter().u32(482913).bytes(nameBytes(NAME)).bytes(scheduleBytes).toBytes();
    expect(expected).toHaveLength(44);
    expect(encodeAddKeypadCode({ code: '482913', name: NAME, schedule })).toEqual(expected);
    expect(expected[24]).toBe(1);
    expect(expected[39]).toBe(0x7c);
    expect(decodeAddKeypadCode(expected)).toEqual({ code: '482913', name: NAME, schedule });
  });

  it('zero-fills the time block of a code that is always allowed', () => {
    const bytes = encodeAddKeypadCode({ code: '123456', name: 'Ö-Tür', schedule: null });
    expect(bytes.subarray(24)).toEqual(unlimitedBytes);
    expect(decodeAddKeypadCode(bytes)).toEqual({ code: '123456', name: 'Ö-Tür', schedule: null });
  });

  it('refuses a PIN that is not 6 digits and a name over 20 bytes, without echoing the PIN', () => {
    for (const code of ['12345', '1234567', '12a456', ' 12345', '-12345']) {
      expect(() => encodeAddKeypadCode({ code, name: NAME, schedule: null })).toThrow(
        expect.objectContaining({ code: 'codes.constraint_violated', message: expect.not.stringContaining(code.trim()) }),
      );
    }
    expect(() => encodeAddKeypadCode({ code: '123456', name: 'ü'.repeat(11), schedule: null })).toThrow(
      expect.objectContaining({ code: 'codes.constraint_violated' }),
    );
  });

  it('keeps a leading zero through the u32', () => {
    const bytes = encodeAddKeypadCode({ code: '012345', name: '', schedule: null });
    expect(bytes.subarray(0, 4)).toEqual(h('39300000'));
    expect(decodeAddKeypadCode(bytes).code).toBe('012345');
  });
});

describe('Update / Remove / Request', () => {
  it('lays out Update as codeId @0, code @2, name @6, enabled @26, timeLimited @27 … (47 B)', () => {
    const expected = new ByteWriter().u16(0x0105).u32(987654).bytes(nameBytes(NAME)).u8(0).bytes(scheduleBytes).toBytes();
    expect(expected).toHaveLength(47);
    const value = { codeId: 0x0105, code: '987654', name: NAME, enabled: false, schedule };
    expect(encodeUpdateKeypadCode(value)).toEqual(expected);
    expect(decodeUpdateKeypadCode(expected)).toEqual(value);
  });

  it('encodes Remove, Request Keypad Codes, Code ID and Count', () => {
    expect(encodeRemoveKeypadCode({ codeId: 0x0203 })).toEqual(h('0302'));
    expect(decodeRemoveKeypadCode(h('0302'))).toEqual({ codeId: 0x0203 });
    expect(encodeRequestKeypadCodes({ offset: 0, count: 100 })).toEqual(h('0000 6400'));
    expect(decodeRequestKeypadCodes(h('0A00 1400'))).toEqual({ offset: 10, count: 20 });
    expect(decodeKeypadCodeId(h('0700 E0070307080F1E'))).toEqual({ codeId: 7, dateCreated: new Date('2016-03-07T08:15:30Z') });
    expect(encodeKeypadCodeId({ codeId: 7, dateCreated: new Date('2016-03-07T08:15:30Z') })).toEqual(h('0700 E0070307080F1E'));
    expect(encodeKeypadCodeCount({ count: 3 })).toEqual(h('0300'));
    expect(decodeKeypadCodeCount(h('6300'))).toEqual({ count: 99 });
  });

  it('refuses bodies of the wrong length', () => {
    expect(() => decodeAddKeypadCode(new Uint8Array(43))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
    expect(() => decodeUpdateKeypadCode(new Uint8Array(48))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });
});

describe('Keypad Code entry', () => {
  const head = (timeLimited: number): Uint8Array =>
    new ByteWriter()
      .u16(12)
      .u32(654321)
      .bytes(nameBytes('Guest 12'))
      .u8(1)
      .bytes(FROM) // dateCreated @27
      .bytes(new Uint8Array(7)) // dateLastActive @34: never
      .u16(3) // lockCount @41
      .u8(timeLimited) // @43
      .toBytes();
  const base: Omit<KeypadCodeEntry, 'schedule'> = {
    codeId: 12,
    code: '654321',
    name: 'Guest 12',
    enabled: true,
    dateCreated: new Date('2026-01-05T10:00:00Z'),
    dateLastActive: null,
    lockCount: 3,
  };

  it('reads the 44-byte entry (PDF: no time block when not time-limited)', () => {
    const bytes = head(0);
    expect(bytes).toHaveLength(44);
    expect(decodeKeypadCode(bytes)).toEqual({ ...base, schedule: null });
    expect(encodeKeypadCode({ ...base, schedule: null }, 'compact')).toEqual(bytes);
  });

  it('reads the 63-byte entry with its time block @44', () => {
    const bytes = Uint8Array.from([...head(1), ...scheduleBytes.subarray(1)]);
    expect(bytes).toHaveLength(63);
    expect(bytes[58]).toBe(0x7c);
    expect(decodeKeypadCode(bytes)).toEqual({ ...base, schedule });
    expect(encodeKeypadCode({ ...base, schedule })).toEqual(bytes);
  });

  it('reads a 63-byte entry that is not time-limited (ESP32 / pyNukiBT layout) and writes it by default', () => {
    const bytes = Uint8Array.from([...head(0), ...new Uint8Array(19)]);
    expect(decodeKeypadCode(bytes)).toEqual({ ...base, schedule: null });
    expect(encodeKeypadCode({ ...base, schedule: null })).toEqual(bytes);
  });

  it('reads weekday mask 0 as every day and refuses odd lengths', () => {
    const bytes = Uint8Array.from([...head(1), ...scheduleBytes.subarray(1)]);
    bytes[58] = 0;
    expect(decodeKeypadCode(bytes).schedule?.weekdays).toHaveLength(7);
    expect(() => decodeKeypadCode(new Uint8Array(50))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });
});
