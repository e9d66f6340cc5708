import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrashReporterStartOptions } from 'electron';
import { listCrashDumps, startCrashDumps } from './crash-dumps';

const dir = await mkdtemp(join(tmpdir(), 'lockbench-crashes-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes a file of `bytes` bytes last changed at `at`. */
async function put(path: string, bytes: number, at: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, Buffer.alloc(bytes, 7));
  await utimes(path, new Date(at), new Date(at));
}

describe('startCrashDumps', () => {
  it('starts the crash reporter keeping dumps on this computer (never uploads) and returns their folder', () => {
    const started: CrashReporterStartOptions[] = [];
    const folder = startCrashDumps({ start: (options) => void started.push(options) }, { getPath: (name) => `/home/ana/.config/Lockbench/${name === 'crashDumps' ? 'Crashpad' : name}` });
    expect(started).toEqual([{ submitURL: '', uploadToServer: false, compress: true }]);
    expect(folder).toBe('/home/ana/.config/Lockbench/Crashpad');
  });
});

describe('listCrashDumps', () => {
  it('lists the .dmp files in completed/, pending/ and new/, newest first, with size and time only', async () => {
    const crashpad = join(dir, 'Crashpad');
    await put(join(crashpad, 'completed', 'a1b2c3.dmp'), 2048, '2026-11-28T10:00:00.000Z');
    await put(join(crashpad, 'pending', 'd4e5f6.dmp'), 1024, '2026-11-30T08:00:00.000Z');
    await put(join(crashpad, 'new', '0f0f0f.DMP'), 512, '2026-11-29T12:00:00.000Z');
    await put(join(crashpad, 'settings.dat'), 40, '2026-11-30T09:00:00.000Z');
    await put(join(crashpad, 'completed', 'a1b2c3.meta'), 12, '2026-11-28T10:00:00.000Z');
    expect(await listCrashDumps(crashpad)).toEqual([
      { name: 'pending/d4e5f6.dmp', bytes: 1024, modifiedAt: '2026-11-30T08:00:00.000Z' },
      { name: 'new/0f0f0f.DMP', bytes: 512, modifiedAt: '2026-11-29T12:00:00.000Z' },
      { name: 'completed/a1b2c3.dmp', bytes: 2048, modifiedAt: '2026-11-28T10:00:00.000Z' },
    ]);
  });

  it('has none when the folder does not exist yet (the app never crashed)', async () => {
    expect(await listCrashDumps(join(dir, 'never-created'))).toEqual([]);
  });
});
