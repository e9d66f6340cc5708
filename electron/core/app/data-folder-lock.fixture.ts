// Run by data-folder-lock.test.ts in a child process: `node --import tsx data-folder-lock.fixture.ts <data dir>`.
// Takes the data folder as a browser host would, prints `locked` (or the refusal's code), then waits to be killed.
import { isCodedError } from '../../../shared/result';
import { lockDataFolder } from './data-folder-lock';

const dir = process.argv[2];
if (!dir) throw new Error('usage: data-folder-lock.fixture.ts <data dir>');
try {
  await lockDataFolder(dir, { host: 'browser' });
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
} catch (e) {
  process.stdout.write(`${isCodedError(e) ? e.code : 'error'}\n`);
  process.exit(3);
}
