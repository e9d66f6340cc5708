import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { Site } from '../../../shared/domain/site';

/** The small, rarely changing part: sites and their doors (`index.json`). */
export interface IndexData {
  schemaVersion: 2;
  sites: Site[];
  doors: Door[];
}

/** One site's access codes and queued operations (`sites/<siteId>.json`): the part that changes all the time. */
export interface SiteCodesData {
  schemaVersion: 2;
  siteId: string;
  accessCodes: AccessCode[];
  operations: Operation[];
}

/**
 * One durable JSON document (a lowdb file with the durable adapter: temp + fsync + rename + dir fsync, `.bak` last
 * good copy, damaged files set aside). `update` resolves only once the change is on disk; updates are serialised.
 */
export interface DurableDoc<T> {
  read(): Readonly<T>;
  update<R>(change: (data: T) => R): Promise<R>;
  /** What happened when the file was opened (recovered, set aside…), or null. */
  readonly openNotice: string | null;
}

/**
 * The local store, sharded so that the cost of a change does not grow with the number of sites: the index holds
 * sites and doors; each site's codes and operations live in their own file, opened on first use. The only module
 * that touches lowdb.
 */
export interface ShardedStore {
  readonly index: DurableDoc<IndexData>;
  /** The site's codes document, opened (or created empty) on first use and kept open. */
  codes(siteId: string): Promise<DurableDoc<SiteCodesData>>;
  /** Every open notice so far (index and opened site files), for the UI banner. */
  notices(): string[];
  close(): Promise<void>;
}
