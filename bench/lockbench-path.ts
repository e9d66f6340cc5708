import { zwaveAddress } from '../shared/domain/lock-address';
import { createZWaveConnection } from '../electron/core/zwave/zwave-connection';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessCode } from '../shared/domain/access-code';
import { createCodeService } from '../electron/core/codes/code-service';
import { createVirtualStick } from '../electron/core/demo/create-virtual-stick';
import { createLockManager } from '../electron/core/locks/lock-manager';
import { systemClock } from '../electron/core/ports/clock';
import { createOperationQueue } from '../electron/core/queue/operation-queue';
import { defaultRetryRules } from '../electron/core/queue/operation-records';
import { openShardedStore } from '../electron/core/store/open-sharded-store';
import { openZWaveNetwork } from '../electron/core/zwave/open-network';
import { sampleDoor, sampleSite } from '../shared/testing/samples';
import { benchLockSpec, benchPins } from './bench-lock';

/**
 * Programs and verifies `count` codes through the whole Lockbench path: service call → PIN rules and slot
 * allocation → durable write of the code and its operation → operation queue → zwave-js Set → read-back →
 * durable write of `set`. Returns the time of each code from the create call to its `set`, in ms.
 */
export async function lockbenchSetAndVerify(count: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-bench-'));
  const spec = benchLockSpec(count);
  const stick = await createVirtualStick({ stateFile: null, locks: [spec], seed: 1 });
  const store = await openShardedStore({ dir });
  const site = sampleSite({ id: 'bench', name: 'Bench', timeZone: 'UTC', createdAt: new Date().toISOString() });
  await store.index.update((d) => {
    d.sites.push(site);
    d.doors.push(sampleDoor({ id: 'door', siteId: 'bench', lockAddress: zwaveAddress(spec.nodeId), name: 'Door', createdAt: site.createdAt }));
  });
  const locks = createLockManager(async (_s, _c, onProgress) => {
    const network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir, 'cache'), securityKeys: stick.securityKeys, onProgress });
    return createZWaveConnection(network);
  });
  await locks.connect(site);
  let settle: ((code: AccessCode) => void) | null = null;
  const onCodeChanged = (code: AccessCode) => code.status === 'set' && settle?.(code);
  const queue = createOperationQueue({ store, locks, clock: systemClock, rules: defaultRetryRules, onCodeChanged, onQueueChanged: () => {} });
  const codes = createCodeService({ store, locks, queue, clock: systemClock, newId: randomUUID, onChange: onCodeChanged });
  const times: number[] = [];
  try {
    for (const pin of benchPins(count)) {
      const done = new Promise<AccessCode>((resolve) => (settle = resolve));
      const started = performance.now();
      await codes.create('door', { code: pin });
      await done;
      times.push(performance.now() - started);
    }
  } finally {
    queue.close();
    await queue.idle();
    await locks.closeAll();
    await store.close();
    await stick.close();
    await rm(dir, { recursive: true, force: true });
  }
  return times;
}
