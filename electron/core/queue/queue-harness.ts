import { mkdtemp, rm } from 'node:fs/promises';
import { createZWaveConnection } from '../zwave/zwave-connection';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { LockProfile } from '../../../shared/domain/lock';
import type { Site } from '../../../shared/domain/site';
import { sampleDoor, sampleLockProfile, sampleSite } from '../../../shared/testing/samples';
import { createCodeService, type CodeService } from '../codes/code-service';
import { FakeLockNetwork } from '../zwave/fake-lock-network';
import { createLockManager, type LockManager } from '../locks/lock-manager';
import { openShardedStore } from '../store/open-sharded-store';
import type { ShardedStore } from '../store/store-v2';
import { ManualClock } from '../ports/clock';
import { createOperationQueue, type OperationQueue } from './operation-queue';
import type { RetryRules } from './operation-records';
import { createQueueService, type QueueService } from './queue-service';
import { createTimeKeeper, type TimeKeeper } from './time-keeper';
import { createUnmanagedCodes, type UnmanagedCodes } from '../codes/unmanaged-codes';
import { createLengthLearning } from '../codes/length-learning';

/** Test support: the code pipeline (real sharded store on disk, queue, time keeper) over a fake lock and a manual clock. */
export interface QueueHarness {
  dir: string;
  clock: ManualClock;
  network: FakeLockNetwork;
  store: ShardedStore;
  locks: LockManager;
  queue: OperationQueue;
  codes: CodeService;
  queueService: QueueService;
  unmanaged: UnmanagedCodes;
  timeKeeper: TimeKeeper;
  changes: AccessCode[];
  /** Waits until the time keeper and the queue have nothing left to do right now. */
  settle(): Promise<void>;
  /** The door's code by name, as stored. */
  code(name: string): Promise<AccessCode>;
  /** Pulls the stick (the site goes away) and plugs it back in (the site is ready again and the queue resumes). */
  unplug(): Promise<void>;
  plugIn(): Promise<void>;
  /**
   * Closes everything and opens it again on the same folder (a restart), keeping the lock's memory; with
   * `{ connect: false }` the door's site stays unconnected after the restart (the lock is away).
   */
  restart(options?: { connect?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export const testRules: RetryRules = { backoffMs: (n) => n * 1000, errorAfterAttempts: 3, delayWarningMs: 60_000 };
const site: Site = sampleSite({ id: 'site1' });

/** Builds the harness; `profile` overrides the lock on door "front" (node 2). */
export async function createQueueHarness(profile: Partial<LockProfile> = {}, start = '2026-03-20T09:00:00.000Z'): Promise<QueueHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-queue-'));
  const clock = new ManualClock(start);
  const network = new FakeLockNetwork(new Map([[2, sampleLockProfile({ slotCount: 5, supportedCodeLengths: [4, 5, 6], ...profile })]]));
  const h = { dir, clock, network, changes: [] as AccessCode[] } as QueueHarness;

  async function open(connect = true): Promise<void> {
    const store = await openShardedStore({ dir });
    if (!store.index.read().sites.length) {
      await store.index.update((d) => {
        d.sites.push(site);
        d.doors.push(sampleDoor({ id: 'front', siteId: site.id, createdAt: site.createdAt }));
      });
    }
    const locks = createLockManager(async () => createZWaveConnection(network, { close: async () => {} }));
    let n = 0;
    const newId = () => `id-${Date.now().toString(36)}-${++n}`;
    const onCodeChanged = (c: AccessCode) => h.changes.push(c);
    const queue = createOperationQueue({ store, locks, clock, rules: testRules, onCodeChanged, onQueueChanged: () => {}, refusals: createLengthLearning({ store, locks }) });
    const timeKeeper = createTimeKeeper({ store, queue, clock, newId, onCodeChanged, onQueueChanged: () => {} });
    Object.assign(h, {
      store, locks, queue, timeKeeper,
      codes: createCodeService({
        store, locks, queue, clock, newId,
        onChange: (c: AccessCode) => {
          onCodeChanged(c);
          if (c.type === 'time_bound') void timeKeeper.watchSite(site.id);
        },
      }),
      queueService: createQueueService({ store, queue, clock, newId, onCodeChanged, onQueueChanged: () => {} }),
      unmanaged: createUnmanagedCodes({ store, locks, queue, clock, newId, onChange: onCodeChanged }),
    });
    if (!connect) return;
    await locks.connect(site);
    await store.index.update((d) => {
      for (const door of d.doors) door.lastProfile = locks.profile(site.id, door.lockAddress);
    });
    await timeKeeper.watchSite(site.id);
    queue.kickSite(site.id);
    await queue.idle();
  }

  async function shut(): Promise<void> {
    h.timeKeeper.close();
    h.queue.close();
    await h.queue.idle();
    await h.store.close();
  }

  h.settle = async () => {
    for (let i = 0; i < 5; i++) {
      await h.timeKeeper.idle();
      await h.queue.idle();
    }
  };
  h.unplug = () => h.locks.disconnect(site.id);
  h.plugIn = async () => {
    await h.locks.connect(site);
    h.queue.kickSite(site.id);
    await h.settle();
  };
  h.code = async (name) => (await h.codes.list('front')).find((c) => c.name === name)!;
  h.restart = async (options) => {
    await shut();
    await open(options?.connect ?? true);
  };
  h.close = async () => {
    await shut();
    await rm(dir, { recursive: true, force: true });
  };
  await open();
  return h;
}
