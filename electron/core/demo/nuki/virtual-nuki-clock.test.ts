import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRequestData, encodeUpdateTime } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeConfig, DST_MODE, encodeSetConfig } from '../../nuki/protocol/config-codec';
import { decodeKeypadCodeId, encodeAddKeypadCode, encodeUpdateKeypadCode, type KeypadCodeSchedule } from '../../nuki/protocol/keypad-codes-codec';
import { decodeKeyturnerStates, LOCK_STATE } from '../../nuki/protocol/keyturner-codec';
import { COMPLETION_STATUS, decodeLogEntry, decodeLogEntryCount, encodeRequestLogEntries, LOG_ENTRY_TYPE } from '../../nuki/protocol/log-codec';
import type { NukiTestClient } from './nuki-test-client';
import { pairedClient, startLab, TEST_PIN, type TestLab } from './nuki-test-lab';

let lab: TestLab;
let client: NukiTestClient;
const pin = { pin: TEST_PIN };

beforeEach(async () => {
  lab = await startLab(); // the real time starts Monday 2026-03-02 09:00 UTC
  ({ client } = await pairedClient(lab));
});
afterEach(async () => {
  await lab.radio.close();
});

async function config() {
  const [reply] = await client.command(NUKI_COMMAND.REQUEST_CONFIG, new Uint8Array(0), 'challenge', NUKI_COMMAND.CONFIG);
  return decodeConfig(reply!.payload);
}

async function states() {
  const [reply] = await client.command(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES), 'none', NUKI_COMMAND.KEYTURNER_STATES);
  return decodeKeyturnerStates(reply!.payload);
}

async function setTimeZone(timezoneOffsetMinutes: number, timezoneId: number) {
  const current = await config();
  const body = encodeSetConfig(current, { timezoneOffsetMinutes, dstMode: DST_MODE.EUROPEAN, timezoneId });
  expect((await client.command(NUKI_COMMAND.SET_CONFIG, body, pin)).map((m) => m.commandId)).toEqual([NUKI_COMMAND.STATUS]);
}

async function keypadLog() {
  const request = encodeRequestLogEntries({ startIndex: 0, count: 50, sortOrder: 'ascending', withTotalCount: true });
  const [count, ...rest] = await client.command(NUKI_COMMAND.REQUEST_LOG_ENTRIES, request, pin);
  expect(rest.pop()!.commandId).toBe(NUKI_COMMAND.STATUS);
  expect(decodeLogEntryCount(count!.payload)).toMatchObject({ loggingEnabled: true, count: rest.length });
  return rest.map((m) => decodeLogEntry(m.payload)).filter((e) => e.type === LOG_ENTRY_TYPE.KEYPAD);
}

describe("the virtual Nuki lock's clock and time zone", () => {
  it('Update Time sets the clock (UTC); Config and Keyturner States read it back, and it runs on', async () => {
    lab.lock.lock.setClockOffset(-7 * 60_000); // drifted 7 minutes slow
    expect((await states()).currentTime).toEqual(new Date('2026-03-02T08:53:00Z'));
    const replies = await client.command(NUKI_COMMAND.UPDATE_TIME, encodeUpdateTime(new Date('2026-03-02T09:00:00Z')), pin);
    expect(replies.map((m) => m.commandId)).toEqual([NUKI_COMMAND.STATUS]);
    lab.clock.advance(90_000);
    expect((await states()).currentTime).toEqual(new Date('2026-03-02T09:01:30Z'));
    expect((await config()).currentTime).toEqual(new Date('2026-03-02T09:01:30Z'));
  });

  it('Set Config (whole config) changes the time zone, read back from Config and Keyturner States; configUpdateCount moves', async () => {
    const before = await config();
    expect(before).toMatchObject({ timezoneOffsetMinutes: 0, hasKeypad: true, name: 'Test door', nukiId: 0x1a2b3c4d });
    const count = (await states()).configUpdateCount!;
    await setTimeZone(60, 37);
    expect(await config()).toMatchObject({ ...before, currentTime: expect.any(Date), timezoneOffsetMinutes: 60, dstMode: DST_MODE.EUROPEAN, timezoneId: 37 });
    expect(await states()).toMatchObject({ timezoneOffsetMinutes: 60, configUpdateCount: count + 1 });
  });
});

