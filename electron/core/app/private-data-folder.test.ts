import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import { createMemoryVault } from '../secrets/key-vault';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';
import { createMemoryPlatform } from './memory-platform';

/**
 * The whole app on the demo site (real store on disk, real zwave-js on the virtual stick), started on a data folder
 * left open to others by an earlier Lockbench, with its network keys in clear. After a session that programs codes,
 * nothing in the folder may hold a PIN or a key in clear, and everything must be private to the user.
 */
const PROGRAMMED = { front: '48021937', back: '517306' };
/** Codes the demo locks hold from the factory (demo-locks.ts): on the lock before Lockbench, cached by zwave-js. */
const FACTORY = ['802417', '2580'];
const OLD_KEY_HEX = 'a1'.repeat(16);

let dataDir: string;
let services: AppServices;
const vault = createMemoryVault();

/** Every file under the data folder: relative name, text, mode. */
async function filesIn(dir: string): Promise<Array<{ name: string; text: string; mode: number }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => {
      const file = join(e.parentPath, e.name);
      return { name: relative(dir, file), text: await readFile(file, 'utf8'), mode: (await stat(file)).mode & 0o777 };
    }),
  );
}

/** The ways a PIN shows in clear: a JSON string, the bare digits (long PINs), its ASCII bytes in hex (zwave-js buffers). */
function clearForms(pin: string): string[] {
  const forms = [`"${pin}"`];
  if (pin.length >= 6) forms.push(pin, Buffer.from(pin, 'ascii').toString('hex'));
  return forms;
}

const waitForSet = (doorId: string, pin: string) =>
  new Promise<AccessCode>((resolve) => {
    const off = services.events.subscribe((channel, payload) => {
      const code = payload as AccessCode;
      if (channel === 'codes.changed' && code.door_id === doorId && code.code === pin && code.status === 'set') {
        off();
        resolve(code);
      }
    });
  });

beforeAll(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'lockbench-private-app-')), 'Lockbench');
  await mkdir(dataDir, { mode: 0o755 });
  await chmod(dataDir, 0o755);
  const hex = { S0_Legacy: OLD_KEY_HEX, S2_Unauthenticated: 'b2'.repeat(16), S2_Authenticated: 'c3'.repeat(16), S2_AccessControl: 'd4'.repeat(16) };
  await writeFile(join(dataDir, 'network-keys.json'), JSON.stringify(hex, null, 2), { mode: 0o644 });
  await chmod(join(dataDir, 'network-keys.json'), 0o644);
  services = await createAppServices({ dataDir, host: 'browser', version: 'test', platform: createMemoryPlatform({ secrets: vault }) });
  await services.ready;
}, 120_000);
afterAll(async () => {
  await services?.close();
  await rm(join(dataDir, '..'), { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('nothing on the laptop leaks', () => {
  it('fixes a data folder that was open to others, and says so in the banner', async () => {
    const info = await services.handlers['app.info']({});
    expect(info.storeNotice).toMatch(/was open to other users of this computer; Lockbench made it private .*\.\/, network-keys.json/);
  });

  it('refuses a second Lockbench on the same folder, naming this process', async () => {
    await expect(createAppServices({ dataDir, host: 'electron', version: 'test', platform: createMemoryPlatform({ secrets: vault }) })).rejects.toMatchObject({
      code: 'store.locked',
      message: expect.stringContaining(`process ${process.pid}`),
    });
  });

  it('after a session on the demo stick, no PIN and no key is in clear in any file, and every file and folder is private', async () => {
    const doors = await services.handlers['doors.list']({ siteId: 'demo' });
    const front = doors.find((d) => d.name === 'Front door')!;
    const back = doors.find((d) => d.name === 'Back door')!;
    const frontSet = waitForSet(front.id, PROGRAMMED.front);
    const backSet = waitForSet(back.id, PROGRAMMED.back);
    await services.handlers['codes.create']({ doorId: front.id, name: 'Resident', code: PROGRAMMED.front });
    await services.handlers['codes.create']({ doorId: back.id, name: 'Guest', code: PROGRAMMED.back });
    await Promise.all([frontSet, backSet]);
    await services.close();

    const files = await filesIn(dataDir);
    const names = files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['index.json', 'sites/demo.json', 'sites/demo.json.bak', 'demo-locks.json', 'network-keys.json', 'data-key.json']));
    expect(names.some((n) => n.startsWith('zwave-cache/') && n.endsWith('.values.jsonl'))).toBe(true);
    expect(names).not.toContain('in-use.lock'); // released on close
    const sealedIn = (name: (n: string) => boolean) => files.filter((f) => name(f.name) && f.text.includes('"lb1:')).length > 0;
    expect(sealedIn((n) => n.endsWith('.values.jsonl'))).toBe(true); // zwave-js cached the PINs: sealed
    expect(sealedIn((n) => n === 'demo-locks.json')).toBe(true);
    expect(sealedIn((n) => n === 'sites/demo.json')).toBe(true);
    const leaks = files.filter((f) => [...Object.values(PROGRAMMED), ...FACTORY].flatMap(clearForms).some((form) => f.text.includes(form)));
    expect(leaks.map((f) => f.name)).toEqual([]);
    expect(files.filter((f) => f.text.includes(OLD_KEY_HEX)).map((f) => f.name)).toEqual([]);
    expect(files.filter((f) => f.mode !== 0o600).map((f) => `${f.name} ${f.mode.toString(8)}`)).toEqual([]);
    const folders = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isDirectory());
    for (const folder of [dataDir, ...folders.map((e) => join(e.parentPath, e.name))]) expect((await stat(folder)).mode & 0o777).toBe(0o700);

    // The same folder opens again with its key: every PIN is back.
    services = await createAppServices({ dataDir, host: 'browser', version: 'test', platform: createMemoryPlatform({ secrets: vault }), connectDemoOnStart: false });
    const codes = await services.handlers['codes.list']({ doorId: front.id });
    expect(codes.find((c) => c.name === 'Resident')?.code).toBe(PROGRAMMED.front);
    await services.close();
  }, 120_000);

  it('with another key the app does not start (secrets.unavailable) and the folder is left as it was', async () => {
    const before = await filesIn(dataDir);
    await expect(createAppServices({ dataDir, host: 'browser', version: 'test', platform: createMemoryPlatform({ secrets: createMemoryVault() }) })).rejects.toMatchObject({
      code: 'secrets.unavailable',
    });
    expect(await filesIn(dataDir)).toEqual(before);
    services = await createAppServices({ dataDir, host: 'browser', version: 'test', platform: createMemoryPlatform({ secrets: vault }), connectDemoOnStart: false }); // (for afterAll)
  });
});
