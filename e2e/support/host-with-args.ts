import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { HostProcess } from './host-process';

const HOST = resolve('out/main/host.js');

/**
 * Like startHost, with extra command-line flags (e.g. `--no-demo`: the store opens but the demo site is not
 * connected, so queued changes stay on disk untouched until the test connects it).
 */
export async function startHostWithArgs(dataDir: string, args: readonly string[]): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready in 90 s:\n${log}`)), 90_000);
    child.stdout!.on('data', () => {
      const match = /Lockbench is ready: (\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}
