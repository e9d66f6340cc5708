import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CloudAccount } from '../../../shared/domain/cloud';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher, type FieldCipher } from '../secrets/field-cipher';
import { startDemoCloud, type DemoCloud } from './demo-cloud';
import { codesOf } from './demo-cloud-rows';
import { FAKE_CLOUD_DEVICES } from './fake-cloud.fixture';
import { createSeamGateway } from './seam-gateway';

let dir: string;
let clock: Date;
const now = () => clock;
const started: DemoCloud[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockbench-demo-cloud-'));
  clock = new Date('2026-03-02T09:00:00.000Z');
});
afterEach(async () => {
  for (const cloud of started.splice(0)) await cloud.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(options: { stateFile?: string; devices?: typeof FAKE_CLOUD_DEVICES; robotIntervalMs?: number; cipher?: FieldCipher } = {}): Promise<DemoCloud> {
  const cloud = await startDemoCloud({ devices: FAKE_CLOUD_DEVICES, robotIntervalMs: 0, now, ...options });
  started.push(cloud);
  return cloud;
}

const gatewayOf = (cloud: DemoCloud) => {
  const account: CloudAccount = { kind: 'demo', workspaceId: cloud.workspaceId, workspaceName: null, endpoint: cloud.endpoint, checkedAt: null };
  return createSeamGateway({ account, secret: cloud.apiKey, now });
};

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('the demo cloud', () => {
  it('listens on 127.0.0.1 only, front and fake alike', async () => {
    const cloud = await start();
    const ports = [cloud.endpoint, cloud.fakeEndpoint].map((url) => {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      return Number(new URL(url).port);
    });
    for (const port of ports) expect(await connects('127.0.0.1', port)).toBe(true);

    const outside = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    if (outside === undefined) return; // no non-loopback address on this machine: nothing more to try
    // Control: a server on all interfaces is reachable at that address, so a refusal below means "loopback only".
    const open = net.createServer();
    await new Promise<void>((resolve) => open.listen(0, '0.0.0.0', resolve));
    const reachable = await connects(outside, (open.address() as net.AddressInfo).port);
    await new Promise((resolve) => open.close(resolve));
    expect(reachable).toBe(true);
    for (const port of ports) expect(await connects(outside, port)).toBe(false);
  });

  it('lets the client\'s PATCH and DELETE through as the POSTs the fake accepts', async () => {
    const cloud = await start();
    const [front] = cloud.devices;
    const gateway = gatewayOf(cloud);
    const code = await gateway.createCode({ device_id: front!.deviceId, name: 'Porter', code: '5521', starts_at: null, ends_at: null });
    const auth = { authorization: `Bearer ${cloud.apiKey}` };
    const remove = (base: string) => fetch(`${base}/access_codes/delete?access_code_id=${code.access_code_id}`, { method: 'DELETE', headers: auth });

    expect((await remove(cloud.fakeEndpoint)).ok).toBe(false); // the fake alone refuses the client's DELETE
    await gateway.updateCode(code.access_code_id, { name: 'Porter (night)' });
    expect(codesOf(cloud.database).find((c) => c.access_code_id === code.access_code_id)?.name).toBe('Porter (night)');
    expect((await remove(cloud.endpoint)).status).toBe(200);
    expect(await gateway.getCode(code.access_code_id)).toBeNull();
  });

  it('moves codes the way Seam and the lock do, with events, on devices it can program', async () => {
    const cloud = await start();
    const [front, back] = cloud.devices.map((d) => d.deviceId) as [string, string];
    const gateway = gatewayOf(cloud);
    const since = clock.toISOString();
    clock = new Date('2026-03-02T09:00:01.000Z');
    const ongoing = await gateway.createCode({ device_id: front, name: 'Staff', code: '6071', starts_at: null, ends_at: null });
    const offlineLock = await gateway.createCode({ device_id: back, name: 'Staff', code: '6071', starts_at: null, ends_at: null });
    const guest = await gateway.createCode({ device_id: front, name: 'Guest', code: '8080', starts_at: '2026-03-03T15:00:00.000Z', ends_at: '2026-03-05T10:00:00.000Z' });
    const status = async (id: string) => (await gateway.getCode(id))?.status ?? 'gone';

    clock = new Date('2026-03-02T09:00:05.000Z');
    expect(cloud.tick()).toBe(1);
    expect([await status(ongoing.access_code_id), await status(offlineLock.access_code_id), await status(guest.access_code_id)]).toEqual(['set', 'setting', 'unset']);
    expect(cloud.tick()).toBe(0);

    clock = new Date('2026-03-03T15:00:00.000Z');
    cloud.tick();
    expect(await status(guest.access_code_id)).toBe('set');
    clock = new Date('2026-03-05T10:00:00.000Z');
    cloud.tick();
    expect(await status(guest.access_code_id)).toBe('gone');

    const events = await gateway.listEvents(since, [front]);
    expect(events.filter((e) => e.access_code_id === guest.access_code_id).map((e) => [e.event_type, e.occurred_at])).toEqual([
      ['access_code.created', '2026-03-02T09:00:01.000Z'],
      ['access_code.set_on_device', '2026-03-03T15:00:00.000Z'],
      ['access_code.removed_from_device', '2026-03-05T10:00:00.000Z'],
      ['access_code.deleted', '2026-03-05T10:00:00.000Z'],
    ]);
    expect(events.filter((e) => e.access_code_id === ongoing.access_code_id).map((e) => e.event_type)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
    ]);
  });

  it('runs its robot on its own at the given interval', async () => {
    const cloud = await start({ robotIntervalMs: 20 });
    const gateway = gatewayOf(cloud);
    const code = await gateway.createCode({ device_id: cloud.devices[0]!.deviceId, name: 'Auto', code: '7193', starts_at: null, ends_at: null });
    await vi.waitFor(async () => expect((await gateway.getCode(code.access_code_id))?.status).toBe('set'), { timeout: 2_000, interval: 20 });
  });

  it('keeps its workspace across a restart from the state file: same key, device ids and codes', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    const first = await start({ stateFile });
    const code = await gatewayOf(first).createCode({ device_id: first.devices[0]!.deviceId, name: 'Kept', code: '3090', starts_at: null, ends_at: null });
    await first.close();
    started.splice(started.indexOf(first), 1);
    expect(await readFile(stateFile, 'utf8')).toContain(first.apiKey);

    const added = { ...FAKE_CLOUD_DEVICES[0]!, name: 'Garage', serialNumber: 'SCH-469-0003' };
    const second = await start({ stateFile, devices: [...FAKE_CLOUD_DEVICES, added] });
    expect(second.notice).toBeNull();
    expect([second.apiKey, second.workspaceId]).toEqual([first.apiKey, first.workspaceId]);
    expect(second.devices.slice(0, 2)).toEqual(first.devices);
    expect(second.devices[2]).toMatchObject({ name: 'Garage', serialNumber: 'SCH-469-0003' });
    expect(first.devices.map((d) => d.deviceId)).not.toContain(second.devices[2]!.deviceId);
    expect(await gatewayOf(second).getCode(code.access_code_id)).toMatchObject({ name: 'Kept', code: '3090' });
  });

  it('falls back to the previous copy when the state file is damaged', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    const first = await start({ stateFile });
    await first.flush();
    await gatewayOf(first).createCode({ device_id: first.devices[0]!.deviceId, name: 'Later', code: '3091', starts_at: null, ends_at: null });
    await first.close();
    started.splice(started.indexOf(first), 1);
    await writeFile(stateFile, '{"version":1,"workspaceId":');

    const second = await start({ stateFile });
    expect(second.notice).toContain('previous copy');
    expect([second.apiKey, second.devices]).toEqual([first.apiKey, first.devices]);
    expect(codesOf(second.database)).toEqual([]); // the copy from before the code was made
  });

  it('sets a damaged state file aside and starts a new workspace', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    await writeFile(stateFile, '{"version":1,"workspaceId":');
    const cloud = await start({ stateFile });
    expect(cloud.notice).toContain('set aside');
    expect(await gatewayOf(cloud).workspace()).toMatchObject({ name: 'Demo property' });
    await cloud.flush();
    expect((await readdir(dir)).sort()).toEqual(['demo-cloud.json', expect.stringMatching(/^demo-cloud\.json\.corrupt-/)]);
  });

  it('sees a PIN on the lock as one unmanaged code, however often it reads the lock', async () => {
    const cloud = await start();
    const back = cloud.devices[1]!.deviceId;
    const first = cloud.seeLockCode(back, { code: '1928', name: 'Found on lock' });
    const again = cloud.seeLockCode(back, { code: '1928', name: 'Found on lock' });
    expect(first.isNew).toBe(true);
    expect(again).toEqual({ accessCodeId: first.accessCodeId, isNew: false });
    const unmanaged = await gatewayOf(cloud).listUnmanaged(back);
    expect(unmanaged).toEqual([expect.objectContaining({ access_code_id: first.accessCodeId, code: '1928', is_managed: false, status: 'set' })]);
    expect(() => cloud.seeLockCode('device_unknown', { code: '1928', name: 'x' })).toThrow();
  });
});

