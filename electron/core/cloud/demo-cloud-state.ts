import { readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { replaceFileDurably } from '../store/durable-write';
import { nodeStoreFileSystem } from '../store/store-file-system';
import { setAsideFileName, storeFileNames } from '../store/store-file-names';

/**
 * The demo cloud's memory across restarts: the fake's whole database (it has `toJSON`/`loadJSON`, a zustand
 * getState/setState) plus the identity a client was given. Kept so the API key and device ids a laptop linked to stay
 * valid. The file holds the demo workspace's local-only key and demo PINs in clear, as the real cloud holds them.
 *
 *   start ─▶ load file (or its .bak) ─ ok ─▶ loadJSON ──┐
 *            └ none / both damaged ─▶ seed ───────────────┴▶ every change ─▶ debounce ─▶ replaceFileDurably
 *
 * Writes go through the store's durable write (temp file, fsync, .bak of the previous version, atomic rename).
 */

const snapshotSchema = z.object({
  version: z.literal(1),
  workspaceId: z.string().min(1),
  apiKey: z.string().min(1),
  database: z.record(z.string(), z.unknown()),
});

/** What the state file holds. */
export type DemoCloudSnapshot = z.infer<typeof snapshotSchema>;

/**
 * Reads the state file, or its backup when the file is damaged: null when there is neither. A damaged file is set
 * aside (renamed `.corrupt-…`, never deleted) with a notice.
 */
export async function loadDemoCloudState(file: string, now: Date): Promise<{ snapshot: DemoCloudSnapshot | null; notice: string | null }> {
  const names = storeFileNames(file);
  const main = await readSnapshot(names.file);
  if (main.snapshot || !main.exists) return { snapshot: main.snapshot, notice: null };
  const aside = setAsideFileName(names.file, now, 0);
  await rename(names.file, aside);
  const backup = await readSnapshot(names.backup);
  if (backup.snapshot) return { snapshot: backup.snapshot, notice: `The demo cloud's saved state was damaged (set aside as ${aside}); its previous copy was used.` };
  return { snapshot: null, notice: `The demo cloud's saved state was damaged; it was set aside as ${aside} and a new demo workspace was made.` };
}

async function readSnapshot(file: string): Promise<{ exists: boolean; snapshot: DemoCloudSnapshot | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, snapshot: null };
    throw error;
  }
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(text));
    return { exists: true, snapshot: parsed.success ? parsed.data : null };
  } catch {
    return { exists: true, snapshot: null };
  }
}

/** Saves snapshots after changes: debounced, one write at a time, each one durable (old or new file, never half). */
export interface DemoCloudStateWriter {
  /** A change happened: save soon. */
  schedule(): void;
  /** Saves now if anything changed, and waits for every write. */
  flush(): Promise<void>;
}

/**
 * Creates the writer for `file`; `snapshot` is read at write time, so the newest state is written. A failed write is
 * told to `log` and the demo keeps running from memory (the next change tries again).
 */
export function createDemoCloudStateWriter(
  file: string,
  snapshot: () => DemoCloudSnapshot,
  options: { debounceMs?: number; log?: (message: string) => void } = {},
): DemoCloudStateWriter {
  const debounceMs = options.debounceMs ?? 250;
  const log = options.log ?? (() => undefined);
  const names = storeFileNames(file);
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let chain: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return chain;
    dirty = false;
    const text = JSON.stringify(snapshot());
    chain = chain.then(async () => {
      try {
        await replaceFileDurably(nodeStoreFileSystem, names, text, log);
      } catch (error) {
        log(`The demo cloud could not save its state: ${(error as Error).message}`);
      }
    });
    return chain;
  };

  return {
    schedule() {
      dirty = true;
      if (timer) return;
      timer = setTimeout(() => void write(), debounceMs);
      timer.unref();
    },
    flush: write,
  };
}
