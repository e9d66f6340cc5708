import type { AccessCode } from '../../../shared/domain/access-code';
import type { CommitHooks } from './commit-queue';
import type { SiteCodesData } from './store-v2';

/** One code a commit changed: as it was on disk before (null: new) and as it is now (null: gone from the file). */
export interface CodeChange {
  before: AccessCode | null;
  after: AccessCode | null;
}

/**
 * A site file commit, told after it is on disk: which codes changed and whether the cloud outbox changed. Sync, the
 * UI events and reports read these instead of being called by the services.
 */
export interface SiteCommit {
  siteId: string;
  codes: CodeChange[];
  outboxChanged: boolean;
}

/**
 * Derives, in the same write, what a batch of code changes implies (the cloud outbox: see sync/outbox-rules.ts). It
 * may change `data` (never `changes`). Runs inside the store's commit: synchronous, no I/O.
 */
export type DeriveInCommit = (siteId: string, data: SiteCodesData, changes: readonly CodeChange[]) => void;

/** The keys of a site file, in the order they are written (a file with any other key is written the plain way). */
const SITE_KEYS = ['schemaVersion', 'siteId', 'accessCodes', 'operations', 'outbox', 'cloudCodes'] as const;

/**
 * Commit hooks for one site file: compares each code with its last durable form, lets `derive` add what the changes
 * imply, and tells `listener` once the write is on disk. Each code is turned into text once per commit (with its PIN
 * sealed by `sealRecord`, whose sealing is cached, so an unchanged code gives the same text): that text finds what
 * changed AND is what goes into the file, so knowing the changes costs no second pass over the codes.
 *
 *   batch applied ─▶ text per code (sealed) ─▶ diff vs last durable texts ─▶ derive (outbox) ─▶ file text ─▶ write
 *                                                                                                  ─▶ listener(SiteCommit)
 */
export function createSiteChangeHooks(
  siteId: string,
  initial: Readonly<SiteCodesData>,
  derive: DeriveInCommit | null,
  listener: (commit: SiteCommit) => void,
  sealRecord: (code: AccessCode) => AccessCode,
): CommitHooks<SiteCodesData> & { serialize(data: SiteCodesData, fallback: (data: SiteCodesData) => string): string } {
  const textOf = (code: AccessCode) => JSON.stringify(sealRecord(code));
  let durable = new Map(initial.accessCodes.map((c) => [c.access_code_id, textOf(c)]));
  /** The codes as they were on disk, in clear, for `before` (filled as codes change). */
  const durableCodes = new Map<string, AccessCode>(initial.accessCodes.map((c) => [c.access_code_id, structuredClone(c) as AccessCode]));
  let durableOutbox = JSON.stringify(initial.outbox);
  let pending: { data: SiteCodesData; texts: Map<string, string>; ordered: string[]; changes: CodeChange[]; outbox: string; isWritten: boolean } | null = null;

  return {
    beforeWrite(data) {
      const texts = new Map<string, string>();
      const ordered: string[] = [];
      const changes: CodeChange[] = [];
      for (const code of data.accessCodes) {
        const text = textOf(code);
        texts.set(code.access_code_id, text);
        ordered.push(text);
        if (durable.get(code.access_code_id) !== text) changes.push({ before: durableCodes.get(code.access_code_id) ?? null, after: structuredClone(code) as AccessCode });
      }
      for (const [id] of durable) if (!texts.has(id)) changes.push({ before: durableCodes.get(id) ?? null, after: null });
      if (derive && changes.length > 0) derive(siteId, data, changes);
      const outbox = JSON.stringify(data.outbox);
      pending = { data, texts, ordered, changes, outbox, isWritten: false };
      return { siteId, codes: changes, outboxChanged: outbox !== durableOutbox } satisfies SiteCommit;
    },
    serialize(data, fallback) {
      // Only the write that follows `beforeWrite` (rollback snapshots and anything else take the plain way).
      const keys = Object.keys(data);
      if (!pending || pending.data !== data || pending.isWritten || keys.length !== SITE_KEYS.length || !SITE_KEYS.every((k, i) => keys[i] === k)) return fallback(data);
      pending.isWritten = true;
      const rest = (key: 'operations' | 'cloudCodes') => JSON.stringify(data[key]);
      return `{"schemaVersion":${JSON.stringify(data.schemaVersion)},"siteId":${JSON.stringify(data.siteId)},"accessCodes":[${pending.ordered.join(',')}],"operations":${rest('operations')},"outbox":${pending.outbox},"cloudCodes":${rest('cloudCodes')}}\n`;
    },
    afterWrite(summary) {
      if (pending) {
        durable = pending.texts;
        durableOutbox = pending.outbox;
        for (const { before, after } of pending.changes) {
          if (after) durableCodes.set(after.access_code_id, after);
          else if (before) durableCodes.delete(before.access_code_id);
        }
        pending = null;
      }
      const commit = summary as SiteCommit;
      if (commit.codes.length > 0 || commit.outboxChanged) listener(commit);
    },
    afterRollback() {
      pending = null;
    },
  };
}
