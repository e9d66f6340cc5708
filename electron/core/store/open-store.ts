import { Low } from 'lowdb';
import { CodedError } from '../../../shared/result';
import { DurableFileAdapter } from './durable-file-adapter';
import { createSerialQueue } from './serial-queue';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { storeFileNames } from './store-file-names';
import { createDefaultStoreData } from './store-schema';
import type { LockbenchStore, StoreData } from './store';

/** How to open the store. Only `file` is required. */
export interface OpenStoreOptions {
  /** The store file, e.g. `<userData>/lockbench.json`. Its folder must exist; backups and temp files go next to it. */
  file: string;
  /** Clock for naming set-aside damaged files (tests pass a fixed one). */
  now?: () => Date;
  /** Receives notices (recovery, files set aside, backup trouble). Never receives data, so never a PIN. */
  log?: (message: string) => void;
  /** File operations; tests inject failures here. Defaults to the real disk. */
  fileSystem?: StoreFileSystem;
}

/**
 * Opens the local store (the only lowdb user in the app). Rejects with `store.corrupt` when the file and its
 * backup are both unusable (they are set aside, never deleted); recovers from the backup with an `openNotice`
 * when only the file is damaged. See `LockbenchStore` for the write guarantees.
 */
export async function openStore(options: OpenStoreOptions): Promise<LockbenchStore> {
  const log = options.log ?? (() => undefined);
  const adapter = new DurableFileAdapter({
    fs: options.fileSystem ?? nodeStoreFileSystem,
    names: storeFileNames(options.file),
    now: options.now ?? (() => new Date()),
    log,
  });
  const db = new Low<StoreData>(adapter, createDefaultStoreData());
  await db.read();
  if (adapter.openNotice) log(adapter.openNotice);

  const queue = createSerialQueue();
  let isClosed = false;

  /** Applies one change then writes; on any failure memory goes back to what is on disk. */
  async function applyAndSave<T>(change: (data: StoreData) => T): Promise<T> {
    let result: T;
    try {
      result = change(db.data);
      if (isPromiseLike(result)) throw new TypeError('A store change must be synchronous: it returned a promise.');
      await db.write();
    } catch (e) {
      db.data = adapter.lastDurableData();
      throw e;
    }
    return result;
  }

  return {
    read: () => db.data,
    update<T>(change: (data: StoreData) => T): Promise<T> {
      if (isClosed) {
        return Promise.reject(new CodedError('store.write_failed', 'The store is closed; the change was not saved.'));
      }
      return queue.run(() => applyAndSave(change));
    },
    openNotice: adapter.openNotice,
    async close() {
      isClosed = true;
      await queue.idle();
    },
  };
}

function isPromiseLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
