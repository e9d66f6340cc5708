import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUIRED_OUTPUTS, whyRebuild, writeBuildStamp } from './build-stamp.mjs';
import { ensureBuilt } from './build.mjs';

let root: string;
const put = async (path: string, text: string) => {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lockbench-stamp-'));
  await put('package.json', '{"name":"x"}');
  await put('package-lock.json', '{"lockfileVersion":3}');
  await put('electron/host/cli.ts', 'export {};');
  await put('electron/host/cli.test.ts', 'test');
  await put('shared/contract.ts', 'export {};');
  await put('renderer/src/App.svelte', '<p>hi</p>');
  for (const file of REQUIRED_OUTPUTS) await put(file, `built ${file}`);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('build stamp: is out/ the build of the sources as they are now?', () => {
  it('asks for a build until one is recorded, then not while nothing changes', async () => {
    expect(await whyRebuild(root)).toBe('no record of the last build');
    await writeBuildStamp(root);
    expect(await whyRebuild(root)).toBeNull();
  });

  it('rebuilds when a source, a new source file or the lock file changes; not for a test file', async () => {
    await writeBuildStamp(root);
    await put('electron/host/cli.test.ts', 'a changed test');
    expect(await whyRebuild(root)).toBeNull();

    await put('shared/contract.ts', 'export const changed = 1;');
    expect(await whyRebuild(root)).toBe('sources changed since the last build');
    await writeBuildStamp(root);
    await put('renderer/src/lib/new-file.ts', 'export {};');
    expect(await whyRebuild(root)).toBe('sources changed since the last build');
    await writeBuildStamp(root);
    await put('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(await whyRebuild(root)).toBe('sources changed since the last build');
  });

  it('rebuilds when out/ was changed by something else (a dev build) or lost a file', async () => {
    await writeBuildStamp(root);
    await put('out/main/index.js', 'dev build pointing at a dev server');
    expect(await whyRebuild(root)).toBe('out/ changed since the last build');
    await writeBuildStamp(root);
    await unlink(join(root, 'out/main/host.js'));
    expect(await whyRebuild(root)).toBe('out/main/host.js is missing');
  });

  it('ensureBuilt builds only when stale, says why in one line, and records the build', async () => {
    const lines: string[] = [];
    let builds = 0;
    const build = async () => void builds++;
    expect(await ensureBuilt({ root, log: (l: string) => lines.push(l), build })).toBe(true);
    expect(await ensureBuilt({ root, log: (l: string) => lines.push(l), build })).toBe(false);
    expect(builds).toBe(1);
    expect(lines).toEqual(['Building Lockbench (no record of the last build)…', 'Lockbench is already built for these sources (out/ is up to date).']);
  });

  it('a failed build records nothing', async () => {
    const failing = async () => {
      throw new Error('electron-vite build failed (exit code 1)');
    };
    await expect(ensureBuilt({ root, log: () => {}, build: failing })).rejects.toThrow('exit code 1');
    expect(await whyRebuild(root)).toBe('no record of the last build');
  });
});
