import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Site } from '../../../shared/domain/site';

/** Everything Lockbench keeps on disk. */
export interface StoreData {
  schemaVersion: 1;
  sites: Site[];
  doors: Door[];
  accessCodes: AccessCode[];
}

/**
 * The local store: the only module that touches lowdb. `update` resolves only once the change is on disk
 * (written to a temp file, fsynced, renamed, directory fsynced), so callers may tell the user "saved".
 * Updates are serialised: one writer at a time, in call order.
 */
export interface LockbenchStore {
  /** The current data (read-only view; mutate only through `update`). */
  read(): Readonly<StoreData>;
  /** Apply a change and make it durable. If the write fails, memory is rolled back and the error is a CodedError `store.write_failed`. */
  update<T>(change: (data: StoreData) => T): Promise<T>;
  /** What happened when the file was opened (recovered from backup, set aside…), for a banner in the UI. */
  readonly openNotice: string | null;
  close(): Promise<void>;
}