describe('typing codes on the virtual keypad', () => {
  // Mondays and Wednesdays 08:00–10:00 lock time, 2 March to 31 March (UTC dates).
  const schedule: KeypadCodeSchedule = {
    allowedFrom: new Date('2026-03-02T00:00:00Z'),
    allowedUntil: new Date('2026-03-31T23:59:59Z'),
    weekdays: ['mon', 'wed'],
    fromTime: { hour: 8, minute: 0 },
    untilTime: { hour: 10, minute: 0 },
  };

  async function addCode(code: string, name: string, limits: KeypadCodeSchedule | null) {
    const [reply] = await client.command(NUKI_COMMAND.ADD_KEYPAD_CODE, encodeAddKeypadCode({ code, name, schedule: limits }), pin, NUKI_COMMAND.KEYPAD_CODE_ID);
    return decodeKeypadCodeId(reply!.payload).codeId;
  }

  it('opens for a code inside its window and logs success with its codeId; outside it logs 0xE0', async () => {
    const codeId = await addCode('864297', 'Builder', schedule);
    expect(lab.lock.simulateKeypadEntry('864297')).toEqual({ unlocked: true, codeId }); // Monday 09:00
    lab.clock.set('2026-03-03T09:00:00Z'); // Tuesday
    expect(lab.lock.simulateKeypadEntry('864297')).toEqual({ unlocked: false, codeId });
    lab.clock.set('2026-03-04T10:00:00Z'); // Wednesday, the window has just closed
    expect(lab.lock.simulateKeypadEntry('864297').unlocked).toBe(false);
    lab.clock.set('2026-04-06T09:00:00Z'); // a Monday after allowedUntil
    expect(lab.lock.simulateKeypadEntry('864297').unlocked).toBe(false);
    expect(lab.lock.simulateKeypadEntry('999999')).toEqual({ unlocked: false, codeId: null });

    const log = await keypadLog();
    expect(log.map((e) => [e.keypad!.completionStatus, e.keypad!.codeId, e.name])).toEqual([
      [COMPLETION_STATUS.SUCCESS, codeId, 'Builder'],
      [COMPLETION_STATUS.INVALID_CODE, codeId, 'Builder'],
      [COMPLETION_STATUS.INVALID_CODE, codeId, 'Builder'],
      [COMPLETION_STATUS.INVALID_CODE, codeId, 'Builder'],
      [COMPLETION_STATUS.INVALID_CODE, 0, ''],
    ]);
    expect(log[0]!.timestamp).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(lab.lock.lock.keypadCodes()[0]).toMatchObject({ lockCount: 1, dateLastActive: Date.parse('2026-03-02T09:00:00Z') });
  });

  it('reads the weekday and the time of day in the lock local time (clock + tzOffset), the dates in UTC', async () => {
    await addCode('864297', 'Builder', schedule);
    lab.clock.set('2026-03-02T07:30:00Z'); // 07:30 UTC: outside 08:00–10:00 at UTC+0 …
    expect(lab.lock.simulateKeypadEntry('864297').unlocked).toBe(false);
    await setTimeZone(60, 37); // … inside at UTC+1 (08:30 lock time)
    expect(lab.lock.simulateKeypadEntry('864297').unlocked).toBe(true);
    lab.clock.set('2026-03-03T23:30:00Z'); // Tuesday 23:30 UTC is Wednesday 00:30 at UTC+1: right day, wrong hour
    expect(lab.lock.simulateKeypadEntry('864297').unlocked).toBe(false);
  });

  it('refuses a disabled code, and opens for a code without limits at any time', async () => {
    const codeId = await addCode('456789', 'Family', null);
    lab.clock.set('2026-03-07T03:12:00Z'); // Saturday night
    expect(lab.lock.simulateKeypadEntry('456789').unlocked).toBe(true);
    expect((await states()).lockState).toBe(LOCK_STATE.UNLOCKED);
    const disable = encodeUpdateKeypadCode({ codeId, code: '456789', name: 'Family', enabled: false, schedule: null });
    await client.command(NUKI_COMMAND.UPDATE_KEYPAD_CODE, disable, pin);
    expect(lab.lock.simulateKeypadEntry('456789')).toEqual({ unlocked: false, codeId });
  });
});
