import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorView } from '../../../shared/domain/door';
import { startFakeCloud, type FakeCloud } from '../cloud/fake-cloud.fixture';
import type { AppServices } from '../app/app-services';
import { createAppServices } from '../app/create-app-services';
import { DEMO_CLOUD_DEVICES } from '../demo/demo-cloud-devices';
import { createSeamGateway } from '../cloud/seam-gateway';
import { startCloudNetwork, wallTimeIn, type CloudNetwork } from './sync-test-support';

/**
 * What goes wrong between a laptop and the cloud, against Seam's fake server on 127.0.0.1: an outage in the middle of
 * a sync, a key revoked with changes waiting, and the cloud switching on a code it schedules. Background syncs are off.
 */
let dataDir: string;
let fake: FakeCloud;
let services: AppServices;
let network: CloudNetwork;

const door = async (name: string): Promise<DoorView> => (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === name)!;
const deviceOf = (name: string) => fake.deviceIds[DEMO_CLOUD_DEVICES.findIndex((d) => d.name === name)]!;
const sync = () => services.handlers['sync.now']({});
const zone = async () => (await services.handlers['sites.list']({}))[0]!.timeZone;

/** Creates `count` cloud-scheduled guest codes on the Back door starting now, PINs 7000+i; returns the PINs. */
async function guestCodes(count: number, first: number): Promise<string[]> {
  const back = await door('Back door');
  const tz = await zone();
  const pins: string[] = [];
  for (let i = 0; i < count; i++) {
    const pin = String(first + i);
    const now = new Date();
    await services.handlers['codes.create']({ doorId: back.id, name: `Guest ${pin}`, code: pin, window: { starts: wallTimeIn(now, tz), ends: wallTimeIn(new Date(now.getTime() + 86_400_000), tz) } });
    pins.push(pin);
  }
  return pins;
}

