import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../protocol/bytes';
import { NUKI_COMMAND } from '../protocol/command-ids';
import {
  decodeAddKeypadCode,
  decodeRemoveKeypadCode,
  decodeRequestKeypadCodes,
  decodeUpdateKeypadCode,
  encodeKeypadCode,
  encodeKeypadCodeCount,
  encodeKeypadCodeId,
} from '../protocol/keypad-codes-codec';
import { encodeKeyturnerStates } from '../protocol/keyturner-codec';
import { NUKI_ERROR } from '../protocol/nuki-errors';
import { encodeEncryptedFrame } from '../protocol/frames';
import { AUTH_ID, REPLY_TIMEOUT_MS, SAMPLE_CODES, SECURITY_PIN, SHARED_KEY, startScriptedClient } from './client-fixtures';
import { settle } from './fake-ble-link';
import { complete, errorReport } from './scripted-nuki-lock';

const newCode = { code: '356712', name: 'Guest', schedule: null };
const codeIdReply = (codeId: number) => ({ commandId: NUKI_COMMAND.KEYPAD_CODE_ID, payload: encodeKeypadCodeId({ codeId, dateCreated: new Date('2025-06-01T12:00:00Z') }) });
const statesReply = {
  commandId: NUKI_COMMAND.KEYTURNER_STATES,
  payload: encodeKeyturnerStates({ nukiState: 2, lockState: 1, trigger: 0, currentTime: null, timezoneOffsetMinutes: 0, battery: { percent: 60, isCritical: false, isCharging: false } }),
};

describe('nuki client: keypad codes', () => {
  it('lists codes page by page until the total, reading both entry lengths', async () => {
    const { lock, client } = await startScriptedClient({ pageSize: 2 });
    lock.respond = (c) => {
      const { offset, count } = decodeRequestKeypadCodes(c.body);
      const page = SAMPLE_CODES.slice(offset, offset + count).map((e) => encodeKeypadCode(e, e.codeId === 1 ? 'compact' : 'full'));
      const total = { commandId: NUKI_COMMAND.KEYPAD_CODE_COUNT, payload: encodeKeypadCodeCount({ count: SAMPLE_CODES.length }) };
      return [total, ...page.map((payload) => ({ commandId: NUKI_COMMAND.KEYPAD_CODE, payload })), complete()];
    };
    await expect(client.listKeypadCodes()).resolves.toEqual(SAMPLE_CODES);
    expect(lock.commands.map((c) => decodeRequestKeypadCodes(c.body))).toEqual([
      { offset: 0, count: 2 },
      { offset: 2, count: 2 },
    ]);
    expect(lock.commands.every((c) => c.securityPin === SECURITY_PIN)).toBe(true);
    expect(client.commandsSent()).toBe(2);
  });

  it('lists an empty lock in one command', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = () => [{ commandId: NUKI_COMMAND.KEYPAD_CODE_COUNT, payload: encodeKeypadCodeCount({ count: 0 }) }, complete()];
    await expect(client.listKeypadCodes()).resolves.toEqual([]);
    expect(client.commandsSent()).toBe(1);
  });

  it('adds a code, ending at Keypad Code ID without a Status, and the next command runs at once', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = (c) => (c.commandId === NUKI_COMMAND.ADD_KEYPAD_CODE ? [codeIdReply(9)] : [complete()]);
    await expect(client.addKeypadCode(newCode)).resolves.toEqual({ codeId: 9 });
    expect(decodeAddKeypadCode(lock.commands[0]!.body)).toEqual(newCode);
    await client.removeKeypadCode(9);
    expect(decodeRemoveKeypadCode(lock.commands[1]!.body)).toEqual({ codeId: 9 });
  });

  it('updates a code with the whole entry', async () => {
    const { lock, client } = await startScriptedClient();
    const { codeId, code, name, enabled, schedule } = SAMPLE_CODES[1]!;
    await client.updateKeypadCode({ codeId, code, name, enabled: !enabled, schedule });
    expect(decodeUpdateKeypadCode(lock.commands[0]!.body)).toEqual({ codeId, code, name, enabled: !enabled, schedule });
  });

  it.each([
    ['a duplicate code', NUKI_ERROR.CODE_ALREADY_EXISTS, 'lock.duplicate_code'],
    ['a full lock', NUKI_ERROR.TOO_MANY_ENTRIES, 'lock.full'],
    ['a wrong security PIN', NUKI_ERROR.BAD_PIN, 'lock.bad_security_pin'],
  ])('maps the Error Report for %s', async (_name, errorCode, code) => {
    const { lock, client } = await startScriptedClient();
    lock.respond = (c) => [errorReport(errorCode, c.commandId)];
    await expect(client.addKeypadCode(newCode)).rejects.toMatchObject({ code });
  });

  it('maps K_ERROR_BAD_PIN on Verify Security PIN to lock.bad_security_pin', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = () => [errorReport(NUKI_ERROR.BAD_PIN, NUKI_COMMAND.VERIFY_SECURITY_PIN)];
    await expect(client.verifySecurityPin()).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
  });
});

