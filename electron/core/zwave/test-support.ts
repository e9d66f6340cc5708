import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp folder for one test file's caches and state files; `remove` deletes it. */
export async function createTempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `lockbench-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
