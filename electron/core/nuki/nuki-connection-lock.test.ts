import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { DST_MODE, TIMEZONE_ID_NONE } from './protocol/config-codec';
import { NUKI_COMMAND } from './protocol/command-ids';
import { freshPut, openGuard, startNukiSite, TEST_NOW, TEST_SPEC, type NukiSite } from './nuki-test-support';

/** The lock side of the Nuki connection through the virtual lock: readiness, PIN faults, range, restart, clock, usage. */

const ADDRESS = TEST_SPEC.address;
const NO_PROVEN = { provenCodes: [] };
let site: NukiSite | null = null;
let dir: string | null = null;

afterEach(async () => {
  await site?.close();
  site = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function readySite(options: Parameters<typeof startNukiSite>[0] = {}): Promise<NukiSite> {
  site = await startNukiSite(options);
  await site.connection.readiness!.allSettled();
  return site;
}

describe('Nuki connection: first contact and profile', () => {
  it('settles the lock ready after connect + Keyturner States and reads its profile', async () => {
    const { connection } = await readySite();
    expect(connection.protocol).toBe('nuki');
    expect(connection.lockAddresses()).toEqual([ADDRESS]);
    expect(connection.readiness!.settlement(ADDRESS)).toBe('ready');
    const profile = await connection.readProfile(ADDRESS);
    expect(profile).toMatchObject({
      address: ADDRESS,
      manufacturer: 'Nuki',
      model: 'Smart Lock 3.0 with Keypad',
      firmwareVersion: '3.8.6',
      serialNumber: '3C8862ED',
      codePlaces: 'lock_ids',
      codeProof: 'list',
      securityClass: 'app_key',
      supportsAccessCodes: true,
      slotCount: 100,
      supportedCodeLengths: [6],
      batteryLevel: 80,
      isBatteryLow: false,
      isKeypadBatteryLow: false,
      doorState: 'locked',
      occupiedSlots: [1, 2],
      readAt: TEST_NOW.toISOString(),
    });
    expect(connection.knownCodes(ADDRESS)).toEqual([
      { slot: 1, status: 'enabled', code: '468135' },
      { slot: 2, status: 'enabled', code: '735291' },
    ]);
  });

  it('reports a lock out of range as not answering, ping false, offline; and online again when it is back', async () => {
    site = await startNukiSite();
    await site.connection.readiness!.allSettled();
    site.handle.setFault('out_of_range');
    const connection = site.reconnect();
    const availability: Array<[string, boolean]> = [];
    connection.onLockAvailability((address, isOnline) => availability.push([address, isOnline]));
    await connection.readiness!.allSettled();
    expect(connection.readiness!.settlement(ADDRESS)).toBe('not_answering');
    expect(await connection.ping(ADDRESS)).toBe(false);
    await expect(connection.readProfile(ADDRESS)).rejects.toMatchObject({ code: 'lock.offline' });
    const outcomes = await connection.putCodes(ADDRESS, [freshPut('a', '345678')], openGuard(), NO_PROVEN);
    expect(outcomes.get('a')).toMatchObject({ kind: 'transient', mayHaveReached: false });
    expect(await connection.readCode(ADDRESS, 1)).toBeNull();
    site.handle.setFault('none');
    expect(await connection.ping(ADDRESS)).toBe(true);
    expect(availability).toEqual([
      [ADDRESS, false],
      [ADDRESS, true],
    ]);
  });

  it('reports the lock offline when an open link drops', async () => {
    const { connection, handle } = await readySite();
    const availability: boolean[] = [];
    connection.onLockAvailability((_address, isOnline) => availability.push(isOnline));
    await connection.ping(ADDRESS);
    handle.setFault('out_of_range');
    await vi.waitFor(() => expect(availability).toEqual([false]));
  });

  it('drops an idle link after idleDisconnectMs, without calling the lock offline', async () => {
    const { connection, handle } = await readySite({ connection: { idleDisconnectMs: 20 } });
    const availability: boolean[] = [];
    connection.onLockAvailability((_address, isOnline) => availability.push(isOnline));
    expect(await connection.ping(ADDRESS)).toBe(true);
    expect(handle.isConnected).toBe(true);
    await vi.waitFor(() => expect(handle.isConnected).toBe(false));
    expect(availability).toEqual([]);
    expect(await connection.ping(ADDRESS)).toBe(true);
  });
});

describe('Nuki connection: a wrong security PIN', () => {
  it('is permanent for every code, sent once, never retried on its own', async () => {
    const { connection, handle } = await readySite();
    handle.setFault('wrong_security_pin');
    const pinCommands = (): number => handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE) + handle.commandsReceived(NUKI_COMMAND.REQUEST_KEYPAD_CODES);
    const before = pinCommands();
    const outcomes = await connection.putCodes(ADDRESS, [freshPut('a', '345678'), freshPut('b', '456789'), freshPut('c', '567891')], openGuard(), NO_PROVEN);
    for (const outcome of outcomes.values()) {
      expect(outcome).toMatchObject({ kind: 'permanent', error: 'failed_to_set_on_device' });
      expect(outcome.kind === 'permanent' && outcome.message).toMatch(/security PIN/);
    }
    expect(pinCommands() - before).toBe(1);

    const again = await connection.putCodes(ADDRESS, [{ ...freshPut('d', '678912'), mayBeThere: true }], openGuard(), NO_PROVEN);
    expect(again.get('d')).toMatchObject({ kind: 'permanent', error: 'failed_to_set_on_device' });
    const removal = await connection.removeCode(ADDRESS, { key: 'r', slot: 1, pin: '468135', wasScheduled: false }, openGuard());
    expect(removal).toMatchObject({ kind: 'permanent', error: 'failed_to_remove_from_device' });
    await expect(connection.readProfile(ADDRESS)).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    expect(pinCommands() - before).toBe(1);
    expect(await connection.ping(ADDRESS)).toBe(true);
    expect(handle.lock.keypadCodes()).toHaveLength(2);
  });
});

describe('Nuki connection: restart over the same lock', () => {
  it('lists the codes again after Lockbench and the lock restart over the same state file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lockbench-nuki-'));
    const stateFile = join(dir, 'nuki-locks.json');
    const first = await readySite({ stateFile });
    const outcomes = await first.connection.putCodes(ADDRESS, [freshPut('a', '345678'), freshPut('b', '456789')], openGuard(), NO_PROVEN);
    expect([...outcomes.values()].every((o) => o.kind === 'confirmed')).toBe(true);
    await first.close();
    site = null;

    const second = await readySite({ stateFile, credentials: first.credentials });
    const profile = await second.connection.readProfile(ADDRESS);
    expect(profile.occupiedSlots).toEqual([1, 2, 3, 4]);
    expect(second.connection.knownCodes(ADDRESS).slice(2)).toEqual([
      { slot: 3, status: 'enabled', code: '345678' },
      { slot: 4, status: 'enabled', code: '456789' },
    ]);
  });
});

