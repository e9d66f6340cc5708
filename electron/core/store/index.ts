// The local store: open it with openShardedStore (v2; openStore is the v1 single file it migrates from).
export { openShardedStore, type OpenShardedStoreOptions } from './open-sharded-store';
export { openDurableDoc, type OpenDurableDocOptions, type OpenedDurableDoc } from './open-durable-doc';
export { openStore, type OpenStoreOptions } from './open-store';
export type { DurableDoc, IndexData, ShardedStore, SiteCodesData } from './store-v2';
export type { LockbenchStore, StoreData } from './store';
