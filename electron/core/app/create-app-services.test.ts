import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';
import { nextCodeChange } from './app-test-support';

/** The whole main-process stack on the demo site: real store on disk, real zwave-js driver on the virtual stick. */
let dataDir: string;
let services: AppServices;

const start = async () => {
  services = await createAppServices({ dataDir, host: 'browser', version: 'test' });
  await services.ready;
};
const frontDoor = async () => (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === 'Front door')!;
const waitFor = (predicate: (code: AccessCode) => boolean) => nextCodeChange(services.events, predicate);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-app-'));
  await start();
}, 120_000);
afterAll(async () => {
  await services?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('app services on the demo site', () => {
  it('opens on the demo site with its three doors connected', async () => {
    const sites = await services.handlers['sites.list']({});
    expect(sites).toMatchObject([{ id: 'demo', state: 'ready' }]);
    const doors = await services.handlers['doors.list']({ siteId: 'demo' });
    expect(doors.map((d) => d.name).sort()).toEqual(['Back door', 'Front door', 'Garage side door']);
    expect(doors.find((d) => d.name === 'Front door')?.lock).toMatchObject({ slotCount: 30, nativeScheduling: true, securityClass: 'S2_AccessControl' });
    expect(doors.find((d) => d.name === 'Back door')?.lock).toMatchObject({ slotCount: 10, supportedCodeLengths: [4, 5, 6], nativeScheduling: false });
  });

  it('keeps the zwave-js cache and the store inside the data folder', async () => {
    const files = await readdir(dataDir);
    expect(files).toEqual(expect.arrayContaining(['index.json', 'sites', 'zwave-cache', 'network-keys.json', 'demo-locks.json']));
    expect((await readdir(join(dataDir, 'zwave-cache'))).length).toBeGreaterThan(0);
  });

  it('runs the capability check on a door', async () => {
    const door = await frontDoor();
    const report = await services.handlers['doors.check']({ doorId: door.id });
    expect(report.items.find((i) => i.key === 'access_codes')?.verdict).toBe('pass');
    expect(report.items.find((i) => i.key === 'native_scheduling')?.verdict).toBe('pass');
  });

  it('reports failed_to_set_on_device with the reason when a lock stops answering, and recovers after', async () => {
    const back = (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === 'Back door')!;
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'no_answer' });
    const failed = waitFor((c) => c.door_id === back.id && c.errors.length > 0);
    const started = Date.now();
    await services.handlers['codes.create']({ doorId: back.id, code: '5173' });
    const code = await failed;
    console.log(`failure reported after ${Date.now() - started} ms`);
    // Seam's reading: still `setting` (Lockbench keeps trying while the lock is connected), with the error shown.
    expect(code).toMatchObject({ status: 'setting', errors: [{ error_code: 'failed_to_set_on_device' }] });
    expect(code.errors[0]!.message).toMatch(/not answering/);
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'none' });
    const isSet = waitFor((c) => c.door_id === back.id && c.status === 'set');
    await services.handlers['codes.create']({ doorId: back.id, code: '5174' });
    expect((await isSet).code).toBe('5174');
  }, 120_000);

  it('records a keypad unlock with the code as proof of use', async () => {
    const door = await frontDoor();
    const code = (await services.handlers['codes.list']({ doorId: door.id })).find((c) => c.status === 'set' && !c.is_removed)
      ?? (await services.handlers['codes.create']({ doorId: door.id, name: 'Keypad test', code: '602718' }));
    const used = waitFor((c) => c.access_code_id === code.access_code_id && c.last_used_at !== null);
    await waitFor((c) => c.access_code_id === code.access_code_id && c.status === 'set').catch(() => {});
    await services.handlers['demo.keypad']({ doorId: door.id, accessCodeId: code.access_code_id });
    expect((await used).events.at(-1)!.event_type).toBe('access_code.used_on_keypad');
  }, 60_000);

  it('programs a code, verified by the lock, and it survives a restart of the app', async () => {
    const door = await frontDoor();
    const isSet = waitFor((c) => c.name === 'Resident 1' && c.status === 'set');
    const created = await services.handlers['codes.create']({ doorId: door.id, name: 'Resident 1', code: '480213' });
    expect(created.status).toBe('setting');
    await isSet;
    await services.close();
    await start();
    const again = await frontDoor();
    const codes = await services.handlers['codes.list']({ doorId: again.id });
    expect(codes.find((c) => c.access_code_id === created.access_code_id)).toMatchObject({ status: 'set', code: '480213' });
    await expect(services.handlers['codes.create']({ doorId: again.id, code: '480213' })).rejects.toMatchObject({ code: 'codes.duplicate_pin' });
  }, 120_000);
});
