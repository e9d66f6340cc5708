import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeStatus } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND, NUKI_STATUS } from '../../nuki/protocol/command-ids';
import {
  decodeKeypadCode,
  decodeKeypadCodeCount,
  decodeKeypadCodeId,
  encodeAddKeypadCode,
  encodeRemoveKeypadCode,
  encodeRequestKeypadCodes,
  encodeUpdateKeypadCode,
  type KeypadCodeSchedule,
} from '../../nuki/protocol/keypad-codes-codec';
import type { NukiTestClient } from './nuki-test-client';
import { pairedClient, startLab, TEST_PIN, type TestLab } from './nuki-test-lab';

let lab: TestLab;
let client: NukiTestClient;
const pin = { pin: TEST_PIN };

beforeEach(async () => {
  lab = await startLab();
  ({ client } = await pairedClient(lab));
});
afterEach(async () => {
  await lab.radio.close();
});

async function add(code: string, name: string, schedule: KeypadCodeSchedule | null = null) {
  const replies = await client.command(NUKI_COMMAND.ADD_KEYPAD_CODE, encodeAddKeypadCode({ code, name, schedule }), pin, NUKI_COMMAND.KEYPAD_CODE_ID);
  expect(replies.map((m) => m.commandId)).toEqual([NUKI_COMMAND.KEYPAD_CODE_ID]);
  return decodeKeypadCodeId(replies[0]!.payload);
}

async function list(offset = 0, count = 100) {
  const replies = await client.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, encodeRequestKeypadCodes({ offset, count }), pin);
  const [first, ...rest] = replies;
  const last = rest.pop()!;
  expect(first!.commandId).toBe(NUKI_COMMAND.KEYPAD_CODE_COUNT);
  expect(last.commandId).toBe(NUKI_COMMAND.STATUS);
  expect(decodeStatus(last.payload)).toBe(NUKI_STATUS.COMPLETE);
  expect(rest.every((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE && m.payload.length === 63)).toBe(true);
  return { total: decodeKeypadCodeCount(first!.payload).count, entries: rest.map((m) => decodeKeypadCode(m.payload)) };
}

describe('keypad codes on the virtual Nuki lock (nuki-ble.md §4)', () => {
  it('adds a code: Keypad Code ID only (no Status after it), ids assigned by the lock one after another', async () => {
    const first = await add('456789', 'Cleaner');
    expect(first).toEqual({ codeId: 1, dateCreated: new Date('2026-03-02T09:00:00Z') });
    await expect(client.nextEncrypted(50)).rejects.toThrow(/no message/);
    expect((await add('987654', 'Courier')).codeId).toBe(2);
  });

  it('lists Keypad Code Count, then 63-byte entries, then Status COMPLETE; offset and count page through the list', async () => {
    await add('456789', 'Cleaner');
    await add('987654', 'Courier');
    await add('314159', 'Neighbour');
    const all = await list();
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => [e.codeId, e.code, e.name, e.enabled, e.schedule])).toEqual([
      [1, '456789', 'Cleaner', true, null],
      [2, '987654', 'Courier', true, null],
      [3, '314159', 'Neighbour', true, null],
    ]);
    expect(all.entries[0]).toMatchObject({ dateCreated: new Date('2026-03-02T09:00:00Z'), dateLastActive: null, lockCount: 0 });
    const page = await list(1, 1);
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.codeId)).toEqual([2]);
  });

  it('updates the whole entry (code, name, enabled) and keeps its id and creation date', async () => {
    const { codeId } = await add('456789', 'Cleaner');
    lab.clock.advance(60_000);
    const update = encodeUpdateKeypadCode({ codeId, code: '456788', name: 'Cleaner (Mon)', enabled: false, schedule: null });
    const replies = await client.command(NUKI_COMMAND.UPDATE_KEYPAD_CODE, update, pin);
    expect(replies.map((m) => m.commandId)).toEqual([NUKI_COMMAND.STATUS]);
    expect((await list()).entries).toEqual([
      expect.objectContaining({ codeId, code: '456788', name: 'Cleaner (Mon)', enabled: false, dateCreated: new Date('2026-03-02T09:00:00Z') }),
    ]);
  });

  it('removes a code with Status COMPLETE and never hands its id out again', async () => {
    const { codeId } = await add('456789', 'Cleaner');
    const replies = await client.command(NUKI_COMMAND.REMOVE_KEYPAD_CODE, encodeRemoveKeypadCode({ codeId }), pin);
    expect(replies.map((m) => [m.commandId, m.payload[0]])).toEqual([[NUKI_COMMAND.STATUS, NUKI_STATUS.COMPLETE]]);
    expect((await list()).total).toBe(0);
    expect((await add('456789', 'Cleaner again')).codeId).toBe(codeId + 1);
  });

  it('stores a time-limited code with UTC dates and its weekday and time-of-day window, and lists it back the same', async () => {
    const schedule: KeypadCodeSchedule = {
      allowedFrom: new Date('2026-03-01T23:00:00Z'),
      allowedUntil: new Date('2026-03-31T21:59:59Z'),
      weekdays: ['mon', 'wed', 'fri'],
      fromTime: { hour: 8, minute: 30 },
      untilTime: { hour: 17, minute: 15 },
    };
    const { codeId } = await add('864297', 'Builder', schedule);
    expect((await list()).entries).toEqual([expect.objectContaining({ codeId, schedule })]);
    expect(lab.lock.lock.keypadCodes()[0]!.schedule).toEqual({
      allowedFrom: Date.parse('2026-03-01T23:00:00Z'),
      allowedUntil: Date.parse('2026-03-31T21:59:59Z'),
      weekdays: 0b0101_0100,
      fromTime: { hour: 8, minute: 30 },
      untilTime: { hour: 17, minute: 15 },
    });
  });

  it('refuses an update or removal of a code id it does not have with K_ERROR_BAD_PARAMETER', async () => {
    const update = encodeUpdateKeypadCode({ codeId: 9, code: '456789', name: 'Ghost', enabled: true, schedule: null });
    const [updated] = await client.command(NUKI_COMMAND.UPDATE_KEYPAD_CODE, update, pin);
    expect(updated).toMatchObject({ commandId: NUKI_COMMAND.ERROR_REPORT, payload: Uint8Array.of(0x23, 0x46, 0x00) });
    const [removed] = await client.command(NUKI_COMMAND.REMOVE_KEYPAD_CODE, encodeRemoveKeypadCode({ codeId: 9 }), pin);
    expect(removed).toMatchObject({ commandId: NUKI_COMMAND.ERROR_REPORT, payload: Uint8Array.of(0x23, 0x47, 0x00) });
  });
});
