import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openShardedStore } from './open-sharded-store';
import { createTempFolder, listFolder } from './store-test-support';
import { runWriterAndKill } from './crash-writer-runner';


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

/** Runs the sharded writer until `killAfterAcks` acknowledgements (`ack-<id> <where>`), then SIGKILLs it. */
async function runWriter(dir: string, killAfterAcks: number): Promise<Ack[]> {
  const lines = await runWriterAndKill('sharded-crash-writer.fixture.ts', dir, killAfterAcks);
  return lines.map((line) => {
    const [id = '', where = ''] = line.split(' ');
    return { id, where };
  });
}

it('keeps every acknowledged update in every file when SIGKILLed mid-burst across several site files', { timeout: 30_000 }, async () => {
  const allAcked: Ack[] = [];
  for (const killAfterAcks of [5, 23, 61, 150]) {
    const acked = await runWriter(folder.dir, killAfterAcks);
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
