#!/usr/bin/env node
// `npm run release -- --win|--mac|--linux [--publish never|always] [--allow-unsigned] [--electron-dist <folder>]`:
// one platform's installers (--electron-dist: packed with a stand-in Electron, to look at what is packed; see README).
//
//   environment ──planRelease()──▶ signed or unsigned, and why ─┬─▶ overrides of electron.builder.yml:
//   (CSC_*, APPLE_*)                (pure, tested)               │     lockbenchBuild {signed, commit, builtAt} in the
//                                                                │     packaged package.json (the About box reads it),
//                                                                │     "-unsigned" artifact names, how macOS signs
//                                                                └─▶ npm run build ─▶ electron-builder (this platform)
//
// Signed means: Windows has a certificate (CSC_LINK or WIN_CSC_LINK); macOS has a Developer ID certificate (CSC_LINK,
// or CSC_NAME for one in the keychain) AND a complete set of notarization credentials. A signed build must sign
// (forceCodeSigning: a missing identity fails the build rather than shipping unsigned files under signed names). An
// unsigned build says so in every file name, is ad-hoc signed on macOS (no identity, no hardened runtime, no
// notarization), and is never published unless --allow-unsigned is given — then only as a GitHub pre-release, which
// electron-updater does not offer to installed apps. Linux builds (CI's smoke run only) are never signed.
//
// `node scripts/release.mjs --smoke <packaged executable> [--label <name>]` (CI, after the build): starts the packaged app
// with LOCKBENCH_SMOKE=1, reads its one `LOCKBENCH_SMOKE {json}` line and fails unless it exits 0, says ok, and loaded
// serialport's native binding from app.asar.unpacked; the time to ready goes to the job summary.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The platforms this script builds, by command-line flag. */
export const PLATFORMS = { win: 'Windows', mac: 'macOS', linux: 'Linux' };

const USAGE = 'Usage: npm run release -- --win|--mac|--linux [--publish never|always] [--allow-unsigned] [--electron-dist <folder>]';
const NOTARIZATION_SETS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
];
/** Variables that make electron-builder sign or notarize: cleared for an unsigned build, so half a set does nothing. */
const SIGNING_VARIABLES = ['CSC_LINK', 'CSC_NAME', 'WIN_CSC_LINK', ...new Set(NOTARIZATION_SETS.flat())];

/**
 * Parses the command line; throws an Error with the usage line when it is not one platform and known options.
 * `--electron-dist <folder>` packs with a stand-in Electron from that folder (no download, fuses off): for looking at
 * what is packed where Electron cannot be downloaded; such a build is never published.
 */
export function parseReleaseArgs(argv) {
  const valueOf = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const valueAt = new Set(['--publish', '--electron-dist'].filter((f) => argv.includes(f)).map((f) => argv.indexOf(f) + 1));
  const platforms = Object.keys(PLATFORMS).filter((p) => argv.includes(`--${p}`));
  const publish = valueOf('--publish') ?? 'never';
  const electronDist = valueOf('--electron-dist');
  const known = new Set([...Object.keys(PLATFORMS).map((p) => `--${p}`), '--publish', '--allow-unsigned', '--electron-dist']);
  const unknown = argv.filter((arg, i) => !known.has(arg) && !valueAt.has(i));
  const missingValue = [...valueAt].some((i) => argv[i] === undefined || argv[i].startsWith('--'));
  const standInPublished = electronDist !== undefined && publish !== 'never';
  if (platforms.length !== 1 || !['never', 'always'].includes(publish) || unknown.length > 0 || missingValue || standInPublished) {
    throw new Error(`${USAGE}\n(got: ${argv.join(' ') || 'nothing'})`);
  }
  return { platform: platforms[0], publish, allowUnsigned: argv.includes('--allow-unsigned'), ...(electronDist ? { electronDist } : {}) };
}

