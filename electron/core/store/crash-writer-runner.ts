import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

/**
 * Test support for the SIGKILL tests: runs a writer fixture (in this folder) under tsx with `target`, SIGKILLs it
 * right after it has printed `killAfterAcks` acknowledgement lines (`ack-…`), and resolves with every one it printed.
 * Rejects if the writer exits on its own.
 */
export function runWriterAndKill(fixture: string, target: string, killAfterAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, fixture), target], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      acked.push(...lines.filter((line) => line.startsWith('ack-')));
      if (acked.length >= killAfterAcks) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own (${String(code)}): ${stderr}`));
    });
  });
}
