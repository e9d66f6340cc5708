import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { load } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReleaseArgs, planRelease, readSmokeReport, runRelease, runSmoke, signingStatus, smokeSummaryRow } from './release.mjs';

const projectDir = join(import.meta.dirname, '..');
const at = { commit: 'abc123', builtAt: '2026-11-30T12:00:00.000Z' };
const MAC_CERT = { CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'pw' };
const APPLE_ID_SET = { APPLE_ID: 'dev@lockbench.app', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123' };
const API_KEY_SET = { APPLE_API_KEY: '/tmp/AuthKey.p8', APPLE_API_KEY_ID: 'KEY', APPLE_API_ISSUER: 'issuer' };

/** A file name as electron-builder makes it from an artifactName template (its own macro expander). */
function artifactName(template: string, arch: string | null, ext: string): string {
  const appInfo = { productName: 'Lockbench', sanitizedProductName: 'Lockbench', version: '0.1.0' };
  return expandMacro(template, arch, appInfo as never, { ext });
}

/** electron.builder.yml with a plan's overrides merged over it, the way electron-builder merges them. */
type Named = { artifactName: string } & Record<string, unknown>;
async function effectiveConfig(overrides: Record<string, unknown>): Promise<{ nsis: Named; dmg: Named; mac: Named }> {
  return (await getConfig(projectDir, './electron.builder.yml', structuredClone(overrides))) as never;
}

describe('release: command line', () => {
  it('takes exactly one platform, --publish never|always (never by default) and --allow-unsigned', () => {
    expect(parseReleaseArgs(['--win'])).toEqual({ platform: 'win', publish: 'never', allowUnsigned: false });
    expect(parseReleaseArgs(['--mac', '--publish', 'always', '--allow-unsigned'])).toEqual({ platform: 'mac', publish: 'always', allowUnsigned: true });
    expect(parseReleaseArgs(['--publish', 'never', '--linux'])).toEqual({ platform: 'linux', publish: 'never', allowUnsigned: false });
    expect(parseReleaseArgs(['--linux', '--electron-dist', '/tmp/stand-in'])).toEqual({ platform: 'linux', publish: 'never', allowUnsigned: false, electronDist: '/tmp/stand-in' });
    const bads = [[], ['--win', '--mac'], ['--win', '--publish', 'onTag'], ['--win', '--publish'], ['--win', '--sign'], ['win'], ['--linux', '--electron-dist'], ['--linux', '--electron-dist', '--publish', 'never']];
    // A stand-in Electron is for looking at the package, never for publishing.
    bads.push(['--linux', '--electron-dist', '/tmp/stand-in', '--publish', 'always']);
    for (const bad of bads) {
      expect(() => parseReleaseArgs(bad), bad.join(' ')).toThrow(/Usage: npm run release/);
    }
  });
});

describe('release: signed or unsigned, from the environment', () => {
  it('Windows is signed with a certificate in CSC_LINK or WIN_CSC_LINK; an empty secret is no certificate', () => {
    expect(signingStatus('win', { CSC_LINK: 'cert.p12' })).toMatchObject({ signed: true, why: 'certificate from CSC_LINK' });
    expect(signingStatus('win', { WIN_CSC_LINK: 'cert.p12', CSC_LINK: '' })).toMatchObject({ signed: true, why: 'certificate from WIN_CSC_LINK' });
    expect(signingStatus('win', { CSC_LINK: '', WIN_CSC_LINK: '  ' })).toMatchObject({ signed: false, why: 'no CSC_LINK or WIN_CSC_LINK' });
  });

  it('macOS is signed only with a certificate AND a complete set of notarization credentials', () => {
    expect(signingStatus('mac', { ...MAC_CERT, ...APPLE_ID_SET })).toMatchObject({ signed: true, why: expect.stringContaining('APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID') });
    expect(signingStatus('mac', { ...MAC_CERT, ...API_KEY_SET })).toMatchObject({ signed: true, why: expect.stringContaining('APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER') });
    expect(signingStatus('mac', { CSC_NAME: 'Lockbench (TEAM123)', ...APPLE_ID_SET }).signed).toBe(true);
    expect(signingStatus('mac', MAC_CERT)).toMatchObject({ signed: false, why: expect.stringMatching(/^no notarization credentials/) });
    expect(signingStatus('mac', APPLE_ID_SET)).toMatchObject({ signed: false, why: 'no CSC_LINK or CSC_NAME' });
    expect(signingStatus('mac', { ...MAC_CERT, APPLE_ID: 'dev@lockbench.app', APPLE_TEAM_ID: 'TEAM123', APPLE_APP_SPECIFIC_PASSWORD: '' })).toMatchObject({
      signed: false,
      why: 'notarization incomplete (missing APPLE_APP_SPECIFIC_PASSWORD)',
    });
  });

  it('Linux (CI smoke runs only) is never signed', () => {
    expect(signingStatus('linux', { ...MAC_CERT, ...APPLE_ID_SET })).toMatchObject({ signed: false });
  });
});

describe('release: what an unsigned build looks like', () => {
  it('Windows: the installer says -unsigned, the packaged package.json says signed: false, no signing variable reaches electron-builder', async () => {
    const plan = planRelease({ platform: 'win', env: {}, ...at });
    expect(plan).toMatchObject({ signed: false, refusal: null, publish: 'never' });
    expect(plan.config.extraMetadata).toEqual({ lockbenchBuild: { signed: false, commit: 'abc123', builtAt: '2026-11-30T12:00:00.000Z' } });
    expect(plan.env.unset).toEqual(expect.arrayContaining(['CSC_LINK', 'WIN_CSC_LINK', 'CSC_NAME']));
    const config = await effectiveConfig(plan.config);
    expect(artifactName(config.nsis.artifactName, 'x64', 'exe')).toBe('Lockbench-Setup-0.1.0-unsigned.exe');
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true }); // merged, not replaced
  });

  it('macOS: dmg and zip say -unsigned, auto-discovery is off, and the app is ad-hoc signed without hardened runtime or notarization', async () => {
    const plan = planRelease({ platform: 'mac', env: MAC_CERT, ...at });
    expect(plan.signed).toBe(false);
    expect(plan.env.set).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(plan.env.unset).toEqual(expect.arrayContaining(['CSC_LINK', 'APPLE_ID', 'APPLE_API_KEY']));
    const config = await effectiveConfig(plan.config);
    expect(artifactName(config.dmg.artifactName, 'arm64', 'dmg')).toBe('Lockbench-0.1.0-arm64-unsigned.dmg');
    expect(artifactName(config.mac.artifactName, 'x64', 'zip')).toBe('Lockbench-0.1.0-x64-mac-unsigned.zip');
    expect(config.mac).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false, category: 'public.app-category.utilities' });
  });

  it('signed builds keep the plain names, must sign (forceCodeSigning) and say signed: true', async () => {
    for (const [platform, env] of [['win', { WIN_CSC_LINK: 'cert.p12' }], ['mac', { ...MAC_CERT, ...API_KEY_SET }]] as const) {
      const plan = planRelease({ platform, env, ...at });
      expect(plan).toMatchObject({ signed: true, env: { set: {}, unset: [] }, config: { forceCodeSigning: true, extraMetadata: { lockbenchBuild: { signed: true } } } });
      const config = await effectiveConfig(plan.config);
      expect(config.nsis.artifactName).not.toContain('unsigned');
      expect(config.dmg.artifactName).not.toContain('unsigned');
      expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'resources/entitlements.mac.plist' });
    }
  });

  it('a stand-in Electron (--electron-dist) packs without fuses, which only a real Electron binary has', () => {
    const plan = planRelease({ platform: 'linux', electronDist: 'stand-in', env: {}, ...at });
    expect(plan.config).toMatchObject({ electronDist: 'stand-in', electronFuses: null });
    expect(planRelease({ platform: 'linux', env: {}, ...at }).config).not.toHaveProperty('electronFuses');
  });

  it('every plan gives a configuration electron-builder accepts', async () => {
    const envs = [{}, MAC_CERT, { ...MAC_CERT, ...APPLE_ID_SET }, { WIN_CSC_LINK: 'x' }];
    for (const platform of ['win', 'mac', 'linux'] as const) {
      for (const env of envs) {
        for (const publish of ['never', 'always'] as const) {
          const config = await effectiveConfig(planRelease({ platform, env, publish, allowUnsigned: true, ...at }).config);
          await expect(validateConfiguration(config as never, new DebugLogger(false)), `${platform} ${publish}`).resolves.toBeUndefined();
        }
      }
    }
  });
});