/** Whether `name` is set to something (CI passes a missing secret as an empty string). */
const has = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/** Whether this platform's build will be signed with the credentials in `env`, and why (one line, no secrets). */
export function signingStatus(platform, env) {
  if (platform === 'win') {
    const cert = ['WIN_CSC_LINK', 'CSC_LINK'].find((name) => has(env, name));
    return cert ? { signed: true, why: `certificate from ${cert}` } : { signed: false, why: 'no CSC_LINK or WIN_CSC_LINK' };
  }
  if (platform === 'mac') {
    const cert = ['CSC_LINK', 'CSC_NAME'].find((name) => has(env, name));
    const notarization = NOTARIZATION_SETS.find((set) => set.every((name) => has(env, name)));
    if (cert && notarization) return { signed: true, why: `certificate from ${cert}, notarized with ${notarization.join(' + ')}` };
    const partial = NOTARIZATION_SETS.find((set) => set.some((name) => has(env, name)));
    const missing = [
      cert ? null : 'no CSC_LINK or CSC_NAME',
      notarization ? null : partial ? `notarization incomplete (missing ${partial.filter((n) => !has(env, n)).join(', ')})` : 'no notarization credentials (APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER)',
    ];
    return { signed: false, why: missing.filter(Boolean).join('; ') };
  }
  return { signed: false, why: 'Linux builds are not signed' };
}

/**
 * Everything a release build of `platform` needs, decided from the environment (pure: no I/O).
 * Returns `{ signed, why, refusal, config, env: { set, unset }, publish }`: `config` is deep-merged over
 * electron.builder.yml, `env` is applied before electron-builder runs; a `refusal` means: do not build.
 */
export function planRelease({ platform, publish = 'never', allowUnsigned = false, electronDist, env, commit, builtAt }) {
  const { signed, why } = signingStatus(platform, env);
  const refusal =
    publish === 'always' && !signed && !allowUnsigned
      ? `Refusing to publish an unsigned ${PLATFORMS[platform]} build (${why}). Add --allow-unsigned to publish it as a pre-release.`
      : null;
  const config = { extraMetadata: { lockbenchBuild: { signed, commit, builtAt } } };
  const set = {};
  const unset = [];
  if (signed) {
    config.forceCodeSigning = true;
  } else {
    unset.push(...SIGNING_VARIABLES);
    if (platform === 'win') config.nsis = { artifactName: '${productName}-Setup-${version}-unsigned.${ext}' };
    if (platform === 'mac') {
      set.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
      // Ad-hoc ('-'): a valid signature of no one, so the app starts (Apple silicon refuses a broken one) and macOS
      // says "unidentified developer" rather than "damaged". Hardened runtime needs a Team ID for library validation.
      config.mac = { identity: '-', hardenedRuntime: false, notarize: false, artifactName: '${productName}-${version}-${arch}-mac-unsigned.${ext}' };
      config.dmg = { artifactName: '${productName}-${version}-${arch}-unsigned.${ext}' };
    }
    if (publish === 'always') config.publish = { provider: 'github', releaseType: 'prerelease' };
  }
  // Electron's fuses are flipped in its real binary: a stand-in has none.
  if (electronDist) Object.assign(config, { electronDist, electronFuses: null });
  return { signed, why, refusal, config, env: { set, unset }, publish };
}

/** Runs `npm run build` (electron-vite into out/) with its output on this terminal. */
function runNpmBuild(root) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: !npmCli && process.platform === 'win32' });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`npm run build failed (exit code ${code})`))));
  });
}

/** The commit being built: GITHUB_SHA in CI, else git's HEAD, else 'unknown'. */
function currentCommit(env, root) {
  if (has(env, 'GITHUB_SHA')) return env.GITHUB_SHA.trim();
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}

/** electron-builder's own `build` (loaded only when a build runs). */
async function electronBuilderBuild(options) {
  const { build } = await import('electron-builder');
  return build(options);
}

/**
 * Plans, builds and packages one platform. `build` (npm run build) and `builder` (electron-builder) are injectable;
 * `extraConfig` is merged last, over the plan's overrides (a check can send the output elsewhere with it).
 */
