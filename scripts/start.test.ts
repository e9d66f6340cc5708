import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const isBuilt = existsSync(join(root, 'out', 'main', 'host.js'));
const FALLBACK = /^Electron could not start here \((.+)\); serving Lockbench in your browser instead\.$/m;
const running: ChildProcess[] = [];
const temps: string[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fake `electron` executable (a shell script) in a temp folder. */
async function fakeElectron(script: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-start-'));
  temps.push(dir);
  const path = join(dir, 'electron');
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

/** Runs scripts/start.mjs; resolves when `until` matches stdout (or the process exits). */
async function start(env: Record<string, string>, until: RegExp): Promise<{ stdout: string; code: number | null; child: ChildProcess }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lockbench-start-data-'));
  const keyDir = await mkdtemp(join(tmpdir(), 'lockbench-start-keys-'));
  temps.push(dataDir, keyDir);
  const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0'], {
    cwd: root,
    // The browser host's key file goes to a temp folder, never the real home.
    env: { ...process.env, LOCKBENCH_HOST: '', LOCKBENCH_KEY_DIR: keyDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      if (until.test(stdout)) resolve({ stdout, code: null, child });
    });
    child.on('exit', (code) => resolve({ stdout, code, child }));
  });
}

describe.skipIf(process.platform === 'win32')('scripts/start.mjs', () => {
  it('falls back with one line when Electron exits on start', async () => {
    const binary = await fakeElectron("echo 'Missing X server or $DISPLAY' >&2; exit 1");
    const { stdout } = await start({ LOCKBENCH_ELECTRON_BINARY: binary }, FALLBACK);
    expect(stdout.match(FALLBACK)?.[1]).toBe('Electron exited on start: Missing X server or $DISPLAY');
  });

  it('falls back when the binary cannot run, or shows no window in time', async () => {
    const missing = await start({ LOCKBENCH_ELECTRON_BINARY: '/nonexistent/electron' }, FALLBACK);
    expect(missing.stdout.match(FALLBACK)?.[1]).toBe('Electron did not run: ENOENT');
    const hanging = await fakeElectron('sleep 30');
    const slow = await start({ LOCKBENCH_ELECTRON_BINARY: hanging, LOCKBENCH_ELECTRON_START_TIMEOUT_MS: '300' }, FALLBACK);
    expect(slow.stdout.match(FALLBACK)?.[1]).toBe('no window after 0.3 s');
  });

  it('stays with Electron once its window is shown, and exits with its code', async () => {
    const binary = await fakeElectron('echo "Lockbench window is open"; exit 3');
    const { stdout, code } = await start({ LOCKBENCH_ELECTRON_BINARY: binary }, /^$/);
    expect(code).toBe(3);
    expect(stdout).not.toMatch(FALLBACK);
  });

  it.skipIf(!isBuilt)('LOCKBENCH_HOST=browser goes straight to the browser host and prints the ready line', async () => {
    const { stdout, child } = await start({ LOCKBENCH_HOST: 'browser' }, /^Lockbench is ready: .*$/m);
    expect(stdout).not.toMatch(FALLBACK);
    expect(stdout).toMatch(/^Lockbench is ready: http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/m);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
