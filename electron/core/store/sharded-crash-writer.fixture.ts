// Run by sharded-store-crash.test.ts in a child process: `node --import tsx sharded-crash-writer.fixture.ts <dir>`.
// Opens the sharded store and saves, as fast as it can, codes into several site files and doors into the index,
// printing `<id> <siteId|index>` once each update has resolved (= acknowledged), until the test kills it (SIGKILL).
import { openShardedStore } from './open-sharded-store';
import { makeDoor, makeDoorCode, makeSite } from './store-test-support';

const dir = process.argv[2];
if (!dir) throw new Error('usage: sharded-crash-writer.fixture.ts <dir>');
const SITES = ['site-0', 'site-1', 'site-2', 'site-3'];

const store = await openShardedStore({ dir });
if (store.index.read().sites.length === 0) {
  await store.index.update((data) => {
    for (const id of SITES) {
      data.sites.push(makeSite(id));
      data.doors.push(makeDoor(`door-${id}`, id));
    }
  });
  // Some bulk, so that each write takes long enough for the kill to land mid-write.
  for (const id of SITES) {
    const doc = await store.codes(id);
    await doc.update((data) => {
      for (let i = 0; i < 1500; i += 1) data.accessCodes.push(makeDoorCode(`seed-${id}-${i}`, `door-${id}`));
    });
  }
}
process.stdout.write('ready\n');

let next = 0;
async function saveCodesForever(siteId: string): Promise<never> {
  const doc = await store.codes(siteId);
  for (;;) {
    const id = `ack-${process.pid}-${next++}`;
    await doc.update((data) => void data.accessCodes.push(makeDoorCode(id, `door-${siteId}`)));
    process.stdout.write(`${id} ${siteId}\n`);
  }
}
async function saveDoorsForever(): Promise<never> {
  for (;;) {
    const id = `ack-${process.pid}-${next++}`;
    await store.index.update((data) => void data.doors.push(makeDoor(id, SITES[0]!)));
    process.stdout.write(`${id} index\n`);
  }
}
// Several callers per site at once, like the app's services: updates queue up (and are group-committed).
await Promise.all([...SITES.flatMap((id) => [saveCodesForever(id), saveCodesForever(id)]), saveDoorsForever()]);