describe('nuki client: failures and ordering', () => {
  it('gives lock.no_answer when the lock stays silent past the reply deadline', async () => {
    const { lock, clock, client } = await startScriptedClient();
    lock.respond = () => undefined;
    const adding = client.addKeypadCode(newCode);
    await settle();
    clock.advance(REPLY_TIMEOUT_MS);
    await expect(adding).rejects.toMatchObject({ code: 'lock.no_answer' });
  });

  it('gives lock.connection_lost when the link drops mid-command, and for the commands queued behind it', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = () => lock.link.drop('out of range');
    const adding = client.addKeypadCode(newCode);
    const listing = client.listKeypadCodes();
    await expect(adding).rejects.toMatchObject({ code: 'lock.connection_lost' });
    await expect(listing).rejects.toMatchObject({ code: 'lock.connection_lost' });
  });

  it('runs concurrent calls strictly one after another (the lock answers in order)', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = (c) => (c.commandId === NUKI_COMMAND.ADD_KEYPAD_CODE ? [codeIdReply(3)] : c.commandId === NUKI_COMMAND.REQUEST_DATA ? [statesReply] : [complete()]);
    const [states, added] = await Promise.all([client.readStates(), client.addKeypadCode(newCode), client.removeKeypadCode(2)]);
    expect(states.batteryPercent).toBe(60);
    expect(added).toEqual({ codeId: 3 });
    expect(lock.frames.map((f) => [f.commandId, f.commandId === NUKI_COMMAND.REQUEST_DATA ? bytesToHex(f.payload) : ''])).toEqual([
      [NUKI_COMMAND.REQUEST_DATA, '0C00'],
      [NUKI_COMMAND.REQUEST_DATA, '0400'],
      [NUKI_COMMAND.ADD_KEYPAD_CODE, ''],
      [NUKI_COMMAND.REQUEST_DATA, '0400'],
      [NUKI_COMMAND.REMOVE_KEYPAD_CODE, ''],
    ]);
    expect(client.commandsSent()).toBe(3);
  });

  it('never puts the security PIN or key bytes in an error message or its details', async () => {
    const { lock, clock, client } = await startScriptedClient();
    const errors: unknown[] = [];
    const keep = (p: Promise<unknown>) => p.then(() => expect.fail('should fail'), (e: unknown) => errors.push(e));
    for (const errorCode of [NUKI_ERROR.BAD_PIN, NUKI_ERROR.TOO_MANY_PIN_ATTEMPTS, NUKI_ERROR.CODE_ALREADY_EXISTS, NUKI_ERROR.BAD_NONCE]) {
      lock.respond = (c) => [errorReport(errorCode, c.commandId)];
      await keep(client.verifySecurityPin());
    }
    lock.respond = () => void lock.sendRaw(encodeEncryptedFrame(statesReply, { key: new Uint8Array(32).fill(1), authId: AUTH_ID, nonce: new Uint8Array(24) }));
    await keep(client.updateTime(new Date()));
    lock.respond = () => undefined;
    const silent = keep(client.enableLogging());
    await settle();
    clock.advance(REPLY_TIMEOUT_MS);
    await silent;
    expect(errors).toHaveLength(6);
    const keyHex = bytesToHex(SHARED_KEY);
    for (const error of errors) {
      const text = JSON.stringify({ message: (error as Error).message, details: (error as { details?: unknown }).details });
      expect(text).not.toContain(String(SECURITY_PIN));
      expect(text.toUpperCase()).not.toContain(keyHex.slice(0, 12));
    }
  });
});