export async function runRelease(argv, { root = appDir, env = process.env, build = runNpmBuild, builder = electronBuilderBuild, extraConfig = {}, log = console.log } = {}) {
  const args = parseReleaseArgs(argv);
  const plan = planRelease({ ...args, env, commit: currentCommit(env, root), builtAt: new Date().toISOString() });
  if (plan.refusal) throw new Error(plan.refusal);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const line = `Lockbench ${version} for ${PLATFORMS[args.platform]}: ${plan.signed ? 'signed' : 'UNSIGNED'} (${plan.why}); publish ${plan.publish}.`;
  log(line);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${line}\n\n`);
  await build(root);
  for (const name of plan.env.unset) delete env[name];
  Object.assign(env, plan.env.set);
  return builder({
    projectDir: root,
    [args.platform]: [],
    publish: plan.publish,
    config: { extends: './electron.builder.yml', ...plan.config, ...extraConfig },
  });
}

/** What a smoke run showed: `problems` is empty when the packaged app passed. */
export function readSmokeReport(stdout, exitCode) {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith('LOCKBENCH_SMOKE '));
  const problems = [];
  let report = null;
  if (!line) problems.push('the app printed no LOCKBENCH_SMOKE line');
  else {
    try {
      report = JSON.parse(line.slice('LOCKBENCH_SMOKE '.length));
    } catch {
      problems.push(`the LOCKBENCH_SMOKE line is not JSON: ${line}`);
    }
  }
  if (exitCode !== 0) problems.push(`the app exited with ${exitCode ?? 'a signal'}, not 0`);
  const reason = report?.reason ?? report?.error;
  if (report && report.ok !== true) problems.push(`the app reported ok: ${JSON.stringify(report.ok)}${reason ? ` (${JSON.stringify(reason)})` : ''}`);
  if (report && !(typeof report.serialportBinding === 'string' && report.serialportBinding.includes('app.asar.unpacked'))) {
    problems.push(`serialport's native binding was not loaded from app.asar.unpacked (${JSON.stringify(report.serialportBinding)})`);
  }
  return { report, problems };
}

/** One row of the job summary's table for a smoke run. */
export function smokeSummaryRow(label, { report, problems }) {
  const seconds = (ms) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : '—');
  const verdict = problems.length === 0 ? 'passed' : `FAILED: ${problems.join('; ')}`;
  return `| ${label} | ${seconds(report?.demoReadyMs)} | ${seconds(report?.windowLoadedMs)} | ${seconds(report?.mainLoadedMs)} | ${verdict} |`;
}

/** Starts the packaged app in smoke mode, waits up to `timeoutMs` for it to exit, and checks what it printed (echoed here). */
export function runSmoke(executable, { env = process.env, timeoutMs = 180_000, echo = true } = {}) {
  return new Promise((done) => {
    let stdout = '';
    const child = spawn(executable, [], { env: { ...env, LOCKBENCH_SMOKE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      stdout += `\n(timed out after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => echo && process.stderr.write(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ report: null, problems: [`the app did not start: ${error.message}`] });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(readSmokeReport(stdout, code));
    });
  });
}

/** `--smoke <executable> [--label <name>]`: runs the smoke check, writes the job summary row, and sets the exit code. */
async function smokeCommand(argv) {
  const executable = argv[argv.indexOf('--smoke') + 1];
  const label = argv.includes('--label') ? argv[argv.indexOf('--label') + 1] : executable;
  if (!executable || executable.startsWith('--')) throw new Error('Usage: node scripts/release.mjs --smoke <packaged executable> [--label <name>]');
  const result = await runSmoke(executable);
  const row = smokeSummaryRow(label, result);
  console.log(row);
  if (process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, `| Packaged app | Time to ready (demo) | Window loaded | Main loaded | Smoke run |\n|---|---|---|---|---|\n${row}\n\n`);
  }
  if (result.problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const argv = process.argv.slice(2);
    if (argv.includes('--smoke')) await smokeCommand(argv);
    else await runRelease(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
