import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { DoorView } from '../../../shared/domain/door';
import { instantToLocal } from '../../../shared/time';
import { DEMO_NUKI_LOCKS, DEMO_NUKI_SECURITY_PIN } from '../demo/nuki/demo-nuki-locks';
import type { VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import { NUKI_COMMAND } from '../nuki/protocol/command-ids';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';
import { nextCodeChange } from './app-test-support';

/** Each virtual Bluetooth radio the app started (to look at the lock's memory the way its owner's app would). */
const radios = vi.hoisted(() => [] as VirtualNukiRadio[]);
vi.mock('../demo/nuki/demo-nuki-locks', async (importOriginal) => {
  const original = await importOriginal<typeof import('../demo/nuki/demo-nuki-locks')>();
  return {
    ...original,
    createVirtualNukiRadio: async (...args: Parameters<typeof original.createVirtualNukiRadio>) => {
      const radio = await original.createVirtualNukiRadio(...args);
      radios.push(radio);
      return radio;
    },
  };
});

/**
 * The whole main-process stack with the demo's Nuki lock: pairing through the handlers (the virtual lock's button,
 * the key exchange, the security PIN), then codes through the store, queue, lock manager and Nuki driver, over the
 * virtual radio speaking the real protocol. A restart reopens the pairing from the keychain.
 */
let dataDir: string;
let services: AppServices;
const NUKI = DEMO_NUKI_LOCKS[0]!;
const start = async () => {
  services = await createAppServices({ dataDir, host: 'browser', version: 'test', revivalBackoffMs: () => 300 });
  await services.ready;
};
const sideGate = async (): Promise<DoorView | undefined> => (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.lockAddress.protocol === 'nuki');
/** The door as kept in index.json (what the next start reads). */
const storedDoor = async (doorId: string): Promise<{ logReadUpTo: number | null } | undefined> =>
  (JSON.parse(await readFile(join(dataDir, 'index.json'), 'utf8')) as { doors: Array<{ id: string; logReadUpTo: number | null }> }).doors.find((d) => d.id === doorId);
const waitForCode = (predicate: (code: AccessCode) => boolean) => nextCodeChange(services.events, predicate);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-ble-'));
  await start();
}, 120_000);
afterAll(async () => {
  await services?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo site holds a Z-Wave stick and a Bluetooth radio at once', () => {
  it('connects both: the Z-Wave doors, and the virtual radio with no Nuki door until one is paired', async () => {
    const [site] = await services.handlers['sites.list']({});
    expect(site).toMatchObject({ id: 'demo', state: 'ready', connections: [{ kind: 'demo' }, { kind: 'bluetooth', radio: 'demo' }] });
    expect(await sideGate()).toBeUndefined();
    expect(await services.handlers['bluetooth.availability']({ siteId: 'demo' })).toEqual({ state: 'ready' });
  });

  it('scans the Nuki lock: paired with its owner\'s app, not in pairing mode until its button is held', async () => {
    const before = await services.handlers['bluetooth.scan']({ siteId: 'demo', seconds: 1 });
    expect(before).toEqual([expect.objectContaining({ address: NUKI.address, name: expect.stringMatching(/^Nuki_[0-9A-F]{8}$/), mode: 'paired', doorId: null })]);
    await expect(services.handlers['bluetooth.pair']({ siteId: 'demo', address: NUKI.address, securityPin: String(DEMO_NUKI_SECURITY_PIN) })).rejects.toMatchObject({ code: 'lock.not_pairing' });
    await services.handlers['demo.nukiButton']({ siteId: 'demo', address: NUKI.address });
    const after = await services.handlers['bluetooth.scan']({ siteId: 'demo', seconds: 1 });
    expect(after[0]?.mode).toBe('pairing');
  });

  it('refuses a wrong security PIN without adding a door, then pairs with the right one (no second button press)', async () => {
    await expect(services.handlers['bluetooth.pair']({ siteId: 'demo', address: NUKI.address, securityPin: '9999' })).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    expect(await sideGate()).toBeUndefined();
    const door = await services.handlers['bluetooth.pair']({ siteId: 'demo', address: NUKI.address, securityPin: String(DEMO_NUKI_SECURITY_PIN), doorName: 'Side gate' });
    expect(door).toMatchObject({ name: 'Side gate', lockAddress: { protocol: 'nuki', address: NUKI.address }, isConnected: true });
    expect(door.lock).toMatchObject({ manufacturer: 'Nuki', securityClass: 'app_key', codePlaces: 'lock_ids', codeProof: 'list', supportedCodeLengths: [6], nativeScheduling: true });
    const sealed = await readFile(join(dataDir, 'lock-pairings.sealed'), 'utf8');
    expect(sealed).not.toContain(String(DEMO_NUKI_SECURITY_PIN));
    expect(sealed).not.toMatch(/sharedKey|authId/);
  });

  it('checks the Nuki lock: paired security, keypad codes, native scheduling, battery, and the two codes made in the Nuki app', async () => {
    const door = (await sideGate())!;
    const report = await services.handlers['doors.check']({ doorId: door.id });
    const verdict = (key: string) => report.items.find((i) => i.key === key)?.verdict;
    expect([verdict('access_codes'), verdict('security'), verdict('native_scheduling'), verdict('battery')]).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(report.codes_from_elsewhere).toBe(2);
    const elsewhere = await services.handlers['codes.unmanaged']({ doorId: door.id });
    expect(elsewhere).toHaveLength(2);
    expect(elsewhere.every((c) => c.is_masked === false && /^[1-9]{6}$/.test(c.code ?? ''))).toBe(true);
  });

  it('refuses a PIN the Nuki keypad cannot take, naming the rule, before anything is queued', async () => {
    const door = (await sideGate())!;
    await expect(services.handlers['codes.create']({ doorId: door.id, code: '123456' })).rejects.toMatchObject({ code: 'codes.constraint_violated' });
    await expect(services.handlers['codes.create']({ doorId: door.id, code: '405123' })).rejects.toMatchObject({ code: 'codes.constraint_violated' });
    const generated = await services.handlers['codes.generate']({ doorId: door.id });
    expect(generated.code).toMatch(/^(?!12)[1-9]{6}$/);
  });

  it('preloads a time-limited code on the Nuki lock with the lock\'s own window (UTC dates), proven by the list', async () => {
    const door = (await sideGate())!;
    const [site] = await services.handlers['sites.list']({});
    const now = Date.now();
    const window = { starts: instantToLocal(new Date(now + 10 * 60_000), site!.timeZone), ends: instantToLocal(new Date(now + 86_400_000), site!.timeZone) };
    const proven = waitForCode((c) => c.door_id === door.id && c.verified_at !== null);
    const created = await services.handlers['codes.create']({ doorId: door.id, name: 'Guest Anna', code: '583947', window });
    // The lock gives the code its number when it takes it: none is made up before.
    expect(created).toMatchObject({ type: 'time_bound', scheduled_by: 'lock', slot: null });
    const done = await proven;
    // On the lock before its start: the lock itself switches it on at the start (status `set` then, see the time keeper).
    expect(done).toMatchObject({ status: 'unset', verified_by: 'list', slot: expect.any(Number) });
    const onLock = radios.at(-1)!.locks.get(NUKI.address)!.lock.keypadCodes().find((c) => c.codeId === done.slot);
    expect(onLock).toMatchObject({ code: '583947', name: 'Guest Anna' });
    expect(onLock?.schedule).toMatchObject({ allowedFrom: Math.floor(Date.parse(done.starts_at!) / 1000) * 1000, allowedUntil: Math.floor(Date.parse(done.ends_at!) / 1000) * 1000 });
  });

  it('proof of use: a code typed on the Nuki keypad is read from the lock\'s log and recorded on the code', async () => {
    const door = (await sideGate())!;
    const set = waitForCode((c) => c.door_id === door.id && c.name === 'Cleaner' && c.status === 'set');
    await services.handlers['codes.create']({ doorId: door.id, name: 'Cleaner', code: '674839' });
    const code = await set;
    const used = waitForCode((c) => c.access_code_id === code.access_code_id && c.last_used_at !== null);
    await services.handlers['demo.keypad']({ doorId: door.id, accessCodeId: code.access_code_id });
    expect((await used).last_used_at).not.toBeNull();
    // How far the lock's log was read is kept on the door, for the next start.
    await expect.poll(async () => (await storedDoor(door.id))?.logReadUpTo ?? 0).toBeGreaterThan(0);
  });

  it('a rename reaches the lock (Update Keypad Code, proven by the list) while the code stays set throughout', async () => {
    const door = (await sideGate())!;
    const cleaner = (await services.handlers['codes.list']({ doorId: door.id })).find((c) => c.name === 'Cleaner')!;
    const seen: string[] = [];
    const off = services.events.subscribe((channel, payload) => {
      if (channel === 'codes.changed' && (payload as AccessCode).access_code_id === cleaner.access_code_id) seen.push((payload as AccessCode).status);
    });
    const proven = waitForCode((c) => c.access_code_id === cleaner.access_code_id && c.verified_at !== cleaner.verified_at);
    const renamed = await services.handlers['codes.update']({ doorId: door.id, accessCodeId: cleaner.access_code_id, name: 'Cleaner Mondays' });
    expect(renamed).toMatchObject({ name: 'Cleaner Mondays', status: 'set' });
    expect((await proven).verified_by).toBe('list');
    off();
    expect(new Set(seen)).toEqual(new Set(['set']));
    const onLock = radios.at(-1)!.locks.get(NUKI.address)!.lock.keypadCodes().find((c) => c.codeId === cleaner.slot);
    expect(onLock).toMatchObject({ code: '674839', name: 'Cleaner Mondays' });
    await services.handlers['codes.update']({ doorId: door.id, accessCodeId: cleaner.access_code_id, name: 'Cleaner' });
    await expect.poll(() => radios.at(-1)!.locks.get(NUKI.address)!.lock.keypadCodes().find((c) => c.codeId === cleaner.slot)?.name).toBe('Cleaner');
  });

  it('a link lost right after the lock took a code: the queue lists before sending again, and the code is on the lock once', async () => {
    const door = (await sideGate())!;
    const handle = radios.at(-1)!.locks.get(NUKI.address)!;
    const addsBefore = handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE);
    handle.dropLinkAfterNextCommand(NUKI_COMMAND.ADD_KEYPAD_CODE);
    const set = waitForCode((c) => c.door_id === door.id && c.name === 'Plumber' && c.status === 'set');
    await services.handlers['codes.create']({ doorId: door.id, name: 'Plumber', code: '865743' });
    const done = await set;
    expect(done.verified_by).toBe('list');
    expect(handle.lock.keypadCodes().filter((c) => c.code === '865743')).toHaveLength(1);
    expect(handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE) - addsBefore).toBe(1);
    expect(done.events.some((e) => e.event_type === 'access_code.set_on_device')).toBe(true);
  });

  it('out of range: a code waits with the lock not answering, and goes on the lock once it is back', async () => {
    const door = (await sideGate())!;
    await services.handlers['demo.simulate']({ doorId: door.id, fault: 'no_answer' });
    const created = await services.handlers['codes.create']({ doorId: door.id, name: 'Porter', code: '758493' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waiting = (await services.handlers['codes.list']({ doorId: door.id })).find((c) => c.access_code_id === created.access_code_id);
    expect(waiting?.status).toBe('setting');
    expect(waiting?.verified_at).toBeNull();
    const set = waitForCode((c) => c.access_code_id === created.access_code_id && c.status === 'set');
    await services.handlers['demo.simulate']({ doorId: door.id, fault: 'none' });
    expect((await set).verified_by).toBe('list');
  });

  it('a refused security PIN stops the code with words saying so; given again, the code goes on', async () => {
    const door = (await sideGate())!;
    await services.handlers['demo.simulate']({ doorId: door.id, fault: 'wrong_security_pin' });
    const failed = waitForCode((c) => c.door_id === door.id && c.name === 'Night nurse' && c.errors.length > 0);
    const created = await services.handlers['codes.create']({ doorId: door.id, name: 'Night nurse', code: '938475' });
    const stopped = await failed;
    expect(stopped.errors[0]?.message).toMatch(/security PIN/);
    expect(JSON.stringify(stopped.errors)).not.toContain(String(DEMO_NUKI_SECURITY_PIN));
    await expect(services.handlers['bluetooth.setSecurityPin']({ doorId: door.id, securityPin: '1234' })).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    await services.handlers['demo.simulate']({ doorId: door.id, fault: 'none' });
    await services.handlers['bluetooth.setSecurityPin']({ doorId: door.id, securityPin: String(DEMO_NUKI_SECURITY_PIN) });
    const item = (await services.handlers['queue.list']({ siteId: 'demo' })).find((q) => q.access_code_id === created.access_code_id && q.state === 'failed');
    expect(item).toBeDefined();
    const set = waitForCode((c) => c.access_code_id === created.access_code_id && c.status === 'set');
    await services.handlers['queue.retry']({ doorId: door.id, operationId: item!.operation_id });
    expect((await set).verified_by).toBe('list');
  });

  it('after a restart the pairing is opened from the keychain: the door is connected, its codes still on the lock', async () => {
    await services.close();
    await start();
    const door = (await sideGate())!;
    expect(door).toMatchObject({ name: 'Side gate', isConnected: true });
    const codes = await services.handlers['codes.list']({ doorId: door.id });
    expect(codes.filter((c) => c.status === 'set').map((c) => c.name).sort()).toEqual(['Cleaner', 'Night nurse', 'Plumber', 'Porter']);
    const onLock = radios.at(-1)!.locks.get(NUKI.address)!.lock.keypadCodes().map((c) => c.name);
    expect(onLock).toEqual(expect.arrayContaining(['Guest Anna', 'Cleaner', 'Porter', 'Plumber', 'Night nurse', 'Family', 'Gardener']));
    // The log is read on from where it was: a new keypad use is recorded, the earlier one is not told again.
    const cleaner = codes.find((c) => c.name === 'Cleaner')!;
    const readUpTo = (await storedDoor(door.id))!.logReadUpTo!;
    const usedAgain = waitForCode((c) => c.access_code_id === cleaner.access_code_id && c.last_used_at !== cleaner.last_used_at);
    await services.handlers['demo.keypad']({ doorId: door.id, accessCodeId: cleaner.access_code_id });
    expect(Date.parse((await usedAgain).last_used_at!)).toBeGreaterThan(Date.parse(cleaner.last_used_at!));
    await expect.poll(async () => (await storedDoor(door.id))?.logReadUpTo ?? 0).toBeGreaterThan(readUpTo);
    const files = await readdir(dataDir);
    expect(files).toEqual(expect.arrayContaining(['lock-pairings.sealed', 'demo-nuki-locks.json']));
    expect(await readFile(join(dataDir, 'demo-nuki-locks.json'), 'utf8')).not.toMatch(/674839|758493|938475|583947/);
  });
});
