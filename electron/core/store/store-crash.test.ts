import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from './open-store';
import { createTempFolder, listFolder } from './store-test-support';
import { runWriterAndKill } from './crash-writer-runner';


let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

const runWriter = (file: string, killAfterAcks: number) => runWriterAndKill('crash-writer.fixture.ts', file, killAfterAcks);

it('keeps every acknowledged update when the process is SIGKILLed in the middle of a burst', { timeout: 20_000 }, async () => {
  const allAcked: string[] = [];
  for (const killAfterAcks of [3, 17, 41]) {
    const acked = await runWriter(folder.file, killAfterAcks);
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
