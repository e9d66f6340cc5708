import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { CloudAccount, CloudForeignCode, OutboxEntry } from '../../../shared/domain/cloud';
import type { Operation } from '../../../shared/domain/operation';
import type { Site } from '../../../shared/domain/site';
import type { SiteCommit } from './site-changes';
import type { CapabilityReport } from '../../../shared/domain/capability';
import type { BulkRun } from '../../../shared/domain/bulk';

/** The small, rarely changing part: sites and their doors (`index.json`). */
export interface IndexData {
  schemaVersion: 2;
  sites: Site[];
  doors: Door[];
  /** The cloud account (no secret) and where the pull stands. */
  cloud: CloudSyncData;
}

/** Sync's own small state in the index. */
export interface CloudSyncData {
  account: CloudAccount | null;
  /** Events are pulled from this instant on (the last event seen); null before the first pull. */
  eventsSince: string | null;
  lastSuccessAt: string | null;
}

/** One site's access codes and queued operations (`sites/<siteId>.json`): the part that changes all the time. */
export interface SiteCodesData {
  schemaVersion: 2;
  siteId: string;
  accessCodes: AccessCode[];
  operations: Operation[];
  /** Local changes waiting for the cloud, written in the same commit as the change (see sync/outbox-rules.ts). */
  outbox: OutboxEntry[];
  /** Codes on the site's linked cloud devices that Lockbench did not create (last pull). */
  cloudCodes: CloudForeignCode[];
  /** Capability checks as they were run, newest last (a history per door; the report shows the latest as stored). */
  checks: CapabilityReport[];
  /** Bulk runs (a building's codes in one sitting), with the codes each created. */
  bulkRuns: BulkRun[];
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
  /**
   * Tells `listener` after every site file commit is on disk: the codes it changed (before/after) and whether the cloud
   * outbox changed. Returns the unsubscribe function.
   */
  onSiteCommit(listener: (commit: SiteCommit) => void): () => void;
  /** Every open notice so far (index and opened site files), for the UI banner. */
  notices(): string[];
  close(): Promise<void>;
}