describe('the demo cloud state file with a cipher', () => {
  const cipherA = createFieldCipher(createDataKey(), 'demo locks');
  const stop = async (cloud: DemoCloud) => {
    await cloud.close();
    started.splice(started.indexOf(cloud), 1);
  };
  /** The state file and its .bak, as text (what a copy of the data folder would show). */
  const onDisk = async (stateFile: string) => [await readFile(stateFile, 'utf8'), await readFile(`${stateFile}.bak`, 'utf8')];

  it('holds neither the API key nor a PIN in clear, and a restart with the same key restores the workspace', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    const first = await start({ stateFile, cipher: cipherA });
    await first.flush();
    const code = await gatewayOf(first).createCode({ device_id: first.devices[0]!.deviceId, name: 'Sealed', code: '3093', starts_at: null, ends_at: null });
    await stop(first);
    for (const text of await onDisk(stateFile)) {
      expect(JSON.parse(text)).toMatchObject({ version: 2, sealed: expect.stringMatching(/^lb1:/) });
      expect(text).not.toContain(first.apiKey);
      expect(text).not.toContain('3093');
    }

    const second = await start({ stateFile, cipher: cipherA });
    expect(second.notice).toBeNull();
    expect([second.apiKey, second.workspaceId, second.devices]).toEqual([first.apiKey, first.workspaceId, first.devices]);
    expect(await gatewayOf(second).getCode(code.access_code_id)).toMatchObject({ name: 'Sealed', code: '3093' });
  });

  it('sets a file sealed with another key aside with a notice and makes a new workspace', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    const first = await start({ stateFile, cipher: cipherA });
    await first.flush();
    await gatewayOf(first).createCode({ device_id: first.devices[0]!.deviceId, name: 'Elsewhere', code: '3094', starts_at: null, ends_at: null });
    await stop(first);

    const second = await start({ stateFile, cipher: createFieldCipher(createDataKey(), 'demo locks') });
    expect(second.notice).toMatch(/another data key.*set aside as .*demo-cloud\.json\.corrupt-.*new demo workspace/);
    expect(second.notice).not.toContain('3094');
    expect(second.apiKey).not.toBe(first.apiKey);
    expect(codesOf(second.database)).toEqual([]);
    expect(await gatewayOf(second).workspace()).toMatchObject({ name: 'Demo property' });
    await second.flush();
    expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toHaveLength(1);
  });

  it('reads a file written in clear before, and seals it, its .bak too', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    const first = await start({ stateFile });
    await first.flush();
    const code = await gatewayOf(first).createCode({ device_id: first.devices[0]!.deviceId, name: 'Old', code: '3095', starts_at: null, ends_at: null });
    await stop(first);
    expect((await onDisk(stateFile))[0]).toContain('3095');

    const second = await start({ stateFile, cipher: cipherA });
    expect(second.notice).toBeNull();
    expect(second.apiKey).toBe(first.apiKey);
    expect(await gatewayOf(second).getCode(code.access_code_id)).toMatchObject({ code: '3095' });
    for (const text of await onDisk(stateFile)) expect([text.includes('3095'), text.includes(first.apiKey)]).toEqual([false, false]);
  });

  it('seals a damaged file in clear when it sets it aside', async () => {
    const stateFile = path.join(dir, 'demo-cloud.json');
    await writeFile(stateFile, '{"version":1,"workspaceId":"w","apiKey":"seam_demo_cut","database":{"access_codes":[{"code":"3096"');
    const cloud = await start({ stateFile, cipher: cipherA });
    expect(cloud.notice).toContain('set aside');
    const aside = (await readdir(dir)).find((n) => n.includes('.corrupt-'))!;
    const kept = await readFile(path.join(dir, aside), 'utf8');
    expect([kept.includes('3096'), kept.includes('seam_demo_cut')]).toEqual([false, false]);
  });
});
