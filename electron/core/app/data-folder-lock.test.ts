import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { LOCK_FILE, lockDataFolder } from './data-folder-lock';

const here = path.dirname(fileURLToPath(import.meta.url));
let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockbench-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** Starts the fixture on `dir` in its own process; resolves with the child and the first line it prints. */
function startOther(): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'data-folder-lock.fixture.ts'), dir], {
    cwd: path.resolve(here, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, line: out.trim() });
    });
    child.on('error', reject);
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('one Lockbench per data folder', () => {
  it('refuses a second process, naming the holder (host, pid, since); once the holder is killed, its stale lock is taken over', async () => {
    const other = await startOther();
    expect(other.line).toBe('locked');
    const refusal = await lockDataFolder(dir, { host: 'electron' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCodedError(refusal) && refusal.code).toBe('store.locked');
    const message = (refusal as Error).message;
    expect(message).toContain('the Lockbench browser host');
    expect(message).toContain(`process ${other.child.pid}`);
    expect(message).toMatch(/since \d{4}-\d\d-\d\dT/);

    other.child.kill('SIGKILL'); // a crash: the lock file stays behind
    await exited(other.child);
    expect(await readdir(dir)).toEqual([LOCK_FILE]);
    const mine = await lockDataFolder(dir, { host: 'electron' });
    expect(mine.holder.pid).toBe(process.pid);

    const third = await startOther(); // and now the other process is the one refused
    expect(third.line).toBe('store.locked');
    await mine.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second holder in the same process and treats a lock from another computer as held; an unreadable lock as stale', async () => {
    const held = await lockDataFolder(dir, { host: 'browser' });
    await expect(lockDataFolder(dir, { host: 'browser' })).rejects.toMatchObject({ code: 'store.locked' });
    await held.release();

    const remote = { host: 'electron', pid: 1, since: '2026-11-03T10:00:00.000Z', hostname: `${hostname()}-elsewhere` };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(remote));
    await expect(lockDataFolder(dir, { host: 'browser', isRunning: () => false })).rejects.toThrow(/on the computer ".*-elsewhere"/);

    await writeFile(path.join(dir, LOCK_FILE), 'not a lock');
    const taken = await lockDataFolder(dir, { host: 'browser' });
    await taken.release();
    expect(await readdir(dir)).toEqual([]);
  });
});
