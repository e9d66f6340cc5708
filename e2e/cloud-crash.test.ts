/**
 * SIGKILL of the real browser host around the push of cloud-scheduled codes, against Seam's fake server in this test
 * process: after a restart every code Lockbench acknowledged reaches the cloud exactly once, linked to its local code.
 *
 *   after the commit:   proxy refuses ─▶ N creates acknowledged (outbox on disk) ─▶ SIGKILL ─▶ restart ─▶ pass ─▶ sync.now
 *   creates on the wire: answers held ─▶ N creates ─▶ sync ─▶ ≥ 3 creates reached the cloud ─▶ SIGKILL ─▶ restart ─▶ sync.now
 *
 * The host's key stays next to its data folder across restarts (LOCKBENCH_KEY_DIR, see host-process.ts), so the sealed
 * cloud key opens again after the restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorView } from '../shared/domain/door';
import { startFakeCloud, type FakeCloud } from '../electron/core/cloud/fake-cloud.fixture';
import { DEMO_CLOUD_DEVICES } from '../electron/core/demo/demo-cloud-devices';
import { startCloudNetwork, wallTimeIn, type CloudNetwork } from '../electron/core/sync/sync-test-support';
import { startHoldingProxy, type HoldingProxy } from './support/cloud-proxy';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';

/** Codes per case: more than the 8 creates sync keeps in flight at once. */
const COUNT = 12;
const DAY = 86_400_000;

let fake: FakeCloud;
let network: CloudNetwork;
let holding: HoldingProxy;
const dirs: string[] = [];
const hosts: HostProcess[] = [];
const clients: HostClient[] = [];

beforeAll(async () => {
  fake = await startFakeCloud({ devices: DEMO_CLOUD_DEVICES });
  network = await startCloudNetwork(fake.cloud.endpoint);
  holding = await startHoldingProxy(fake.cloud.endpoint);
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  for (const h of hosts) await h.stop('SIGKILL');
  await network?.close();
  await holding?.close();
  await fake?.close();
  for (const d of dirs) await Promise.all([rm(d, { recursive: true, force: true }), rm(`${d}.keys`, { recursive: true, force: true })]);
});

const backDevice = () => fake.deviceIds[DEMO_CLOUD_DEVICES.findIndex((d) => d.name === 'Back door')]!;
/** How many codes (managed or not) the cloud holds with this PIN on the Back door's device. */
const inCloud = (pin: string) => fake.listAllCodes(backDevice()).filter((c) => c.code === pin).length;

async function open(dataDir: string): Promise<{ host: HostProcess; client: HostClient }> {
  const host = await startHost(dataDir);
  hosts.push(host);
  const client = await connectHostClient(host.url);
  clients.push(client);
  return { host, client };
}

/** A new data folder whose host has the cloud account (through `endpoint`) and every demo door linked. */
async function linkedHost(endpoint: string): Promise<{ dataDir: string; host: HostProcess; client: HostClient; back: DoorView }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-cloud-crash-'));
  dirs.push(dataDir);
  const { host, client } = await open(dataDir);
  await client.call('cloud.setAccount', { account: { kind: 'api_key', apiKey: fake.cloud.apiKey, endpoint } });
  const { suggestions } = await client.call('cloud.devices', { siteId: 'demo' });
  const linked = await client.call('cloud.link', { links: suggestions.map((s) => ({ doorId: s.door_id, deviceId: s.device_id })) });
  expect(linked.map((d) => d.cloud?.device_id ?? null).every(Boolean)).toBe(true);
  const back = linked.find((d) => d.name === 'Back door')!;
  expect(back.cloud?.device_id).toBe(backDevice());
  return { dataDir, host, client, back };
}

/**
 * Creates `COUNT` guest codes on the Back door, each starting now for a day (the cloud switches them: the lock has no
 * schedule of its own), PINs first, first+1, …; returns PIN → access code id of every create acknowledged.
 */
