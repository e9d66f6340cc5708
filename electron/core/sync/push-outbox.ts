import type { OutboxEntry } from '../../../shared/domain/cloud';
import type { AppError } from '../../../shared/result';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { ShardedStore } from '../store/store-v2';
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
const CHUNK = 64;

/** An entry due now: pending (a failed one waits for the installer) and past its backoff. */
export function isDue(entry: OutboxEntry, now: Date, force = false): boolean {
  return entry.state === 'pending' && (force || entry.not_before === null || Date.parse(entry.not_before) <= now.getTime());
}

/**
 * Pushes a site's due outbox entries, `inFlight` at a time:
 *
 *   chunk of 64 ─▶ ONE durable write: `sent_at` on every create about to be sent ─▶ requests (8 in flight)
 *              ─▶ each outcome written as it comes (group commit joins them) ─▶ next chunk
 *
 * A create is marked sent on disk before it goes out, so after a crash or a timeout it is looked up, never created
 * twice. Outcomes need not be on disk before the next request: an outcome lost in a crash only repeats a lookup.
 * Stops at the first `stop` outcome (key refused, cloud out of reach) and returns its error; the rest stays queued.
 */
export async function pushSite(siteId: string, deps: PushDeps): Promise<AppError | null> {
  const doc = await deps.store.codes(siteId);
  const due = doc.read().outbox.filter((e) => isDue(e, deps.now(), deps.force)).map((e) => structuredClone(e));
  const writes: Promise<unknown>[] = [];
  let stop: AppError | null = null;
  for (let start = 0; start < due.length && !stop; start += CHUNK) {
    const chunk = due.slice(start, start + CHUNK);
    const codeOf = (entry: OutboxEntry) => doc.read().accessCodes.find((c) => c.access_code_id === entry.access_code_id);
    const wasSent = new Map(chunk.map((e) => [e.entry_id, e.sent_at !== null]));
    const toMark = chunk.filter((e) => e.kind === 'create' && isCloudCreate(codeOf(e))).map((e) => e.entry_id);
    if (toMark.length > 0) {
      await doc.update((data) => {
        const at = deps.now().toISOString();
        for (const e of data.outbox) if (toMark.includes(e.entry_id)) e.sent_at = at;
      });
    }
    let next = 0;
    const worker = async () => {
      while (next < chunk.length && !stop) {
        const entry = chunk[next++]!;
        const code = codeOf(entry);
        const deviceId = deps.deviceOf(entry.door_id);
        const outcome: PushOutcome = await pushEntry(entry, code ? structuredClone(code) : undefined, deviceId, deps.gateway, deps.lookups, wasSent.get(entry.entry_id) ?? false);
        if (outcome.kind === 'stop') {
          stop ??= outcome.error;
          return;
        }
        writes.push(doc.update((data) => recordOutcome(data, entry.entry_id, outcome, deviceId, deps.now(), deps.random)));
        deps.onSettled();
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.inFlight, chunk.length) }, worker));
  }
  await Promise.all(writes);
  return stop;
}

function isCloudCreate(code: Parameters<typeof createsInCloud>[0] | undefined): boolean {
  return code !== undefined && !code.cloud?.access_code_id && createsInCloud(code);
}
