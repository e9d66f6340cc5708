import type { AccessCode } from '../../../shared/domain/access-code';
import type { OutboxEntry } from '../../../shared/domain/cloud';
import type { Door } from '../../../shared/domain/door';
import type { AppError } from '../../../shared/result';
import { isCodedError } from '../../../shared/result';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { ShardedStore } from '../store/store-v2';
import { createDeviceLookups } from './device-lookups';
import { cloudChangeNeeded, isOpen, newEntry, pruneOutbox } from './outbox-rules';
import { applyDoorPull, missingIds } from './pull-codes';
import { applyCloudEvents, nextSince } from './pull-events';
import { pushSite } from './push-outbox';

/** What one sync run needs. */
export interface SyncRunDeps {
  store: ShardedStore;
  gateway: CloudGateway;
  now: () => Date;
  random: () => number;
  newId: () => string;
  inFlight: number;
  isRunning(operationId: string): boolean;
  /** Lock removals the pull started (a code the cloud deleted that Lockbench had put on the lock). */
  onRemovals(doorIds: string[], operationIds: string[]): void;
  progress(done: number, total: number, message: string): void;
  /** Asked for by the installer: entries waiting out a backoff go now too. */
  force: boolean;
}

/** Doors linked to a cloud device. */
export function linkedDoors(store: ShardedStore): Door[] {
  return store.index.read().doors.filter((d) => d.cloud !== null);
}

/** The cloud device of a door, or null. */
export function deviceOfDoor(store: ShardedStore, doorId: string): string | null {
  return store.index.read().doors.find((d) => d.id === doorId)?.cloud?.device_id ?? null;
}

/**
 * Adds the outbox entries a linked door's codes need and do not have (a door linked after its codes were made, an
 * entry lost to a hand-edited file). Changes nothing when every need has its entry.
 */
export async function reconcileSite(store: ShardedStore, siteId: string, now: () => Date, newId: () => string): Promise<void> {
  const doc = await store.codes(siteId);
  const needs = (data: { readonly accessCodes: readonly AccessCode[]; readonly outbox: readonly OutboxEntry[] }) => {
    const open = new Set(data.outbox.filter(isOpen).map((e) => `${e.access_code_id} ${e.kind}`));
    const linked = new Set(linkedDoors(store).map((d) => d.id));
    return data.accessCodes.flatMap((code) => {
      const kind = cloudChangeNeeded(code, linked.has(code.door_id));
      return kind && !open.has(`${code.access_code_id} ${kind}`) ? [{ code, kind }] : [];
    });
  };
  const hasHistory = pruneOutbox([...doc.read().outbox], now()).length !== doc.read().outbox.length;
  if (needs(doc.read()).length === 0 && !hasHistory) return;
  await doc.update((data) => {
    const at = now().toISOString();
    for (const { code, kind } of needs(data)) data.outbox.push(newEntry(code, kind, at, newId()));
    data.outbox = pruneOutbox(data.outbox, now());
  });
}

/**
 * One sync, in order: push every site's outbox (local changes first, so a pull never undoes them), then pull each
 * linked door's codes and the events since the last cursor. Returns the error that stopped it, or null.
 *
 *   reconcile ─▶ push (outbox, 8 in flight) ─▶ pull codes per linked device ─▶ pull events ─▶ lastSuccessAt
 */
