import type { OutboxEntry } from '../../../shared/domain/cloud';
import type { AppError } from '../../../shared/result';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { DurableDoc, ShardedStore, SiteCodesData } from '../store/store-v2';
import type { DeviceLookups } from './device-lookups';
import { recordOutcome } from './outcome-records';
import { createsInCloud, pushEntry, type PushOutcome } from './push-entry';

/** What a push needs. */
export interface PushDeps {
  store: ShardedStore;
  gateway: CloudGateway;
  lookups: DeviceLookups;
  now: () => Date;
  random: () => number;
  /** The cloud device a door is linked to, or null. */
  deviceOf(doorId: string): string | null;
  /** Requests in flight at once (8: what the cloud handles well from one client). */
  inFlight: number;
  /** One more entry settled. */
  onSettled(): void;
  /** The installer asked for a sync now: entries waiting out a backoff go too. */
  force: boolean;
}

/** How many entries are marked "sent" in one durable write before their requests go out. */
const CHUNK = 128;

/** Longest an outcome waits in memory when no chunk's write comes to carry it to disk (a slow cloud, the last chunk). */
const OUTCOME_WAIT_MS = 500;

/** An entry due now: pending (a failed one waits for the installer) and past its backoff. */
export function isDue(entry: OutboxEntry, now: Date, force = false): boolean {
  return entry.state === 'pending' && (force || entry.not_before === null || Date.parse(entry.not_before) <= now.getTime());
}

/**
 * Pushes a site's due outbox entries, `inFlight` at a time, with no pause between chunks:
 *
 *   chunk k ─▶ ONE durable write: `sent_at` on every create of chunk k + the outcomes settled so far ─▶ its requests
 *              └ when chunk k's first request goes, chunk k+1's write is started (it is on disk before k's requests end)
 *   outcomes ─▶ kept in memory until the next chunk's write (or OUTCOME_WAIT_MS, or the end of the push)
 *
 * A create is marked sent on disk before it goes out, so after a crash or a timeout it is looked up, never created
 * twice. Outcomes need not be on disk before the next request: an outcome lost in a crash only repeats a lookup. So
 * 1,000 entries cost about 16 writes of the site file, not 1,000 store changes.
 * Stops at the first `stop` outcome (key refused, cloud out of reach) and returns its error; the rest stays queued
 * (the creates of a chunk already marked are looked up before they are sent at the next sync).
 */
export async function pushSite(siteId: string, deps: PushDeps): Promise<AppError | null> {
  const doc = await deps.store.codes(siteId);
  const due = doc.read().outbox.filter((e) => isDue(e, deps.now(), deps.force)).map((e) => structuredClone(e));
  const codeOf = (entry: OutboxEntry) => doc.read().accessCodes.find((c) => c.access_code_id === entry.access_code_id);
  const wasSent = new Map(due.map((e) => [e.entry_id, e.sent_at !== null]));
  const outcomes = createOutcomeBuffer(doc, deps);
  const marks: Promise<void>[] = [];
  /** Chunk `i`'s creates marked sent on disk: one write, started by the first worker that asks. */
  const marked = (i: number): Promise<void> => {
    if (i * CHUNK >= due.length) return Promise.resolve();
    if (!marks[i]) {
      const toMark = new Set(due.slice(i * CHUNK, (i + 1) * CHUNK).filter((e) => e.kind === 'create' && isCloudCreate(codeOf(e))).map((e) => e.entry_id));
      const write = toMark.size === 0 ? Promise.resolve() : doc.update((data) => {
        outcomes.recordInto(data);
        const at = deps.now().toISOString();
        for (const e of data.outbox) if (toMark.has(e.entry_id)) e.sent_at = at;
      });
      write.catch(() => undefined); // a write started ahead whose chunk is never sent (the push stopped) is awaited below
      marks[i] = write;
    }
    return marks[i]!;
  };
  let next = 0;
  let stop: AppError | null = null;
  const worker = async () => {
    while (next < due.length && !stop) {
      const index = next++;
      const chunk = Math.floor(index / CHUNK);
      await marked(chunk);
      void marked(chunk + 1);
      if (stop) return;
      const entry = due[index]!;
      const code = codeOf(entry);
      const deviceId = deps.deviceOf(entry.door_id);
      const outcome: PushOutcome = await pushEntry(entry, code ? structuredClone(code) : undefined, deviceId, deps.gateway, deps.lookups, wasSent.get(entry.entry_id) ?? false);
      if (outcome.kind === 'stop') {
        stop ??= outcome.error;
        return;
      }
      outcomes.add(entry.entry_id, outcome, deviceId);
      deps.onSettled();
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.inFlight, due.length) }, worker));
  await Promise.allSettled(marks);
  await outcomes.written();
  return stop;
}

/**
 * Outcomes waiting for a write: a chunk's mark write records them (`recordInto`), else a write of their own goes
 * OUTCOME_WAIT_MS after the first of them. Either way several outcomes are ONE store change: n changes in one group
 * commit would make the commit queue take n - 1 rollback snapshots of the whole site file.
 */
function createOutcomeBuffer(doc: DurableDoc<SiteCodesData>, deps: PushDeps) {
  const waiting: { entryId: string; outcome: PushOutcome; deviceId: string | null }[] = [];
  const writes: Promise<void>[] = [];
  let timer: NodeJS.Timeout | null = null;
  let failure: unknown = null;
  const recordInto = (data: SiteCodesData) => {
    if (timer) clearTimeout(timer);
    timer = null;
    const now = deps.now();
    for (const { entryId, outcome, deviceId } of waiting.splice(0)) recordOutcome(data, entryId, outcome, deviceId, now, deps.random);
  };
  const writeNow = () => {
    if (waiting.length === 0) return;
    const write = doc.update(recordInto);
    write.catch((e: unknown) => (failure ??= e));
    writes.push(write);
  };
  return {
    recordInto,
    add(entryId: string, outcome: PushOutcome, deviceId: string | null) {
      waiting.push({ entryId, outcome, deviceId });
      if (!timer) {
        timer = setTimeout(writeNow, OUTCOME_WAIT_MS);
        timer.unref();
      }
    },
    /** Writes what is still waiting; resolves once every outcome is on disk (rejects with the first write error). */
    async written() {
      writeNow();
      await Promise.allSettled(writes);
      if (failure) throw failure;
    },
  };
}

function isCloudCreate(code: Parameters<typeof createsInCloud>[0] | undefined): boolean {
  return code !== undefined && !code.cloud?.access_code_id && createsInCloud(code);
}