const cloudCountOf = (pin: string) => fake.listAllCodes(deviceOf('Back door')).filter((c) => c.code === pin).length;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-cloud-faults-'));
  fake = await startFakeCloud({ devices: DEMO_CLOUD_DEVICES });
  network = await startCloudNetwork(fake.cloud.endpoint);
  services = await createAppServices({
    dataDir, host: 'browser', version: 'test', syncIntervalMs: 3_600_000, syncDebounceMs: 3_600_000,
    cloudGatewayFor: (account, secret) => createSeamGateway({ account, secret, timeoutMs: 1_500 }),
  });
  await services.ready;
  await services.handlers['cloud.setAccount']({ account: { kind: 'api_key', apiKey: fake.cloud.apiKey, endpoint: network.url } });
  const { suggestions } = await services.handlers['cloud.devices']({ siteId: 'demo' });
  await services.handlers['cloud.link']({ links: suggestions.map((s) => ({ doorId: s.door_id, deviceId: s.device_id })) });
}, 120_000);
afterAll(async () => {
  await services?.close();
  await network?.close();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('cloud sync when things go wrong', () => {
  it('shows the cloud status of a code the cloud schedules, with its events in the code log', async () => {
    const [pin] = await guestCodes(1, 4100);
    await sync();
    expect(fake.cloud.tick()).toBeGreaterThan(0); // the cloud programs the lock at the code's start
    await sync();
    const code = (await services.handlers['codes.list']({ doorId: (await door('Back door')).id })).find((c) => c.code === pin)!;
    expect(code).toMatchObject({ scheduled_by: 'cloud', status: 'set', cloud: { status: 'set' } });
    expect(code.verified_at).toBeNull(); // the cloud said so; the lock did not prove it to Lockbench
    expect(code.events.map((e) => e.event_type)).toContain('access_code.set_on_device');
  }, 60_000);

  it('survives an outage in the middle of a sync: nothing lost, nothing twice', async () => {
    const pins = await guestCodes(24, 7000);
    let n = 0;
    network.onCreate = () => ++n === 6 && fake.outage(true);
    const status = await sync();
    network.onCreate = () => {};
    expect(status.pending).toBeGreaterThan(0);
    expect(status.lastError?.code).toBe('sync.server_error');
    const reached = pins.filter((p) => cloudCountOf(p) === 1).length;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(pins.length);
    fake.outage(false);
    const after = await sync();
    expect(after).toMatchObject({ pending: 0, lastError: null, state: 'idle' });
    expect(pins.map(cloudCountOf)).toEqual(pins.map(() => 1));
  }, 60_000);

  it('keeps every queued change when the key is revoked, and says so', async () => {
    const [pin] = await guestCodes(1, 5300);
    const keys = fake.cloud.database.getState().api_keys;
    // Test-only: what revoking the key in Seam's console does (the fake has no revoke call).
    fake.cloud.database.setState({ api_keys: [] });
    const status = await sync();
    expect(status).toMatchObject({ state: 'error', lastError: { code: 'sync.unauthorized' } });
    expect(status.pending).toBeGreaterThan(0);
    expect(JSON.stringify(status)).not.toContain(fake.cloud.apiKey);
    fake.cloud.database.setState({ api_keys: keys });
    expect(await sync()).toMatchObject({ pending: 0, lastError: null });
    expect(cloudCountOf(pin!)).toBe(1);
  }, 60_000);

  it('goes offline mid-sync and resumes: consistent on both sides, then everything exactly once', async () => {
    const pins = await guestCodes(12, 8100);
    let n = 0;
    network.onCreate = () => {
      if (++n === 4) network.mode = 'refuse';
    };
    const offline = await sync();
    network.onCreate = () => {};
    expect(offline).toMatchObject({ state: 'offline', lastError: { code: 'sync.offline' } });
    expect(offline.pending).toBeGreaterThan(0);
    network.mode = 'pass';
    expect(await sync()).toMatchObject({ state: 'idle', pending: 0 });
    expect(pins.map(cloudCountOf)).toEqual(pins.map(() => 1));
  }, 60_000);

  it('links a create whose answer was lost to a timeout, instead of creating it again', async () => {
    const creates = () => network.seen.filter((p) => p.startsWith('/access_codes/create')).length;
    const before = creates();
    network.mode = 'lose_create';
    const [pin] = await guestCodes(1, 9300);
    await sync(); // the create times out after the cloud did it (a background retry may follow at once)
    expect(await sync()).toMatchObject({ pending: 0, lastError: null });
    expect(creates() - before).toBe(1); // found by a lookup, never sent again
    expect(cloudCountOf(pin!)).toBe(1);
    const code = (await services.handlers['codes.list']({ doorId: (await door('Back door')).id })).find((c) => c.code === pin)!;
    expect(code.cloud!.access_code_id).toBe(fake.listAllCodes(deviceOf('Back door')).find((c) => c.code === pin)!.access_code_id);
  }, 60_000);

  it('treats a 409 after a timeout as "already there": looks the code up and links it', async () => {
    network.mode = 'held_create';
    const [pin] = await guestCodes(1, 9400);
    expect((await sync()).lastError).toMatchObject({ code: 'sync.offline' }); // held back: the client timed out
    expect(cloudCountOf(pin!)).toBe(0);
    expect(await sync()).toMatchObject({ pending: 0, lastError: null }); // the late request lands first; the retry meets 409
    expect(network.seen.filter((p) => p.startsWith('/access_codes/create')).length).toBeGreaterThanOrEqual(2);
    expect(cloudCountOf(pin!)).toBe(1);
  }, 60_000);

  it('never takes codes off a lock because their device is gone from the cloud (another workspace, a device deleted there)', async () => {
    const back = await door('Back door');
    const [pin] = await guestCodes(1, 9500);
    await sync();
    expect(cloudCountOf(pin!)).toBe(1);
    // Test-only: the device disappears from the workspace, as when it is deleted in Seam's console; Seam's codes go with
    // it (the fake keeps them, so they are deleted here too — without the events a person's deletion would make).
    const codesThere = fake.listAllCodes(deviceOf('Back door')).map((c) => c.access_code_id);
    fake.cloud.database.deleteDevice(deviceOf('Back door'));
    for (const id of codesThere) fake.cloud.database.deleteAccessCode(id);
    const status = await sync();
    expect(status.lastError).toMatchObject({ code: 'sync.not_found' });
    expect(status.lastError!.message).toContain('Back door');
    const code = (await services.handlers['codes.list']({ doorId: back.id })).find((c) => c.code === pin)!;
    expect(code).toMatchObject({ is_removed: false, cloud: { removed_in_cloud: false } });
    expect((await services.handlers['queue.list']({ siteId: 'demo' })).filter((q) => q.access_code_id === code.access_code_id && q.kind === 'remove_code')).toEqual([]);
  }, 60_000);
});
