import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFactsFrom, readBuildFacts, runtimeFacts, signatureWords, updatePolicy } from './build-facts';

const dir = await mkdtemp(join(tmpdir(), 'lockbench-build-facts-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const runtime = { electron: '45.5.0', chrome: '142.0', node: '22.20.0', os: 'Windows 10.0.26100 (x64)' };

describe('build facts from the packaged package.json', () => {
  it('reads lockbenchBuild of a signed release', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'lockbench', version: '0.2.0', lockbenchBuild: { signed: true, commit: 'a1b2c3d4e5f6', builtAt: '2026-11-30T10:00:00Z' } }));
    expect(await readBuildFacts(dir, '0.2.0', runtime)).toEqual({ version: '0.2.0', isSigned: true, commit: 'a1b2c3d4e5f6', builtAt: '2026-11-30T10:00:00Z', runtime });
  });

  it('is an unsigned build when lockbenchBuild or package.json is absent, or it says anything but signed: true', async () => {
    expect(await readBuildFacts(join(dir, 'nowhere'), '0.1.0', runtime)).toEqual({ version: '0.1.0', isSigned: false, commit: null, builtAt: null, runtime });
    expect(buildFactsFrom({ version: '0.1.0' }, '0.1.0', runtime)).toMatchObject({ isSigned: false, commit: null });
    expect(buildFactsFrom({ lockbenchBuild: { signed: 'yes', commit: 'not a hash; rm -rf', builtAt: 'someday' } }, '0.1.0', runtime)).toMatchObject({ isSigned: false, commit: null, builtAt: null });
    expect(buildFactsFrom(null, '0.1.0', runtime).isSigned).toBe(false);
  });

  it('names the runtime in words, macOS by its own version numbers', () => {
    expect(runtimeFacts({ versions: { electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0' }, platform: 'darwin', arch: 'arm64', systemVersion: '14.6.1' })).toEqual({
      electron: '45.5.0', chrome: '142.0.7444.52', node: '22.20.0', os: 'macOS 14.6.1 (arm64)',
    });
    expect(runtimeFacts({ versions: { node: '20.20.2' }, platform: 'linux', arch: 'x64', systemVersion: '6.1.0' }).electron).toMatch(/not running in Electron/);
  });

  it('says UNSIGNED plainly for an unsigned build', () => {
    expect(signatureWords({ isSigned: true })).toBe('Signed build');
    expect(signatureWords({ isSigned: false })).toBe('UNSIGNED build — not signed by Lockbench; for testing only');
  });
});

describe('updatePolicy', () => {
  const run = { isPackaged: true, isSmoke: false, isSigned: true, platform: 'win32' as NodeJS.Platform };
  it('updates installed builds only: not in development or smoke runs, not an unsigned macOS app', () => {
    expect(updatePolicy(run)).toEqual({ ok: true });
    expect(updatePolicy({ ...run, isSigned: false })).toEqual({ ok: true });
    expect(updatePolicy({ ...run, platform: 'darwin' })).toEqual({ ok: true });
    expect(updatePolicy({ ...run, platform: 'darwin', isSigned: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/not signed.*macOS/) });
    expect(updatePolicy({ ...run, isPackaged: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/development build/) });
    expect(updatePolicy({ ...run, isSmoke: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/smoke/) });
  });
});
