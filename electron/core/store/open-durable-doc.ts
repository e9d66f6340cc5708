import { Low } from 'lowdb';
import type { z } from 'zod';
import { CodedError } from '../../../shared/result';
import { createCommitQueue, type CommitHooks, type CommitQueue } from './commit-queue';
import { createZodCodec, type DocSealing } from './doc-codec';
import { DurableFileAdapter } from './durable-file-adapter';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { storeFileNames } from './store-file-names';
import type { DurableDoc } from './store-v2';

/** How to open one durable document. */
export interface OpenDurableDocOptions<T> {
  /** The document's file. Its folder must exist; the backup and temp files go next to it. */
  file: string;
  /** What a good file holds; checked once, on open (writes are not re-validated). */
  schema: z.ZodType<T>;
  /** The document when there is no file yet (nothing is written until the first update). */
  defaults: () => T;
  /** Clock for naming set-aside damaged files (tests pass a fixed one). */
  now?: () => Date;
  /** Receives notices (recovery, files set aside, backup trouble). Never receives data, so never a PIN. */
  log?: (message: string) => void;
  /** File operations; tests inject failures here. Defaults to the real disk. */
  fileSystem?: StoreFileSystem;
  /** Seals the document's secret fields on disk (PINs: see pin-sealing.ts); absent, everything is written as it is. */
  sealing?: DocSealing<T>;
  /** What each batch of changes implies, derived in the same write and told after it (see `CommitHooks`). */
  hooks?: (initial: Readonly<T>) => CommitHooks<T> & { serialize?(data: T, fallback: (data: T) => string): string };
}

/** An open durable document; `close` refuses later updates and waits for pending writes. */
export interface OpenedDurableDoc<T> extends DurableDoc<T> {
  close(): Promise<void>;
}

/**
 * Opens one durable JSON document as a lowdb `Low` over the durable adapter. Rejects with `store.corrupt` when the
 * file and its backup are both unusable (they are set aside, never deleted); recovers from the backup with an
 * `openNotice` when only the file is damaged. `update` resolves once the change is on disk (group commit: see
 * `createCommitQueue`); a failed change or write leaves memory as it was and rejects (`store.write_failed` for writes).
 */
export async function openDurableDoc<T>(options: OpenDurableDocOptions<T>): Promise<OpenedDurableDoc<T>> {
  const log = options.log ?? (() => undefined);
  const baseCodec = createZodCodec(options.schema, options.sealing);
  let hooks: ReturnType<NonNullable<OpenDurableDocOptions<T>['hooks']>> | undefined;
  // The hooks may serialise a document themselves (from what they already had to read of it), else the codec does.
  const codec = { ...baseCodec, serialize: (data: T) => (hooks?.serialize ? hooks.serialize(data, baseCodec.serialize) : baseCodec.serialize(data)) };
  const adapter = new DurableFileAdapter<T>(
    {
      fs: options.fileSystem ?? nodeStoreFileSystem,
      names: storeFileNames(options.file),
      now: options.now ?? (() => new Date()),
      log,
    },
    codec,
    options.defaults,
  );
  const db = new Low<T>(adapter, options.defaults());
  await db.read();
  if (adapter.openNotice) log(adapter.openNotice);

  const queue = createCommitQueue<T>({
    get: () => db.data,
    set: (data) => (db.data = data),
    serialize: (data) => adapter.serialize(data),
    restore: (text) => adapter.restore(text),
    lastDurableData: () => adapter.lastDurableData(),
    writeText: (text) => adapter.writeText(text),
    hooks: (hooks = options.hooks?.(db.data)),
  });
  let isClosed = false;
  if (codec.isOutdated()) await rewriteSealed(queue, options.file, log);

  return {
    read: () => db.data,
    update<R>(change: (data: T) => R): Promise<R> {
      if (isClosed) {
        return Promise.reject(new CodedError('store.write_failed', `The store is closed; the change to ${options.file} was not saved.`));
      }
      return queue.submit(change);
    },
    openNotice: adapter.openNotice,
    async close() {
      isClosed = true;
      await queue.idle();
    },
  };
}

/**
 * A file written before its secrets were sealed (PINs in clear) is written again at once, twice: the first write
 * seals the file, the second replaces the `.bak` that still held the clear copy. A failure is only logged: memory is
 * intact, and the next change writes the sealed form anyway.
 */
async function rewriteSealed<T>(queue: CommitQueue<T>, file: string, log: (message: string) => void): Promise<void> {
  try {
    await queue.submit(() => undefined);
    await queue.submit(() => undefined);
    log(`Encrypted the PINs in ${file} (an earlier Lockbench stored them in clear).`);
  } catch (e) {
    log(`Could not rewrite ${file} with its PINs encrypted (${e instanceof Error ? e.message : 'error'}); the next change will.`);
  }
}