async function createGuests(client: HostClient, back: DoorView, first: number): Promise<Map<string, string>> {
  const zone = (await client.call('sites.list', {}))[0]!.timeZone;
  const acked = new Map<string, string>();
  for (let i = 0; i < COUNT; i++) {
    const pin = String(first + i);
    const now = new Date();
    const window = { starts: wallTimeIn(now, zone), ends: wallTimeIn(new Date(now.getTime() + DAY), zone) };
    const code = await client.call('codes.create', { doorId: back.id, name: `Guest ${pin}`, code: pin, window });
    expect(code).toMatchObject({ scheduled_by: 'cloud', slot: null });
    acked.set(pin, code.access_code_id);
  }
  return acked;
}

/**
 * Restarts the host on `dataDir`, syncs now, and checks every acknowledged code is in the cloud once and linked, and
 * that only the codes the cloud did not have yet were sent as creates (`creates` counts those the cloud was sent). The
 * fake, like Seam, refuses a second code with the same PIN on a device (409), so counting PINs alone could not fail.
 */
async function restartAndCheck(dataDir: string, back: DoorView, acked: Map<string, string>, creates: () => number): Promise<void> {
  const missing = [...acked.keys()].filter((pin) => inCloud(pin) === 0).length;
  const createsBefore = creates();
  const started = Date.now();
  const { client } = await open(dataDir);
  const status = await client.call('sync.now', {});
  console.log(`[cloud-crash] restart + sync.now in ${Date.now() - started} ms; ${creates() - createsBefore} creates sent for ${missing} codes missing`);
  expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null });
  expect(creates() - createsBefore, 'creates sent after the restart').toBe(missing);
  expect([...acked.keys()].filter((pin) => inCloud(pin) !== 1), 'acknowledged PINs not in the cloud exactly once').toEqual([]);
  const codes = await client.call('codes.list', { doorId: back.id });
  for (const [pin, id] of acked) {
    const cloudCode = fake.listAllCodes(backDevice()).find((c) => c.code === pin)!;
    expect(cloudCode).toMatchObject({ is_managed: true, type: 'time_bound' });
    expect(codes.find((c) => c.access_code_id === id)?.cloud?.access_code_id, `PIN ${pin} linked to its cloud code`).toBe(cloudCode.access_code_id);
  }
}

describe('cloud sync across a SIGKILL of the host', () => {
  it('pushes every code acknowledged before a crash that came between the local commit and the push, once', async () => {
    const { dataDir, host, client, back } = await linkedHost(network.url);
    // No env var shortens the engine's waits: with the laptop offline nothing can be pushed before the kill.
    network.mode = 'refuse';
    const acked = await createGuests(client, back, 6100);
    await host.stop('SIGKILL'); // right after the last create was acknowledged
    expect([...acked.keys()].filter((pin) => inCloud(pin) > 0), 'nothing reached the cloud before the kill').toEqual([]);

    network.mode = 'pass';
    await restartAndCheck(dataDir, back, acked, () => network.seen.filter((path) => path.startsWith('/access_codes/create')).length);
  }, 180_000);

  it('creates nothing twice when the host dies while its creates are on the wire', async () => {
    const { dataDir, host, client, back } = await linkedHost(holding.url);
    holding.isHoldingCreates = true;
    const acked = await createGuests(client, back, 6300);
    void client.request('sync.now', {}); // never answered: the host dies first
    await holding.waitForCreates(3);
    await host.stop('SIGKILL');
    await holding.landed(); // what was on the wire reaches the cloud before the laptop starts again
    const reached = [...acked.keys()].filter((pin) => inCloud(pin) === 1).length;
    console.log(`[cloud-crash] killed after ${holding.creates()} creates reached the proxy; ${reached} codes in the cloud`);
    expect(reached).toBeGreaterThanOrEqual(3);
    expect(reached).toBeLessThan(COUNT);

    holding.isHoldingCreates = false;
    await restartAndCheck(dataDir, back, acked, () => holding.creates());
  }, 180_000);
});
