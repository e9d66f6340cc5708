import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorView } from '../../../shared/domain/door';
import { startFakeCloud, type FakeCloud } from '../cloud/fake-cloud.fixture';
import type { AppServices } from '../app/app-services';
import { createAppServices } from '../app/create-app-services';
import { DEMO_CLOUD_DEVICES } from '../demo/demo-cloud-devices';
import { waitUntil } from '../zwave/test-support';

/**
 * The whole story on the demo site against Seam's fake server on 127.0.0.1, through the same services the app runs:
 * work done offline reaches the cloud once it is online, and changes made in the cloud come back.
 * Background syncs are off (a long interval): each step syncs on purpose, so the test reads one sync at a time.
 */
let dataDir: string;
let fake: FakeCloud;
let services: AppServices;
const secret = () => fake.cloud.apiKey;

const doors = async () => services.handlers['doors.list']({ siteId: 'demo' });
const door = async (name: string): Promise<DoorView> => (await doors()).find((d) => d.name === name)!;
const codesOf = async (name: string) => services.handlers['codes.list']({ doorId: (await door(name)).id });
const deviceOf = (name: string) => fake.deviceIds[DEMO_CLOUD_DEVICES.findIndex((d) => d.name === name)]!;
const sync = () => services.handlers['sync.now']({});

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-cloud-'));
  fake = await startFakeCloud({ devices: DEMO_CLOUD_DEVICES });
  services = await createAppServices({ dataDir, host: 'browser', version: 'test', syncIntervalMs: 3_600_000, syncDebounceMs: 3_600_000 });
  await services.ready;
}, 120_000);
afterAll(async () => {
  await services?.close();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('cloud sync on the demo site', () => {
  it('keeps working offline: codes go on the lock with no account, and nothing waits for a cloud', async () => {
    const front = await door('Front door');
    await services.handlers['codes.create']({ doorId: front.id, name: 'Resident 4B', code: '739164' });
    await waitUntil('the code is on the lock', async () => (await codesOf('Front door')).some((c) => c.code === '739164' && c.status === 'set'));
    expect(await services.handlers['sync.status']({})).toMatchObject({ state: 'no_account', pending: 0 });
  }, 60_000);

  it('refuses a wrong key with a clear error that never holds the key, and keeps nothing of it', async () => {
    const wrong = 'seam_wrong_key_1234567890';
    const error = await services.handlers['cloud.setAccount']({ account: { kind: 'api_key', apiKey: wrong, endpoint: fake.cloud.endpoint } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'sync.unauthorized' });
    expect(JSON.stringify(error) + String(error)).not.toContain(wrong);
    expect(await services.handlers['cloud.account']({})).toBeNull();
  });

  it('keeps the key out of the store and sealed on disk', async () => {
    const account = await services.handlers['cloud.setAccount']({ account: { kind: 'api_key', apiKey: secret(), endpoint: fake.cloud.endpoint } });
    expect(account).toMatchObject({ kind: 'api_key', workspaceId: fake.cloud.workspaceId });
    for (const name of ['index.json', 'cloud-secret.sealed']) expect(await readFile(join(dataDir, name), 'utf8')).not.toContain(secret());
    for (const name of await readdir(join(dataDir, 'sites'))) expect(await readFile(join(dataDir, 'sites', name), 'utf8')).not.toContain(secret());
    expect(JSON.stringify(await services.handlers['sync.status']({}))).not.toContain(secret());
  });

  it('suggests each demo door its cloud device by name and links all three at once', async () => {
    const { devices, suggestions } = await services.handlers['cloud.devices']({ siteId: 'demo' });
    expect(devices).toHaveLength(3);
    const all = await doors();
    expect(suggestions.map((s) => [all.find((d) => d.id === s.door_id)!.name, s.reason]).sort()).toEqual([['Back door', 'name'], ['Front door', 'name'], ['Garage side door', 'name']]);
    const linked = await services.handlers['cloud.link']({ links: suggestions.map((s) => ({ doorId: s.door_id, deviceId: s.device_id })) });
    expect(linked.every((d) => d.cloud !== null)).toBe(true);
  });

  it('brings a code already on the lock under cloud management through the unmanaged path, never creating it twice', async () => {
    // Test-only stand-in for Seam reading the lock through its hub (the demo cloud's bridge does this in the app).
    fake.addCodeInCloud(deviceOf('Front door'), { code: '739164', name: 'Seen on lock', managed: false });
    await sync();
    const code = (await codesOf('Front door')).find((c) => c.code === '739164')!;
    expect(code.cloud).toMatchObject({ removed_in_cloud: false, conflict: null });
    expect(code.cloud!.access_code_id).not.toBeNull();
    const inCloud = fake.listAllCodes(deviceOf('Front door')).filter((c) => c.code === '739164');
    expect(inCloud).toHaveLength(1);
    expect(inCloud[0]).toMatchObject({ is_managed: true, access_code_id: code.cloud!.access_code_id, name: 'Resident 4B' });
    expect((await services.handlers['sync.status']({})).pending).toBe(0);
  }, 60_000);

  it('lets the cloud schedule a time-bound code on a linked lock without native scheduling, and shows its status', async () => {
    const back = await door('Back door');
    const starts = new Date(Date.now() + 60_000);
    const zone = (await services.handlers['sites.list']({}))[0]!.timeZone;
    const wall = (d: Date) => {
      const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d).split(' ');
      return { date: parts[0]!, time: parts[1]! };
    };
    const code = await services.handlers['codes.create']({ doorId: back.id, name: 'Plumber', code: '8642', window: { starts: wall(starts), ends: wall(new Date(starts.getTime() + 3_600_000)) } });
    expect(code).toMatchObject({ scheduled_by: 'cloud', slot: null, status: 'unset' });
    expect((await services.handlers['queue.list']({ siteId: 'demo' })).some((q) => q.access_code_id === code.access_code_id)).toBe(false);
    await sync();
    const inCloud = fake.listAllCodes(deviceOf('Back door')).filter((c) => c.code === '8642');
    expect(inCloud).toHaveLength(1);
    expect(inCloud[0]).toMatchObject({ type: 'time_bound', is_managed: true });
    expect(Date.parse(String(inCloud[0]!.starts_at))).toBe(Date.parse(code.starts_at!));
  }, 60_000);

  it('pulls a rename made in the cloud, and lists a code made there as one Lockbench did not create', async () => {
    const code = (await codesOf('Front door')).find((c) => c.code === '739164')!;
    fake.renameInCloud(code.cloud!.access_code_id!, 'Resident 4B (Smith)');
    fake.addCodeInCloud(deviceOf('Front door'), { code: '551903', name: 'Cleaner (made in Seam)' });
    await sync();
    expect((await codesOf('Front door')).find((c) => c.code === '739164')!.name).toBe('Resident 4B (Smith)');
    const front = await door('Front door');
    const foreign = await services.handlers['codes.fromCloud']({ doorId: front.id });
    expect(foreign.map((c) => c.name)).toEqual(['Cleaner (made in Seam)']);
    expect(JSON.stringify(foreign)).not.toContain('551903');
  }, 60_000);

  it('shows both versions of a code changed on both sides, and the installer chooses', async () => {
    const front = await door('Front door');
    const code = (await codesOf('Front door')).find((c) => c.code === '739164')!;
    await services.handlers['codes.update']({ doorId: front.id, accessCodeId: code.access_code_id, name: 'Laptop name' });
    fake.renameInCloud(code.cloud!.access_code_id!, 'Cloud name');
    await sync();
    const [conflict] = await services.handlers['sync.conflicts']({});
    expect(conflict).toMatchObject({ access_code_id: code.access_code_id, laptop: { name: 'Laptop name' }, cloud: { name: 'Cloud name' } });
    expect(fake.listAllCodes(deviceOf('Front door')).find((c) => c.code === '739164')!.name).toBe('Cloud name');
    await services.handlers['sync.resolve']({ accessCodeId: code.access_code_id, keep: 'laptop' });
    await sync();
    expect(fake.listAllCodes(deviceOf('Front door')).find((c) => c.code === '739164')!.name).toBe('Laptop name');
    expect(await services.handlers['sync.conflicts']({})).toEqual([]);
  }, 60_000);

  it('never changes a PIN on the lock silently: a PIN changed in the cloud waits for the installer, then replaces the code', async () => {
    const old = (await codesOf('Front door')).find((c) => c.code === '739164' && !c.is_removed)!;
    const cloudId = old.cloud!.access_code_id!;
    fake.cloud.database.updateAccessCode({ access_code_id: cloudId, code: '264913' });
    await sync();
    expect((await codesOf('Front door')).find((c) => c.access_code_id === old.access_code_id)).toMatchObject({ code: '739164', status: 'set' });
    const [conflict] = await services.handlers['sync.conflicts']({});
    expect(conflict).toMatchObject({ laptop: { code: '739164' }, cloud: { code: '264913' } });
    const fresh = await services.handlers['sync.resolve']({ accessCodeId: old.access_code_id, keep: 'cloud' });
    expect(fresh).toMatchObject({ code: '264913', cloud: { access_code_id: cloudId, conflict: null } });
    await waitUntil('the new PIN is on the lock and the old one is off', async () => {
      const codes = await codesOf('Front door');
      return codes.find((c) => c.access_code_id === fresh.access_code_id)?.status === 'set' && codes.find((c) => c.access_code_id === old.access_code_id)?.is_removed === true;
    });
    await sync();
    expect(fake.listAllCodes(deviceOf('Front door')).filter((c) => c.code === '264913' || c.code === '739164').map((c) => c.access_code_id)).toEqual([cloudId]);
    expect((await services.handlers['sync.status']({})).pending).toBe(0);
  }, 60_000);

  it('keeps a code deleted in the cloud as a record and takes it off the lock', async () => {
    const code = (await codesOf('Front door')).find((c) => c.code === '264913')!;
    fake.deleteInCloud(code.cloud!.access_code_id!);
    await sync();
    await waitUntil('the lock no longer holds it', async () => (await codesOf('Front door')).find((c) => c.access_code_id === code.access_code_id)!.is_removed);
    const kept = (await codesOf('Front door')).find((c) => c.access_code_id === code.access_code_id)!;
    expect(kept.cloud).toMatchObject({ removed_in_cloud: true });
    expect(kept.events.map((e) => e.event_type)).toContain('access_code.removed_from_device');
  }, 60_000);

  it('unlinking keeps the codes on the lock and forgets their cloud ids; linking again finds them in the cloud, never twice', async () => {
    const front = await door('Front door');
    const created = await services.handlers['codes.create']({ doorId: front.id, name: 'Caretaker', code: '593027' });
    await waitUntil('on the lock', async () => (await codesOf('Front door')).some((c) => c.access_code_id === created.access_code_id && c.status === 'set'));
    fake.addCodeInCloud(deviceOf('Front door'), { code: '593027', name: 'Seen on lock', managed: false }); // Seam reading the lock (test-only)
    await sync();
    const cloudId = (await codesOf('Front door')).find((c) => c.access_code_id === created.access_code_id)!.cloud!.access_code_id;
    expect(cloudId).toBeTruthy();
    await services.handlers['cloud.link']({ links: [{ doorId: front.id, deviceId: null }] });
    await sync();
    const unlinked = (await codesOf('Front door')).find((c) => c.access_code_id === created.access_code_id)!;
    expect(unlinked).toMatchObject({ status: 'set', is_removed: false, cloud: null });
    await services.handlers['cloud.link']({ links: [{ doorId: front.id, deviceId: deviceOf('Front door') }] });
    await sync();
    const relinked = (await codesOf('Front door')).find((c) => c.access_code_id === created.access_code_id)!;
    expect(relinked.cloud).toMatchObject({ access_code_id: cloudId, removed_in_cloud: false });
    expect(fake.listAllCodes(deviceOf('Front door')).filter((c) => c.code === '593027')).toHaveLength(1);
    expect((await services.handlers['sync.status']({})).pending).toBe(0);
  }, 60_000);
});
