import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the built browser host (out/main/host.js) on a fresh data folder and measures the time until it prints
 * its ready line — the demo site connected and all its locks interviewed. Returns ms.
 */
export async function hostColdStart(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lockbench-cold-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Lockbench is ready: http/.test(out)) resolve(performance.now() - started);
      });
      child.on('exit', (code) => reject(new Error(`host exited (${code}) before ready: ${out}`)));
      setTimeout(() => reject(new Error('host not ready within 60 s')), 60_000).unref();
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
