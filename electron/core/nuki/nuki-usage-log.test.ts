import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../shared/result';
import type { NukiClient } from './client/nuki-client';
import { COMPLETION_STATUS, KEYPAD_SOURCE, LOG_ENTRY_TYPE, type LogEntry } from './protocol/log-codec';
import { createKeypadUsageLog, keypadUseOf, type KeypadUse } from './nuki-usage-log';

const AT = new Date('2025-06-02T09:00:00Z');
const NOW = new Date('2025-06-02T10:00:00Z');

function keypadEntry(index: number, codeId: number, over: Partial<NonNullable<LogEntry['keypad']>> = {}): LogEntry {
  return {
    index, timestamp: AT, authId: 0, name: '', type: LOG_ENTRY_TYPE.KEYPAD, data: new Uint8Array(5),
    keypad: { lockAction: 1, source: KEYPAD_SOURCE.CODE, completionStatus: COMPLETION_STATUS.SUCCESS, codeId, ...over },
  };
}
const otherEntry = (index: number): LogEntry => ({ index, timestamp: AT, authId: 3, name: 'App', type: LOG_ENTRY_TYPE.LOCK_ACTION, data: new Uint8Array(0) });

/** A log that answers like the lock: entries after `sinceIndex`, `count` at most. */
function logClient(entries: LogEntry[], failAt: Set<number> = new Set()) {
  const asked: Array<{ sinceIndex: number; count: number; newest?: boolean }> = [];
  const client = {
    readLogEntries: async (request: { sinceIndex: number; count: number; newest?: boolean }) => {
      asked.push(request);
      if (failAt.has(asked.length)) throw new CodedError('lock.connection_lost', 'gone');
      if (request.newest) return entries.slice(-request.count);
      return entries.filter((e) => e.index > request.sinceIndex).slice(0, request.count);
    },
  } as unknown as NukiClient;
  return { client, asked };
}

describe('keypadUseOf', () => {
  it('takes keypad codes that opened, nothing else', () => {
    expect(keypadUseOf(keypadEntry(1, 4), NOW)).toEqual({ codeId: 4, at: AT });
    expect(keypadUseOf({ ...keypadEntry(1, 4), timestamp: null }, NOW)).toEqual({ codeId: 4, at: NOW });
    expect(keypadUseOf(keypadEntry(1, 4, { completionStatus: COMPLETION_STATUS.INVALID_CODE }), NOW)).toBeNull();
    expect(keypadUseOf(keypadEntry(1, 4, { source: KEYPAD_SOURCE.ARROW_KEY }), NOW)).toBeNull();
    expect(keypadUseOf(otherEntry(1), NOW)).toBeNull();
  });
});

describe('createKeypadUsageLog', () => {
  it('reads only the newest page on a first contact, then page by page from the last index, each use once', async () => {
    const entries = [keypadEntry(1, 9), keypadEntry(2, 3), otherEntry(3), keypadEntry(4, 4)];
    const { client, asked } = logClient(entries);
    const log = createKeypadUsageLog({ now: () => NOW, pageSize: 3 });
    const uses: Array<[string, KeypadUse]> = [];
    log.onUse((address, use) => uses.push([address, use]));
    await log.readNew('L1', client);
    // One command however long the log: the newest page (entry 1, older, is history and not reported).
    expect(asked).toEqual([{ sinceIndex: 0, count: 3, newest: true }]);
    expect(uses).toEqual([
      ['L1', { codeId: 3, at: AT }],
      ['L1', { codeId: 4, at: AT }],
    ]);
    expect(log.lastIndex('L1')).toBe(4);
    entries.push(keypadEntry(5, 3), otherEntry(6), keypadEntry(7, 5, { completionStatus: COMPLETION_STATUS.INVALID_CODE }), keypadEntry(8, 6));
    await log.readNew('L1', client);
    expect(asked.slice(1).map((a) => [a.sinceIndex, a.newest ?? false])).toEqual([[4, false], [7, false]]);
    expect(uses.map(([, u]) => u.codeId)).toEqual([3, 4, 3, 6]);
    expect(log.lastIndex('L1')).toBe(8);
    expect(log.lastIndex('L2')).toBe(0);
  });

  it('starts from an index kept from an earlier run, and keeps what it read when the lock stops answering', async () => {
    const { client } = logClient([keypadEntry(7, 1), keypadEntry(8, 2), keypadEntry(9, 3)], new Set([2]));
    const log = createKeypadUsageLog({ now: () => NOW, pageSize: 1, startIndexes: { L1: 7 } });
    const uses: number[] = [];
    log.onUse((_address, use) => uses.push(use.codeId));
    await log.readNew('L1', client);
    expect(uses).toEqual([2]);
    expect(log.lastIndex('L1')).toBe(8);
    await log.readNew('L1', client);
    expect(uses).toEqual([2, 3]);
  });
});
