import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataFolderPrivate, restrictNewFilesToUser } from './data-folder-privacy';

let root: string;
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lockbench-private-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  it('is created 0700 when new, with nothing to report', async () => {
    const dataDir = path.join(root, 'Lockbench');
    expect(await makeDataFolderPrivate(dataDir)).toBeNull();
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it('is fixed when it existed open to others (0755 folders, 0644 files holding PINs), naming what was fixed', async () => {
    const dataDir = path.join(root, 'Lockbench');
    await mkdir(path.join(dataDir, 'sites'), { recursive: true });
    await mkdir(path.join(dataDir, 'zwave-cache'));
    await writeFile(path.join(dataDir, 'index.json'), '{}');
    await writeFile(path.join(dataDir, 'sites', 'demo.json'), '{"code":"123456"}');
    await writeFile(path.join(dataDir, 'zwave-cache', '4c4b4245.values.jsonl'), '');
    await writeFile(path.join(dataDir, 'already-private.json'), '{}', { mode: 0o600 });
    for (const d of [dataDir, path.join(dataDir, 'sites'), path.join(dataDir, 'zwave-cache')]) await chmod(d, 0o755);
    for (const f of ['index.json', 'sites/demo.json', 'zwave-cache/4c4b4245.values.jsonl']) await chmod(path.join(dataDir, f), 0o644);
    const outside = path.join(root, 'outside.txt');
    await writeFile(outside, 'not ours', { mode: 0o644 });
    await symlink(outside, path.join(dataDir, 'link-to-outside'));

    const notice = await makeDataFolderPrivate(dataDir);
    expect(notice).toContain(`The data folder ${dataDir} was open to other users of this computer; Lockbench made it private`);
    expect(notice).toContain('./, index.json, sites/, sites/demo.json, zwave-cache/ and 1 more');
    for (const d of ['', 'sites', 'zwave-cache']) expect(await modeOf(path.join(dataDir, d))).toBe(0o700);
    for (const f of ['index.json', 'sites/demo.json', 'zwave-cache/4c4b4245.values.jsonl', 'already-private.json']) {
      expect(await modeOf(path.join(dataDir, f))).toBe(0o600);
    }
    expect(await modeOf(outside)).toBe(0o644); // a link is never followed
    expect(await makeDataFolderPrivate(dataDir)).toBeNull();
  });

  it('makes files this process creates later private too (umask 077), so files zwave-js writes itself are', async () => {
    const before = process.umask();
    try {
      expect(restrictNewFilesToUser()).toBe(true);
      await writeFile(path.join(root, 'later.jsonl'), '');
      await mkdir(path.join(root, 'later-folder'));
      expect(await modeOf(path.join(root, 'later.jsonl'))).toBe(0o600);
      expect(await modeOf(path.join(root, 'later-folder'))).toBe(0o700);
    } finally {
      process.umask(before);
    }
  });
});

describe('on Windows', () => {
  it('only creates the folder (NTFS permissions come from the user profile, not POSIX modes)', async () => {
    const dataDir = path.join(root, 'win');
    expect(await makeDataFolderPrivate(dataDir, 'win32')).toBeNull();
    expect(restrictNewFilesToUser('win32')).toBe(false);
  });
});
