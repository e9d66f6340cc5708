import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from './open-store';
import { createTempFolder, listFolder } from './store-test-support';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const writerScript = path.join(here, 'crash-writer.fixture.ts');

let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** Starts the writer, SIGKILLs it right after `killAfterAcks` acknowledgements, returns every id it acknowledged. */
function runWriterAndKill(file: string, killAfterAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own (${String(_code)}): ${stderr}`));
    });
  });
}

it('keeps every acknowledged update when the process is SIGKILLed in the middle of a burst', { timeout: 20_000 }, async () => {
  const allAcked: string[] = [];
  for (const killAfterAcks of [3, 17, 41]) {
    const acked = await runWriterAndKill(folder.file, killAfterAcks);
    expect(acked.length).toBeGreaterThanOrEqual(killAfterAcks);
    allAcked.push(...acked);

    const store = await openStore({ file: folder.file });
    const stored = new Set(store.read().accessCodes.map((c) => c.access_code_id));
    expect(store.openNotice).toBeNull();
    expect(allAcked.filter((id) => !stored.has(id))).toEqual([]);
    await store.close();
    expect((await listFolder(folder.dir)).filter((n) => n.includes('.tmp-') || n.includes('.corrupt-'))).toEqual([]);
  }
});