describe('release: publishing', () => {
  it('refuses to publish an unsigned build, unless --allow-unsigned (then only as a pre-release)', () => {
    expect(planRelease({ platform: 'mac', publish: 'always', env: MAC_CERT, ...at }).refusal).toMatch(/Refusing to publish an unsigned macOS build .*--allow-unsigned/);
    const allowed = planRelease({ platform: 'win', publish: 'always', allowUnsigned: true, env: {}, ...at });
    expect(allowed).toMatchObject({ refusal: null, publish: 'always', config: { publish: { provider: 'github', releaseType: 'prerelease' } } });
    const signed = planRelease({ platform: 'win', publish: 'always', env: { CSC_LINK: 'cert.p12' }, ...at });
    expect(signed.refusal).toBeNull();
    expect(signed.config.publish).toBeUndefined(); // electron.builder.yml's own: a draft on GitHub
  });

  it('a refused publish builds nothing; a build runs npm run build, then electron-builder for that platform with the yml', async () => {
    const calls: string[] = [];
    const build = async () => void calls.push('npm run build');
    const builder = async (options: unknown) => void calls.push(JSON.stringify(options));
    const quiet = () => {};
    await expect(runRelease(['--win', '--publish', 'always'], { env: {}, build, builder, log: quiet })).rejects.toThrow(/Refusing to publish/);
    expect(calls).toEqual([]);

    const env: Record<string, string> = { CSC_LINK: 'half-configured.p12', GITHUB_SHA: 'f00d' };
    await runRelease(['--mac'], { env, build, builder, log: quiet });
    expect(calls[0]).toBe('npm run build');
    const options = JSON.parse(calls[1]!);
    expect(options).toMatchObject({ mac: [], publish: 'never', config: { extends: './electron.builder.yml', extraMetadata: { lockbenchBuild: { signed: false, commit: 'f00d' } } } });
    expect(env).toEqual({ GITHUB_SHA: 'f00d', CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
  });
});

describe('release: smoke run of the packaged app', () => {
  const good = { ok: true, mainLoadedMs: 310, windowLoadedMs: 1200, demoReadyMs: 4321, serialportBinding: 'C:\\Lockbench\\resources\\app.asar.unpacked\\node_modules\\@serialport\\bindings-cpp\\prebuilds\\win32-x64\\node.napi.node' };
  const line = (report: object) => `starting\nLOCKBENCH_SMOKE ${JSON.stringify(report)}\nbye\n`;

  it('passes on exit 0, ok: true and a binding loaded from app.asar.unpacked; says why otherwise', () => {
    expect(readSmokeReport(line(good), 0)).toEqual({ report: good, problems: [] });
    expect(readSmokeReport(line(good), 1).problems).toEqual(['the app exited with 1, not 0']);
    expect(readSmokeReport(line({ ok: false, reason: 'demo site not ready after 120 s' }), 1).problems).toEqual([
      'the app exited with 1, not 0',
      'the app reported ok: false ("demo site not ready after 120 s")',
      'serialport\'s native binding was not loaded from app.asar.unpacked (undefined)',
    ]);
    expect(readSmokeReport(line({ ...good, serialportBinding: '/app.asar/node_modules/x.node' }), 0).problems[0]).toMatch(/not loaded from app.asar.unpacked/);
    expect(readSmokeReport('crashed\n', null).problems).toEqual(['the app printed no LOCKBENCH_SMOKE line', 'the app exited with a signal, not 0']);
    expect(readSmokeReport('LOCKBENCH_SMOKE {oops\n', 0).problems[0]).toMatch(/not JSON/);
  });

  it('writes the time to ready into the job summary row', () => {
    expect(smokeSummaryRow('Windows x64', readSmokeReport(line(good), 0))).toBe('| Windows x64 | 4.3 s | 1.2 s | 0.3 s | passed |');
    expect(smokeSummaryRow('Linux x64', readSmokeReport('', 1))).toMatch(/^\| Linux x64 \| — \| — \| — \| FAILED: /);
  });

  describe('with a stand-in executable', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'lockbench-smoke-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));
    const fakeApp = async (script: string) => {
      const file = join(dir, 'lockbench');
      await writeFile(file, `#!/bin/sh\n${script}\n`);
      await chmod(file, 0o755);
      return file;
    };

    it('starts it with LOCKBENCH_SMOKE=1 and reads its line', async () => {
      const app = await fakeApp(`[ "$LOCKBENCH_SMOKE" = 1 ] || exit 3\necho 'LOCKBENCH_SMOKE ${JSON.stringify({ ...good, serialportBinding: '/opt/app.asar.unpacked/x.node' })}'`);
      expect((await runSmoke(app, { env: { PATH: process.env.PATH ?? '' }, echo: false })).problems).toEqual([]);
    });

    it('kills an app that does not finish in time, and reports one that cannot start', async () => {
      const hung = await fakeApp('exec sleep 30');
      const result = await runSmoke(hung, { env: { PATH: process.env.PATH ?? '' }, timeoutMs: 300, echo: false });
      expect(result.problems).toEqual(['the app printed no LOCKBENCH_SMOKE line', 'the app exited with a signal, not 0']);
      expect((await runSmoke(join(dir, 'missing'), { echo: false })).problems[0]).toMatch(/did not start/);
    });
  });
});

describe('release workflow (.github/workflows/release.yml)', () => {
  type Step = { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };
  type Job = { 'runs-on': string; needs?: string[]; if?: string; steps: Step[]; permissions?: Record<string, string> };
  const readWorkflow = async (name: string) => load(await readFile(join(projectDir, '.github', 'workflows', name), 'utf8')) as { on: { push: { tags?: string[] } } & Record<string, unknown>; jobs: Record<string, Job> };
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on v* tags and by hand, builds on the three OSes with --publish never, then smoke-runs the packaged app', async () => {
    const workflow = await readWorkflow('release.yml');
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const expected = {
      windows: ['windows-latest', '--win', 'dist/win-unpacked/Lockbench.exe'],
      macos: ['macos-latest', '--mac', 'dist/mac-arm64/Lockbench.app/Contents/MacOS/Lockbench'],
      linux: ['ubuntu-latest', '--linux', 'xvfb-run -a node scripts/release.mjs --smoke dist/linux-unpacked/lockbench'],
    };
    for (const [name, [os, flag, smoke]] of Object.entries(expected)) {
      const job = workflow.jobs[name]!;
      expect(job['runs-on']).toBe(os);
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
      expect(runs(job)).toContain('npm ci');
      expect(runs(job)).toContain(`npm run release -- ${flag} --publish never`);
      expect(runs(job)).toContain(smoke);
    }
    expect(runs(workflow.jobs.macos!)).toContain('--smoke dist/mac/Lockbench.app/Contents/MacOS/Lockbench');
  });

  it('passes signing secrets only to the build step of their OS', async () => {
    const { jobs } = await readWorkflow('release.yml');
    const envOf = (job: Job) => Object.assign({}, ...job.steps.map((s) => s.env ?? {}));
    expect(envOf(jobs.windows!)).toMatchObject({ WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}', WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}' });
    expect(envOf(jobs.macos!)).toMatchObject({ CSC_LINK: '${{ secrets.MAC_CSC_LINK }}', APPLE_ID: '${{ secrets.APPLE_ID }}', APPLE_API_KEY_ID: '${{ secrets.APPLE_API_KEY_ID }}' });
    expect(JSON.stringify(jobs.linux)).not.toContain('secrets.');
  });

  it('publishes only after all three passed: installers, zips, latest*.yml and blockmaps to the tag release', async () => {
    const { jobs } = await readWorkflow('release.yml');
    const publish = jobs.publish!;
    expect(publish.needs).toEqual(['windows', 'macos', 'linux']);
    expect(publish.if).toContain("refs/tags/v");
    expect(publish.permissions).toEqual({ contents: 'write' });
    const uploaded = [jobs.windows!, jobs.macos!].flatMap((job) => job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact')).map((s) => String(s.with?.path)));
    expect(uploaded.join('\n')).toEqual(expect.stringContaining('dist/latest.yml'));
    for (const file of ['dist/latest-mac.yml', 'dist/*.exe.blockmap', 'dist/*.zip.blockmap', 'dist/*.dmg', 'dist/*.zip', 'dist/*.exe']) expect(uploaded.join('\n')).toContain(file);
    expect(runs(publish)).toContain('gh release upload');
    expect(runs(publish)).toContain('--draft=false');
    expect(runs(publish)).toMatch(/-unsigned[\s\S]*ALLOW_UNSIGNED/);
  });

  it('ci.yml runs the project entry point on Debian 12 with Node 20', async () => {
    const { on, jobs } = await readWorkflow('ci.yml');
    expect(Object.keys(on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(jobs.test).toMatchObject({ 'runs-on': 'ubuntu-latest', container: 'node:20-bookworm' });
    expect(runs(jobs.test!)).toContain('bash .ci/run');
  });
});
