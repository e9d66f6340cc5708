import { describe, expect, it } from 'vitest';
import { hexToBytes as h } from './bytes';
import {
  decodeEnableLogging,
  decodeLogEntry,
  decodeLogEntryCount,
  decodeRequestLogEntries,
  encodeEnableLogging,
  encodeLogEntry,
  encodeLogEntryCount,
  encodeRequestLogEntries,
} from './log-codec';

describe('log codec', () => {
  it('lays out Request Log Entries as startIndex u32 ‖ count u16 ‖ sortOrder ‖ totalCount', () => {
    const request = { startIndex: 0x0102, count: 50, sortOrder: 'descending' as const, withTotalCount: true };
    expect(encodeRequestLogEntries(request)).toEqual(h('02010000 3200 01 01'));
    expect(decodeRequestLogEntries(h('02010000 3200 01 01'))).toEqual(request);
    expect(() => decodeRequestLogEntries(h('00'))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('reads Log Entry Count with and without the door-sensor flags', () => {
    expect(decodeLogEntryCount(h('01 E803 01 00'))).toEqual({ loggingEnabled: true, count: 1000, doorSensorEnabled: true, doorSensorLoggingEnabled: false });
    expect(decodeLogEntryCount(h('00 0500'))).toEqual({ loggingEnabled: false, count: 5 });
    expect(encodeLogEntryCount({ loggingEnabled: true, count: 1000 })).toEqual(h('01 E803 00 00'));
  });

  it('reads a keypad Log Entry: data @48 = lockAction, source, completion status, codeId', () => {
    const bytes = new Uint8Array(53);
    const v = new DataView(bytes.buffer);
    v.setUint32(0, 321, true);
    bytes.set([0xea, 0x07, 11, 30, 9, 5, 7], 4);
    v.setUint32(11, 0, true);
    bytes.set(new TextEncoder().encode('Cleaner'), 15);
    bytes[47] = 0x05;
    bytes.set([0x01, 0x01, 0xe0], 48);
    v.setUint16(51, 12, true);
    const entry = decodeLogEntry(bytes);
    expect(entry).toMatchObject({
      index: 321,
      timestamp: new Date('2026-11-30T09:05:07Z'),
      authId: 0,
      name: 'Cleaner',
      type: 5,
      keypad: { lockAction: 1, source: 1, completionStatus: 0xe0, codeId: 12 },
    });
    expect(encodeLogEntry(entry)).toEqual(bytes);
  });

  it('keeps the raw data of other entry types and refuses a short keypad entry', () => {
    const lockAction = encodeLogEntry({ index: 1, timestamp: null, authId: 2, name: 'App', type: 0x02, data: h('01020000') });
    expect(decodeLogEntry(lockAction)).toEqual({ index: 1, timestamp: null, authId: 2, name: 'App', type: 2, data: h('01020000') });
    const short = encodeLogEntry({ index: 1, timestamp: null, authId: 0, name: '', type: 0x05, data: h('0101') });
    expect(() => decodeLogEntry(short)).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('encodes Enable Logging', () => {
    expect(encodeEnableLogging(true)).toEqual(h('01'));
    expect(decodeEnableLogging(h('00'))).toBe(false);
  });
});
