// Run by store-crash.test.ts in a child process: `node --import tsx crash-writer.fixture.ts <store file>`.
// Opens the store and saves access codes as fast as it can, printing each id once its update has resolved
// (= acknowledged to the caller), until the test kills it with SIGKILL.
import { openStore } from './open-store';
import { makeAccessCode } from './store-test-support';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer.fixture.ts <store file>');

const store = await openStore({ file });
if (store.read().accessCodes.length === 0) {
  // Some bulk, so that each write takes long enough for the kill to land mid-write.
  await store.update((data) => {
    for (let i = 0; i < 3000; i += 1) data.accessCodes.push(makeAccessCode(`seed-${i}`));
  });
}
process.stdout.write('ready\n');

let next = 0;
async function saveForever(): Promise<never> {
  for (;;) {
    const id = `ack-${process.pid}-${next++}`;
    await store.update((data) => void data.accessCodes.push(makeAccessCode(id)));
    process.stdout.write(`${id}\n`);
  }
}
// Several callers at once, like the app's services: updates queue up behind each other.
await Promise.all([saveForever(), saveForever(), saveForever(), saveForever()]);
