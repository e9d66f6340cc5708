import { zwaveAddress } from '../shared/domain/lock-address';
import { createZWaveConnection } from '../electron/core/zwave/zwave-connection';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCodeService } from '../electron/core/codes/code-service';
import { createVirtualStick } from '../electron/core/demo/create-virtual-stick';
import { createLockManager } from '../electron/core/locks/lock-manager';
import { systemClock } from '../electron/core/ports/clock';
import { createOperationQueue } from '../electron/core/queue/operation-queue';
import { defaultRetryRules } from '../electron/core/queue/operation-records';
import { openShardedStore } from '../electron/core/store/open-sharded-store';
import type { LockNetwork } from '../electron/core/zwave/lock-network';
import { openZWaveNetwork } from '../electron/core/zwave/open-network';
import { sampleDoor, sampleSite } from '../shared/testing/samples';
import { benchLockSpec, benchPins } from './bench-lock';

/**
 * Radio cost of verification: programs `count` codes queued while the lock was away onto one virtual lock, through
 * the real queue and zwave-js, and counts the commands Lockbench sent per verified code — on a lock with the User
 * Code checksum (one checksum read proves the batch) and on the same lock without it (a read-back per code).
 */
export async function commandsPerVerifiedCode(count: number, withChecksum: boolean): Promise<{ perCode: number; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-radio-'));
  const spec = { ...benchLockSpec(count), userCodeVersion: withChecksum ? 2 : 1 } as ReturnType<typeof benchLockSpec>;
  const stick = await createVirtualStick({ stateFile: null, locks: [spec], seed: 1 });
  const store = await openShardedStore({ dir });
  const site = sampleSite({ id: 'radio', name: 'Radio', timeZone: 'UTC', createdAt: new Date().toISOString() });
  let network: LockNetwork | null = null;
  const locks = createLockManager(async (_s, _c, onProgress) => {
    network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir, 'cache'), securityKeys: stick.securityKeys, onProgress });
    return createZWaveConnection(network);
  });
  try {
    await locks.connect(site);
    const profile = locks.profile(site.id, zwaveAddress(spec.nodeId));
    await store.index.update((d) => {
      d.sites.push(site);
      d.doors.push(sampleDoor({ id: 'door', siteId: site.id, lockAddress: zwaveAddress(spec.nodeId), name: 'Door', createdAt: site.createdAt, lastProfile: profile }));
    });
    const queue = createOperationQueue({ store, locks, clock: systemClock, rules: defaultRetryRules, onCodeChanged: () => {}, onQueueChanged: () => {} });
    // The codes are typed in first (as on a door whose lock is asleep or away), then the queue runs them all.
    const holding = { ...queue, kickDoor: () => {} };
    const codes = createCodeService({ store, locks, queue: holding, clock: systemClock, newId: randomUUID, onChange: () => {} });
    for (const pin of benchPins(count)) await codes.create('door', { code: pin });
    const before = network!.commandsSent();
    const started = performance.now();
    queue.kickSite(site.id);
    await queue.idle();
    const ms = performance.now() - started;
    const verified = (await codes.list('door')).filter((c) => c.status === 'set').length;
    if (verified !== count) throw new Error(`only ${verified} of ${count} codes verified`);
    queue.close();
    return { perCode: (network!.commandsSent() - before) / count, ms };
  } finally {
    await locks.closeAll();
    await store.close();
    await stick.close();
    await rm(dir, { recursive: true, force: true });
  }
}
