import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openShardedStore } from './open-sharded-store';
import { createTempFolder, listFolder } from './store-test-support';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const writerScript = path.join(here, 'sharded-crash-writer.fixture.ts');

let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** One acknowledged update: the id saved and where (a site id, or `index`). */
interface Ack {
  id: string;
  where: string;
}

/** Starts the writer, SIGKILLs it right after `killAfterAcks` acknowledgements, returns every one it printed. */
function runWriterAndKill(dir: string, killAfterAcks: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writerScript, dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: Ack[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.startsWith('ack-'))) {
        const [id = '', where = ''] = line.split(' ');
        acked.push({ id, where });
      }
      if (acked.length >= killAfterAcks) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own (${String(code)}): ${stderr}`));
    });
  });
}

it('keeps every acknowledged update in every file when SIGKILLed mid-burst across several site files', { timeout: 30_000 }, async () => {
  const allAcked: Ack[] = [];
  for (const killAfterAcks of [5, 23, 61, 150]) {
    const acked = await runWriterAndKill(folder.dir, killAfterAcks);
    expect(acked.length).toBeGreaterThanOrEqual(killAfterAcks);
    allAcked.push(...acked);

    const store = await openShardedStore({ dir: folder.dir });
    const stored = new Set(store.index.read().doors.map((d) => `${d.id} index`));
    for (const site of store.index.read().sites) {
      for (const code of (await store.codes(site.id)).read().accessCodes) stored.add(`${code.access_code_id} ${site.id}`);
    }
    expect(store.notices()).toEqual([]);
    expect(allAcked.filter((a) => !stored.has(`${a.id} ${a.where}`))).toEqual([]);
    expect(new Set(allAcked.map((a) => a.where)).size).toBeGreaterThan(1);
    await store.close();
    const leftovers = [...(await listFolder(folder.dir)), ...(await listFolder(path.join(folder.dir, 'sites')))].filter(
      (n) => n.includes('.tmp-') || n.includes('.corrupt-'),
    );
    expect(leftovers).toEqual([]);
  }
});
