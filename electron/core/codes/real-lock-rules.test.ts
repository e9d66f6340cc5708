import { zwaveAddress } from '../../../shared/domain/lock-address';
import { join } from 'node:path';
import { createZWaveConnection } from '../zwave/zwave-connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import { sampleDoor, sampleSite } from '../../../shared/testing/samples';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { withDeviceFileParams } from '../demo/device-file-params';
import { REAL_LOCK_MODELS } from '../demo/real-lock-models';
import type { VirtualStick } from '../demo/virtual-stick';
import { createLockManager } from '../locks/lock-manager';
import { ManualClock } from '../ports/clock';
import { createOperationQueue, type OperationQueue } from '../queue/operation-queue';
import { openShardedStore } from '../store/open-sharded-store';
import type { ShardedStore } from '../store/store-v2';
import type { LockNetwork } from '../zwave/lock-network';
import { openZWaveNetwork } from '../zwave/open-network';
import { createTempDir } from '../zwave/test-support';
import { createCodeService, type CodeService } from './code-service';

/**
 * The code service over real lock models on the virtual stick (real zwave-js, each model's own device file): a
 * Schlage BE469 whose "User Code PIN Length" is 6, and a Yale YRD256 ZW2 whose slot 251 is its admin code.
 */
const SCHLAGE = 10;
const YALE = 16;
const site = sampleSite({ id: 'site1' });

describe('code service on real lock models', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let network: LockNetwork;
  let store: ShardedStore;
  let queue: OperationQueue;
  let codes: CodeService;

  beforeAll(async () => {
    dir = await createTempDir('real-rules');
    const models = REAL_LOCK_MODELS.filter((m) => m.nodeId === SCHLAGE || m.nodeId === YALE);
    const specs = (await withDeviceFileParams(models)).map((s) => ({ ...s, radioDelayMs: 1 }));
    stick = await createVirtualStick({ stateFile: join(dir.path, 'locks.json'), locks: specs, seed: 1 });
    // The Yale is nearly full before Lockbench first sees it: codes from elsewhere in slots 1–249.
    for (let slot = 1; slot <= 249; slot++) stick.locks.get(YALE)?.plantCode(slot, String(300000 + slot * 7));
    network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys });

    store = await openShardedStore({ dir: join(dir.path, 'store') });
    await store.index.update((d) => {
      d.sites.push(site);
      d.doors.push(sampleDoor({ id: 'schlage', siteId: site.id, lockAddress: zwaveAddress(SCHLAGE) }), sampleDoor({ id: 'yale', siteId: site.id, lockAddress: zwaveAddress(YALE) }));
    });
    const locks = createLockManager(async () => createZWaveConnection(network, { close: async () => {} }));
    await locks.connect(site);
    const clock = new ManualClock('2026-03-20T09:00:00.000Z');
    const rules = { backoffMs: (n: number) => n * 1000, errorAfterAttempts: 3, delayWarningMs: 60_000 };
    queue = createOperationQueue({ store, locks, clock, rules, onCodeChanged: () => {}, onQueueChanged: () => {} });
    let n = 0;
    codes = createCodeService({ store, locks, queue, clock, newId: () => `id-${++n}`, onChange: (_c: AccessCode) => {} });
  });

  afterAll(async () => {
    queue?.close();
    await queue?.idle();
    await store?.close();
    await network?.close();
    await stick?.close();
    await dir?.remove();
  });

  it('the Schlage set to 6 digits refuses a 4-digit PIN before anything is stored or sent, naming the lock setting', async () => {
    const sent = network.commandsSent();
    const refusal = codes.create('schlage', { code: '4829' });
    await expect(refusal).rejects.toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'supported_code_lengths' } });
    await expect(refusal).rejects.toThrow(/"User Code PIN Length" setting, configuration parameter 16, is 6/);
    expect(network.commandsSent()).toBe(sent);
    expect(await codes.list('schlage')).toEqual([]);
  });

  it('generates 6 digits for the Schlage, and such a code lands on the lock', async () => {
    const pin = await codes.generate('schlage');
    expect(pin).toMatch(/^\d{6}$/);
    const code = await codes.create('schlage', { code: pin });
    await queue.idle();
    expect(stick.locks.get(SCHLAGE)?.storedCodes().get(code.slot ?? 0)).toBe(pin);
  });

  it('the Yale gets slot 250, never 251 (its admin code), and then has no free slot', async () => {
    const last = await codes.create('yale', { code: '482913' });
    expect(last.slot).toBe(250);
    await expect(codes.create('yale', { code: '593024' })).rejects.toMatchObject({ code: 'codes.no_free_slot' });
    await queue.idle();
    expect(stick.locks.get(YALE)?.storedCodes().get(250)).toBe('482913');
    expect(stick.locks.get(YALE)?.storedCodes().has(251)).toBe(false);
  });
});
