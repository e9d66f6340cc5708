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

/**
 * Commit hooks for one site file: compares each code with its last durable form (kept as text, so a change made in
 * place is seen), lets `derive` add what the changes imply, and tells `listener` once the write is on disk.
 *
 *   batch applied ─▶ diff codes vs last durable text ─▶ derive (outbox) ─▶ write ─▶ listener(SiteCommit)
 */
export function createSiteChangeHooks(
  siteId: string,
  initial: Readonly<SiteCodesData>,
  derive: DeriveInCommit | null,
  listener: (commit: SiteCommit) => void,
): CommitHooks<SiteCodesData> {
  let durable = textsOf(initial.accessCodes);
  let durableOutbox = JSON.stringify(initial.outbox);
  let pending: { texts: Map<string, string>; outbox: string } | null = null;

  return {
    beforeWrite(data) {
      const texts = textsOf(data.accessCodes);
      const changes: CodeChange[] = [];
      for (const [id, text] of texts) {
        const old = durable.get(id);
        if (old !== text) changes.push({ before: old === undefined ? null : (JSON.parse(old) as AccessCode), after: JSON.parse(text) as AccessCode });
      }
      for (const [id, old] of durable) if (!texts.has(id)) changes.push({ before: JSON.parse(old) as AccessCode, after: null });
      if (derive && changes.length > 0) derive(siteId, data, changes);
      const outbox = JSON.stringify(data.outbox);
      pending = { texts, outbox };
      return { siteId, codes: changes, outboxChanged: outbox !== durableOutbox } satisfies SiteCommit;
    },
    afterWrite(summary) {
      if (pending) {
        durable = pending.texts;
        durableOutbox = pending.outbox;
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

function textsOf(codes: readonly AccessCode[]): Map<string, string> {
  return new Map(codes.map((c) => [c.access_code_id, JSON.stringify(c)]));
}
