import { openDurableDoc } from './open-durable-doc';
import type { StoreFileSystem } from './store-file-system';
import { createDefaultStoreData, storeDataSchema } from './store-schema';
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
 * Opens the v1 single-file store (one durable document holding everything). Rejects with `store.corrupt` when the
 * file and its backup are both unusable (they are set aside, never deleted); recovers from the backup with an
 * `openNotice` when only the file is damaged. See `LockbenchStore` for the write guarantees. Superseded by
 * `openShardedStore`, which migrates this file.
 */
export async function openStore(options: OpenStoreOptions): Promise<LockbenchStore> {
  const doc = await openDurableDoc<StoreData>({ ...options, schema: storeDataSchema, defaults: createDefaultStoreData });
  return { read: doc.read, update: doc.update, openNotice: doc.openNotice, close: doc.close };
}
