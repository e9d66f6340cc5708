// The local store: open it with openStore; everything else in this folder is its implementation.
export { openStore, type OpenStoreOptions } from './open-store';
export type { LockbenchStore, StoreData } from './store';
