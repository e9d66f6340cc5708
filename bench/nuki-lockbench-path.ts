import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessCode } from '../shared/domain/access-code';
import type { LockAddress } from '../shared/domain/lock-address';
import { sampleDoor, sampleSite } from '../shared/testing/samples';
import { createCodeService } from '../electron/core/codes/code-service';
import { createLockManager } from '../electron/core/locks/lock-manager';
import { createNukiConnection, type NukiLockConnection } from '../electron/core/nuki/nuki-connection';
import { systemClock } from '../electron/core/ports/clock';
import type { LockConnection } from '../electron/core/ports/lock-port';
import { createOperationQueue } from '../electron/core/queue/operation-queue';
import { defaultRetryRules } from '../electron/core/queue/operation-records';
import { openShardedStore } from '../electron/core/store/open-sharded-store';
import type { DurableDoc, ShardedStore } from '../electron/core/store/store-v2';
import { benchCodeName, lockCount, lockCountSince, lockHoldsAll, nukiBenchPins, startPairedNukiLock, timeConnects } from './nuki-bench-lock';
import type { NukiRun } from './nuki-bare';

/**
 * Idle time after which the Nuki link drops (the app's default is 20 s). Short here so that the link is closed again
 * after the site connected, as it is once an installer has typed 30 codes: the timed window then starts with a
 * connect, as the bare loop's does.
 */
const IDLE_DISCONNECT_MS = 250;

/** Where the Lockbench path's time went, within the timed window (ms). */
export interface LockbenchNukiSplit {
  /** Release of the queue → putCodes called (picking the work, the queue's bookkeeping). */
  beforeRadioMs: number;
  /** putCodes: the session (connect, Add × n, list), as the driver runs it. */
  putCodesMs: number;
  /** putCodes returned → every code `set` (the outcomes' durable write, change events). */
  afterRadioMs: number;
  /** Time inside store updates (overlaps the radio where they run beside it: the on-air mark). */
  storeMs: number;
  storeWrites: number;
}

/**
 * Programs and verifies `count` codes on a fresh paired virtual Nuki lock through the whole Lockbench path: a real
 * sharded store in a temp folder, a site on the demo Bluetooth radio with one Nuki door, the lock manager over a Nuki
 * connection, the operation queue and the code service. The codes are typed in first while the queue holds (PIN
 * rules, allocation, one durable write each); then the queue runs them all:
 *
 *   kick ─▶ batch (proof: list) ─▶ on-air mark (durable) ─▶ connect ─▶ Add × n ─▶ list ─▶ one durable write: all `set`
 *
 * Times from releasing the queue to the last code `set` and verified by the lock's list. Throws when a code is not.
 */
export async function lockbenchNukiCodes(count: number): Promise<NukiRun & { split: LockbenchNukiSplit }> {
  const pins = nukiBenchPins(count);
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-nuki-bench-'));
  const lock = await startPairedNukiLock();
  const radio = timeConnects(lock.radio);
  const writes = { ms: 0, count: 0 };
  const store = timeWrites(await openShardedStore({ dir }), writes);
  const address: LockAddress = { protocol: 'nuki', address: lock.address };
  const site = sampleSite({ id: 'bench', name: 'Bench', timeZone: 'UTC', connections: [{ kind: 'bluetooth', radio: 'demo' }], createdAt: new Date().toISOString() });
  await store.index.update((d) => {
    d.sites.push(site);
    d.doors.push(sampleDoor({ id: 'door', siteId: site.id, lockAddress: address, name: 'Side gate', createdAt: site.createdAt }));
  });
  let nuki: NukiLockConnection | null = null;
  const marks = { putStart: 0, putEnd: 0 };
  const locks = createLockManager(async () => {
    nuki = createNukiConnection({
      radio: radio.radio,
      locks: [{ address: lock.address, credentials: lock.credentials, securityPin: lock.securityPin, name: 'Side gate' }],
      now: () => new Date(),
      idleDisconnectMs: IDLE_DISCONNECT_MS,
    });
    return timePuts(nuki, marks);
  });
  const setIds = new Set<string>();
  let allSet = (): void => {};
  const onCodeChanged = (code: AccessCode): void => {
    if (code.status === 'set' && code.verified_at !== null) setIds.add(code.access_code_id);
    if (setIds.size === count) allSet();
  };
  const queue = createOperationQueue({ store, locks, clock: systemClock, rules: defaultRetryRules, onCodeChanged, onQueueChanged: () => {} });
  try {
    await locks.connect(site);
    // The codes are typed in first (the queue holds), then the queue runs them all.
    const holding = { ...queue, kickDoor: () => {} };
    const codes = createCodeService({ store, locks, queue: holding, clock: systemClock, newId: randomUUID, onChange: () => {} });
    for (const [i, pin] of pins.entries()) await codes.create('door', { code: pin, name: benchCodeName(i) });
    await waitFor(() => !lock.handle.isConnected, 10_000, 'the idle Nuki link to drop');
    const done = new Promise<void>((resolve) => (allSet = resolve));
    const [before, sentBefore] = [lockCount(lock.handle), nuki!.commandsSent()];
    radio.reset();
    Object.assign(writes, { ms: 0, count: 0 });
    const started = performance.now();
    queue.kickSite(site.id);
    await Promise.race([done, queue.idle()]); // idle without every code set: a failure, reported below
    const ms = performance.now() - started;
    const commandsSent = nuki!.commandsSent() - sentBefore;
    const counted = lockCountSince(lock.handle, before);
    const split = { beforeRadioMs: marks.putStart - started, putCodesMs: marks.putEnd - marks.putStart, afterRadioMs: ms - (marks.putEnd - started), storeMs: writes.ms, storeWrites: writes.count };
    await queue.idle();
    const verified = (await codes.list('door')).filter((c) => c.status === 'set' && c.verified_by === 'list').length;
    if (verified !== count || !lockHoldsAll(lock.handle, pins)) throw new Error(`Lockbench Nuki path: only ${verified} of ${count} codes set and verified`);
    return { ms, connectMs: radio.connectMs(), commandsSent, lock: counted, split };
  } finally {
    queue.close();
    await queue.idle();
    await locks.closeAll();
    await store.close();
    await lock.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The connection with the start and end of each putCodes noted. */
function timePuts(connection: LockConnection, marks: { putStart: number; putEnd: number }): LockConnection {
  return {
    ...connection,
    async putCodes(address, puts, guard, options) {
      marks.putStart = performance.now();
      try {
        return await connection.putCodes(address, puts, guard, options);
      } finally {
        marks.putEnd = performance.now();
      }
    },
  };
}

/** The store with the time spent in each site-codes update added to `writes`. */
function timeWrites(store: ShardedStore, writes: { ms: number; count: number }): ShardedStore {
  const timed = <T>(doc: DurableDoc<T>): DurableDoc<T> => ({
    read: () => doc.read(),
    openNotice: doc.openNotice,
    async update(change) {
      const started = performance.now();
      try {
        return await doc.update(change);
      } finally {
        writes.ms += performance.now() - started;
        writes.count++;
      }
    },
  });
  return {
    index: store.index,
    codes: async (siteId) => timed(await store.codes(siteId)),
    onSiteCommit: (listener) => store.onSiteCommit(listener),
    notices: () => store.notices(),
    close: () => store.close(),
  };
}

/** Polls `isDone` every 10 ms; throws after `timeoutMs`. */
async function waitFor(isDone: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!isDone()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
