import { afterEach, describe, expect, it } from 'vitest';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeLogEntry, encodeEnableLogging, encodeRequestLogEntries, LOG_ENTRY_TYPE, type LogEntriesRequest } from '../../nuki/protocol/log-codec';
import { createFactoryMemory } from './demo-nuki-locks';
import { appendLogEntry, selectLogEntries } from './nuki-lock-log';
import { LOG_CAPACITY } from './nuki-lock-state';
import { createTestClock, pairedClient, startLab, TEST_PIN, testSpec, type TestLab } from './nuki-test-lab';

const request = (startIndex: number, count: number, sortOrder: LogEntriesRequest['sortOrder']): LogEntriesRequest => ({
  startIndex,
  count,
  sortOrder,
  withTotalCount: false,
});

describe("the virtual Nuki lock's log", () => {
  const memory = createFactoryMemory(testSpec(), createTestClock().now);
  for (let i = 0; i < LOG_CAPACITY + 5; i++) appendLogEntry(memory, { timestamp: i * 1000, authId: 0, name: '', type: LOG_ENTRY_TYPE.KEYPAD, data: new Uint8Array(5) });

  it('keeps the last 1000 entries, indexes counting on from 1', () => {
    expect(memory.log).toHaveLength(LOG_CAPACITY);
    expect(memory.log[0]!.index).toBe(6);
    expect(memory.log.at(-1)!.index).toBe(LOG_CAPACITY + 5);
  });

  it('returns the entries after startIndex in the asked order; startIndex 0 starts at the oldest or newest end', () => {
    expect(selectLogEntries(memory.log, request(0, 2, 'ascending')).map((e) => e.index)).toEqual([6, 7]);
    expect(selectLogEntries(memory.log, request(0, 2, 'descending')).map((e) => e.index)).toEqual([1005, 1004]);
    expect(selectLogEntries(memory.log, request(500, 2, 'ascending')).map((e) => e.index)).toEqual([501, 502]);
    expect(selectLogEntries(memory.log, request(500, 2, 'descending')).map((e) => e.index)).toEqual([499, 498]);
  });
});

describe('Enable Logging over the protocol', () => {
  let lab: TestLab;
  afterEach(async () => {
    await lab.radio.close();
  });

  it('turns logging off (logged as a logging entry) and keypad entries are no longer logged', async () => {
    lab = await startLab();
    const { client } = await pairedClient(lab, 'Installer');
    lab.lock.simulateKeypadEntry('999999');
    const replies = await client.command(NUKI_COMMAND.ENABLE_LOGGING, encodeEnableLogging(false), { pin: TEST_PIN });
    expect(replies.map((m) => m.commandId)).toEqual([NUKI_COMMAND.STATUS]);
    lab.lock.simulateKeypadEntry('999998');
    const listed = await client.command(NUKI_COMMAND.REQUEST_LOG_ENTRIES, encodeRequestLogEntries(request(0, 10, 'ascending')), { pin: TEST_PIN });
    const entries = listed.filter((m) => m.commandId === NUKI_COMMAND.LOG_ENTRY).map((m) => decodeLogEntry(m.payload));
    expect(entries.map((e) => [e.index, e.type, e.name])).toEqual([
      [1, LOG_ENTRY_TYPE.KEYPAD, ''],
      [2, LOG_ENTRY_TYPE.LOGGING, 'Installer'],
    ]);
    expect(entries[1]!.data).toEqual(Uint8Array.of(0));
  });
});
