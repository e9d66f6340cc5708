import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FieldCipher } from '../secrets/field-cipher';
import { replaceFileDurably } from '../store/durable-write';
import { sealKeptCopies } from '../store/kept-copies';
import { nodeStoreFileSystem } from '../store/store-file-system';
import { setAsideFileName, storeFileNames } from '../store/store-file-names';

/**
 * The demo cloud's memory across restarts: the fake's whole database (it has `toJSON`/`loadJSON`, a zustand
 * getState/setState) plus the identity a client was given. Kept so the API key and device ids a laptop linked to stay
 * valid. The snapshot holds the demo workspace's local-only key and demo PINs: with a cipher (the app's data key) the
 * file holds them sealed, as one value; without one (tests, the benchmark) in clear.
 *
 *   start ─▶ load file (or its .bak) ─ ok ─▶ loadJSON ──┐   (a file in clear, with a cipher: rewritten sealed, twice)
 *            └ none / both unusable ─▶ seed ─────────────┴▶ every change ─▶ debounce ─▶ replaceFileDurably
 *
 * Writes go through the store's durable write (temp file, fsync, .bak of the previous version, atomic rename).
 * A file that does not open with the cipher (sealed with another data key) is set aside like a damaged one: the demo
 * cloud is a demo, and a fresh workspace beats a demo that cannot start.
 */

const snapshotSchema = z.object({
  version: z.literal(1),
  workspaceId: z.string().min(1),
  apiKey: z.string().min(1),
  database: z.record(z.string(), z.unknown()),
});

/** The file with a cipher: the snapshot's JSON text sealed as one value (the file stays JSON, with its version). */
const sealedFileSchema = z.object({ version: z.literal(2), sealed: z.string() });

/** The additional data the snapshot is sealed with: a value sealed for another file with the same cipher (the demo locks' PINs) does not open here. */
const CONTEXT = 'demo-cloud-state';

/** What the state file holds (opened, when it was sealed). */
export type DemoCloudSnapshot = z.infer<typeof snapshotSchema>;

/** What loading found: the snapshot (null: start a new workspace), why a file was set aside, and whether it was in clear. */
export interface LoadedDemoCloudState {
  snapshot: DemoCloudSnapshot | null;
  notice: string | null;
  /** The snapshot came from a file in clear: with a cipher, write it again (sealed) at once, file and .bak. */
  isClear: boolean;
}

type Candidate = { kind: 'missing' } | { kind: 'bad'; isSealed: boolean } | { kind: 'other_key' } | { kind: 'good'; snapshot: DemoCloudSnapshot; isClear: boolean };

/**
 * Reads the state file, or its backup when the file is damaged or does not open with `cipher`: a null snapshot when
 * neither is usable. Such a file is set aside (renamed `.corrupt-…`, never deleted; with a cipher a copy in clear is
 * sealed whole) with a notice. Without a cipher a sealed file is unusable, like a damaged one.
 */
export async function loadDemoCloudState(file: string, now: Date, cipher: FieldCipher | null = null): Promise<LoadedDemoCloudState> {
  const names = storeFileNames(file);
  const main = await readSnapshot(names.file, cipher);
  if (main.kind === 'good') return { snapshot: main.snapshot, notice: null, isClear: main.isClear };
  if (main.kind === 'missing') return { snapshot: null, notice: null, isClear: false };
  const aside = setAsideFileName(names.file, now, 0);
  await rename(names.file, aside);
  if (cipher && main.kind === 'bad' && !main.isSealed) await sealKeptCopies(nodeStoreFileSystem, names.dir, (name) => name === path.basename(aside), cipher);
  const why = main.kind === 'other_key' ? 'was sealed with another data key than this data folder\'s' : 'was damaged';
  const backup = await readSnapshot(names.backup, cipher);
  if (backup.kind === 'good') return { snapshot: backup.snapshot, notice: `The demo cloud's saved state ${why} (set aside as ${aside}); its previous copy was used.`, isClear: backup.isClear };
  return { snapshot: null, notice: `The demo cloud's saved state ${why}; it was set aside as ${aside} and a new demo workspace was made.`, isClear: false };
}

async function readSnapshot(file: string, cipher: FieldCipher | null): Promise<Candidate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const json = parseJson(text);
  const sealed = sealedFileSchema.safeParse(json);
  if (sealed.success) {
    if (!cipher) return { kind: 'bad', isSealed: true };
    let opened: string | null;
    try {
      opened = cipher.open(sealed.data.sealed, CONTEXT);
    } catch {
      return { kind: 'other_key' }; // secrets.unavailable: sealed with another data key
    }
    const snapshot = opened === null ? null : snapshotSchema.safeParse(parseJson(opened));
    return snapshot?.success ? { kind: 'good', snapshot: snapshot.data, isClear: false } : { kind: 'bad', isSealed: true };
  }
  const clear = snapshotSchema.safeParse(json);
  return clear.success ? { kind: 'good', snapshot: clear.data, isClear: true } : { kind: 'bad', isSealed: false };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
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
 * Creates the writer for `file`; `snapshot` is read at write time, so the newest state is written (sealed with
 * `cipher` when given). A failed write is told to `log` and the demo keeps running from memory (the next change tries
 * again).
 */
export function createDemoCloudStateWriter(
  file: string,
  snapshot: () => DemoCloudSnapshot,
  options: { debounceMs?: number; log?: (message: string) => void; cipher?: FieldCipher | null } = {},
): DemoCloudStateWriter {
  const cipher = options.cipher ?? null;
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
    const json = JSON.stringify(snapshot());
    const text = cipher ? JSON.stringify({ version: 2, sealed: cipher.seal(json, CONTEXT) }) : json;
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
