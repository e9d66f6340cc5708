import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../protocol/bytes';
import { NUKI_COMMAND } from '../protocol/command-ids';
import { decodeSetConfig, encodeConfig } from '../protocol/config-codec';
import { encodeKeyturnerStates } from '../protocol/keyturner-codec';
import { decodeRequestLogEntries, encodeLogEntry, encodeLogEntryCount, LOG_ENTRY_TYPE } from '../protocol/log-codec';
import { createNukiClient } from './nuki-client';
import { createNukiSession } from './nuki-session';
import { SAMPLE_CONFIG, SECURITY_PIN, startScriptedClient } from './client-fixtures';
import { complete } from './scripted-nuki-lock';
import type { NukiChannel } from './nuki-channel';

const configReply = { commandId: NUKI_COMMAND.CONFIG, payload: encodeConfig(SAMPLE_CONFIG) };

describe('nuki client: states, config, time, logs', () => {
  it('reads battery, keypad battery, lock time and offset from Keyturner States with one plain request', async () => {
    const { lock, client } = await startScriptedClient();
    const battery = { percent: 42, isCritical: true, isCharging: false };
    const accessoryBattery = { isKeypadBatterySupported: true, isKeypadBatteryCritical: true, isDoorSensorBatterySupported: false, isDoorSensorBatteryCritical: false };
    const states = { nukiState: 2, lockState: 1, trigger: 0, currentTime: new Date('2025-06-01T11:59:58Z'), timezoneOffsetMinutes: 120, battery, accessoryBattery };
    lock.respond = () => [{ commandId: NUKI_COMMAND.KEYTURNER_STATES, payload: encodeKeyturnerStates(states) }];
    await expect(client.readStates()).resolves.toEqual({
      batteryPercent: 42,
      isBatteryCritical: true,
      isKeypadBatteryCritical: true,
      lockTime: new Date('2025-06-01T11:59:58Z'),
      tzOffsetMinutes: 120,
      nukiState: 2,
      lockState: 1,
    });
    expect(lock.challenges).toHaveLength(0);
    expect(client.commandsSent()).toBe(1);
  });

  it('reports no keypad battery state when an older lock sends the short Keyturner States', async () => {
    const { lock, client } = await startScriptedClient();
    const states = { nukiState: 2, lockState: 3, trigger: 0, currentTime: null, timezoneOffsetMinutes: 0, battery: { percent: 80, isCritical: false, isCharging: false } };
    lock.respond = () => [{ commandId: NUKI_COMMAND.KEYTURNER_STATES, payload: encodeKeyturnerStates(states) }];
    await expect(client.readStates()).resolves.toMatchObject({ isKeypadBatteryCritical: null, lockTime: null, batteryPercent: 80 });
  });

  it('reads the config with a challenge and no PIN', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = () => [configReply];
    await expect(client.readConfig()).resolves.toMatchObject({ nukiId: 0x3c8862ed, name: 'Front door', timezoneId: 40, hasKeypad: true });
    expect(lock.commands).toEqual([{ commandId: NUKI_COMMAND.REQUEST_CONFIG, body: new Uint8Array(0), challenge: lock.challenges[0] }]);
  });

  it('sets the time zone by reading the config and writing it back whole (two commands)', async () => {
    const { lock, client } = await startScriptedClient();
    lock.respond = (c) => (c.commandId === NUKI_COMMAND.REQUEST_CONFIG ? [configReply] : [complete()]);
    await client.setTimeZone({ tzOffsetMinutes: -300, dstMode: 0, timezoneId: 12 });
    expect(lock.commands.map((c) => c.commandId)).toEqual([NUKI_COMMAND.REQUEST_CONFIG, NUKI_COMMAND.SET_CONFIG]);
    const written = decodeSetConfig(lock.commands[1]!.body);
    expect(written).toMatchObject({ name: 'Front door', ledBrightness: 3, fobActions: [1, 2, 3], pairingEnabled: true });
    expect(written).toMatchObject({ timezoneOffsetMinutes: -300, dstMode: 0, timezoneId: 12 });
    expect(lock.commands[1]!.securityPin).toBe(SECURITY_PIN);
    expect(client.commandsSent()).toBe(2);
  });

  it('updates the time in UTC and verifies the security PIN, each one command with nK and PIN', async () => {
    const { lock, client } = await startScriptedClient();
    await client.updateTime(new Date('2025-01-02T03:04:05Z'));
    await client.verifySecurityPin();
    expect(lock.commands.map((c) => [c.commandId, bytesToHex(c.body), c.securityPin])).toEqual([
      [NUKI_COMMAND.UPDATE_TIME, 'E9070102030405', SECURITY_PIN],
      [NUKI_COMMAND.VERIFY_SECURITY_PIN, '', SECURITY_PIN],
    ]);
    expect(client.commandsSent()).toBe(2);
  });

  it('reads log entries after an index, ascending, and enables logging', async () => {
    const { lock, client } = await startScriptedClient();
    const entry = (index: number) =>
      encodeLogEntry({ index, timestamp: new Date('2025-06-01T08:00:00Z'), authId: 0, name: 'Cleaner', type: LOG_ENTRY_TYPE.KEYPAD, keypad: { lockAction: 1, source: 1, completionStatus: 0, codeId: 1 } });
    lock.respond = (c) =>
      c.commandId === NUKI_COMMAND.REQUEST_LOG_ENTRIES
        ? [{ commandId: NUKI_COMMAND.LOG_ENTRY_COUNT, payload: encodeLogEntryCount({ loggingEnabled: true, count: 3 }) }, ...[12, 10, 11].map((i) => ({ commandId: NUKI_COMMAND.LOG_ENTRY, payload: entry(i) })), complete()]
        : [complete()];
    const entries = await client.readLogEntries({ sinceIndex: 10, count: 20 });
    expect(entries.map((e) => [e.index, e.keypad?.codeId])).toEqual([
      [11, 1],
      [12, 1],
    ]);
    expect(decodeRequestLogEntries(lock.commands[0]!.body)).toEqual({ startIndex: 10, count: 20, sortOrder: 'ascending', withTotalCount: false });
    await client.enableLogging();
    expect(bytesToHex(lock.commands[1]!.body)).toBe('01');
    expect(client.commandsSent()).toBe(2);
  });

  it('refuses a security PIN wider than the lock takes before sending anything, without repeating it', () => {
    const channel = { write: () => Promise.reject(new Error('must not write')) } as unknown as NukiChannel;
    const session = createNukiSession({ channel, credentials: { authId: 1, sharedKey: new Uint8Array(32) } });
    let error: unknown;
    try {
      createNukiClient({ session, securityPin: 123456 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'lock.bad_security_pin' });
    expect((error as Error).message).not.toContain('123456');
  });
});