export async function runSync(deps: SyncRunDeps): Promise<AppError | null> {
  const { store } = deps;
  const sites = store.index.read().sites.map((s) => s.id);
  const doors = linkedDoors(store);
  const pendingCount = async () => (await Promise.all(sites.map(async (id) => (await store.codes(id)).read().outbox.filter((e) => e.state === 'pending').length))).reduce((a, b) => a + b, 0);
  for (const siteId of sites) await reconcileSite(store, siteId, deps.now, deps.newId);
  const total = (await pendingCount()) + doors.length + 1;
  let done = 0;
  const step = (message: string) => deps.progress(++done, total, message);
  const lookups = createDeviceLookups(deps.gateway);
  try {
    for (const siteId of sites) {
      const stop = await pushSite(siteId, { store, gateway: deps.gateway, lookups, now: deps.now, random: deps.random, inFlight: deps.inFlight, deviceOf: (doorId) => deviceOfDoor(store, doorId), force: deps.force, onSettled: () => step('Sending changes to the cloud') });
      if (stop) return stop;
    }
    let doorProblem: AppError | null = null;
    for (const door of doors) {
      const problem = await pullDoor(deps, door);
      doorProblem ??= problem;
      step(`Reading ${door.name} from the cloud`);
    }
    await pullEvents(deps, doors);
    step('Reading events');
    if (doorProblem) return doorProblem;
    const at = deps.now().toISOString();
    await store.index.update((data) => {
      data.cloud.lastSuccessAt = at;
    });
    return null;
  } catch (e) {
    if (isCodedError(e)) return { code: e.code, message: e.message };
    return { code: 'sync.failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Reads one linked door's codes from the cloud and applies them. A device the cloud no longer has (deleted there, or
 * the account now opens another workspace) is skipped — its codes stay as they are, on the lock too — and said.
 */
async function pullDoor(deps: SyncRunDeps, door: Door): Promise<AppError | null> {
  const deviceId = door.cloud!.device_id;
  const lists = await Promise.all([deps.gateway.listCodes(deviceId), deps.gateway.listUnmanaged(deviceId)]).catch((e: unknown) => {
    if (isCodedError(e) && e.code === 'sync.not_found') return null;
    throw e;
  });
  const deviceGone: AppError = { code: 'sync.not_found', message: `${door.name}: the cloud no longer has its device; link the door again (its codes were left as they are).` };
  if (!lists) return deviceGone;
  const [managed, unmanaged] = lists;
  const doc = await deps.store.codes(door.siteId);
  const gone = new Set<string>();
  const missing = missingIds(doc.read(), door.id, managed);
  // A code is taken for deleted in the cloud only when the cloud says so of it, on a device this account still has.
  if (missing.length > 0 && !(await deviceExists(deps, deviceId))) return deviceGone;
  for (const id of missing) if ((await deps.gateway.getCode(id)) === null) gone.add(id);
  const result = await doc.update((data) => applyDoorPull(data, { door, deviceId, managed, unmanaged, goneIds: gone }, deps.now(), deps.newId, deps.isRunning));
  if (result.removals.length > 0) deps.onRemovals([door.id], result.removals);
  // A device's facts (online, battery, rules) change slowly: read again every ten minutes, not at every sync.
  const stored = door.cloud!.facts;
  if (stored && deps.now().getTime() - Date.parse(stored.read_at) < FACTS_MAX_AGE_MS) return null;
  const facts = await deps.gateway.getDevice(deviceId).catch((e: unknown) => (isCodedError(e) && e.code === 'sync.not_found' ? null : Promise.reject(e)));
  if (!facts) return deviceGone;
  await deps.store.index.update((data) => {
    const linked = data.doors.find((d) => d.id === door.id);
    if (linked?.cloud?.device_id === deviceId) linked.cloud.facts = facts;
  });
  return null;
}

async function deviceExists(deps: SyncRunDeps, deviceId: string): Promise<boolean> {
  return deps.gateway.getDevice(deviceId).then(
    () => true,
    (e: unknown) => (isCodedError(e) && e.code === 'sync.not_found' ? false : Promise.reject(e)),
  );
}

async function pullEvents(deps: SyncRunDeps, doors: readonly Door[]): Promise<void> {
  if (doors.length === 0) return;
  const earliestLink = doors.map((d) => d.cloud!.linked_at).sort()[0]!;
  const since = deps.store.index.read().cloud.eventsSince ?? earliestLink;
  const events = await deps.gateway.listEvents(since, [...new Set(doors.map((d) => d.cloud!.device_id))]);
  if (events.length === 0) return;
  for (const siteId of new Set(doors.map((d) => d.siteId))) {
    const doc = await deps.store.codes(siteId);
    await doc.update((data) => applyCloudEvents(data, events));
  }
  await deps.store.index.update((data) => {
    data.cloud.eventsSince = nextSince(since, events);
  });
}

/** How old a linked device's facts may get before a sync reads them again. */
const FACTS_MAX_AGE_MS = 10 * 60_000;