describe('Nuki connection: the lock clock', () => {
  it('sets the clock (UTC) and a European time zone; the profile shows the offset in effect and the lock time', async () => {
    const { connection, handle } = await readySite();
    handle.lock.setClockOffset(3 * 3_600_000);
    await connection.setClock(ADDRESS, { utc: TEST_NOW, offsetMinutes: 60, dstOffsetMinutes: 60, timeZone: 'Europe/Berlin' });
    expect(handle.lock.snapshot().config).toMatchObject({ timezoneOffsetMinutes: 60, dstMode: DST_MODE.EUROPEAN, timezoneId: 37 });
    const profile = await connection.readProfile(ADDRESS);
    expect(profile.clockOffsetMinutes).toBe(120);
    expect(profile.lockTime).toBe(TEST_NOW.toISOString());
  });

  it('writes a zone off the list as its offset now, DST off, timezoneId none; a listed one with its number', async () => {
    const { connection, handle } = await readySite();
    await connection.setClock(ADDRESS, { utc: TEST_NOW, offsetMinutes: 480, timeZone: 'Asia/Singapore' });
    expect(handle.lock.snapshot().config).toMatchObject({ timezoneOffsetMinutes: 480, dstMode: DST_MODE.OFF, timezoneId: TIMEZONE_ID_NONE });
    await connection.setClock(ADDRESS, { utc: TEST_NOW, offsetMinutes: -300, dstOffsetMinutes: 60, timeZone: 'America/New_York' });
    expect(handle.lock.snapshot().config).toMatchObject({ timezoneOffsetMinutes: -240, dstMode: DST_MODE.OFF, timezoneId: 12 });
    expect((await connection.readProfile(ADDRESS)).clockOffsetMinutes).toBe(-240);
  });

  it('refuses an offset beyond ±14 h before sending anything', async () => {
    const { connection } = await readySite();
    const before = connection.commandsSent();
    const error = await connection.setClock(ADDRESS, { utc: TEST_NOW, offsetMinutes: 15 * 60 }).catch((e: unknown) => e);
    expect(isCodedError(error) && error.code).toBe('codes.invalid_window');
    expect(connection.commandsSent()).toBe(before);
  });
});

describe('Nuki connection: keypad use', () => {
  it('reports a keypad entry from the lock log with the code id, once', async () => {
    const { connection, handle } = await readySite();
    const uses: Array<[string, number, string]> = [];
    connection.onCodeUsed((address, slot, at) => uses.push([address, slot, at.toISOString()]));
    await connection.readProfile(ADDRESS);
    const slot = ((await connection.putCodes(ADDRESS, [freshPut('a', '345678')], openGuard(), NO_PROVEN)).get('a') as { slot: number }).slot;
    expect(handle.simulateKeypadEntry('345678')).toMatchObject({ unlocked: true, codeId: slot });
    handle.simulateKeypadEntry('999999'); // not a code: logged as invalid, not a use
    await connection.readProfile(ADDRESS);
    await connection.readProfile(ADDRESS);
    expect(uses).toEqual([[ADDRESS, slot, TEST_NOW.toISOString()]]);
    expect(connection.logIndex(ADDRESS)).toBeGreaterThan(0);
  });

  it('reads the log after a session, before the idle link is dropped', async () => {
    const { connection, handle } = await readySite({ connection: { idleDisconnectMs: 20 } });
    const uses: number[] = [];
    connection.onCodeUsed((_address, slot) => uses.push(slot));
    handle.simulateKeypadEntry('468135');
    expect(await connection.ping(ADDRESS)).toBe(true);
    await vi.waitFor(() => expect(uses).toEqual([1]));
    await vi.waitFor(() => expect(handle.isConnected).toBe(false));
  });
});
