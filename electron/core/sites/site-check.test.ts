import { join } from 'node:path';
import { createZWaveConnection } from '../zwave/zwave-connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door } from '../../../shared/domain/door';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { withDeviceFileParams } from '../demo/device-file-params';
import { REAL_LOCK_MODELS } from '../demo/real-lock-models';
import type { VirtualStick } from '../demo/virtual-stick';
import { createLockManager } from '../locks/lock-manager';
import { openShardedStore } from '../store/open-sharded-store';
import type { ShardedStore } from '../store/store-v2';
import type { LockNetwork } from '../zwave/lock-network';
import { openZWaveNetwork } from '../zwave/open-network';
import { createTempDir } from '../zwave/test-support';
import { createSiteService, type SiteService } from './site-service';

/**
 * The capability check of real lock models on the virtual stick (real zwave-js, each model's device file): what it
 * passes, what it only warns about, what it says about a lock that does not answer, and the codes from elsewhere.
 */
const SCHLAGE = 10; // BE469, PIN length 6
const YALE = 16; // YRD256 ZW2, slot 251 = admin code
const KWIKSET = 21; // 916, lengths unknown

describe('capability check of real lock models', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let network: LockNetwork;
  let store: ShardedStore;
  let sites: SiteService;
  const doorOf = (nodeId: number): Door => store.index.read().doors.find((d) => d.lockAddress.address === String(nodeId))!;
  const item = (report: CapabilityReport, key: string) => report.items.find((i) => i.key === key)!;

  beforeAll(async () => {
    dir = await createTempDir('site-check');
    const models = REAL_LOCK_MODELS.filter((m) => [SCHLAGE, YALE, KWIKSET].includes(m.nodeId));
    stick = await createVirtualStick({ stateFile: join(dir.path, 'locks.json'), locks: (await withDeviceFileParams(models)).map((s) => ({ ...s, radioDelayMs: 1 })) });
    stick.locks.get(YALE)?.plantCode(3, '731902'); // a code from elsewhere
    network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys });
    store = await openShardedStore({ dir: join(dir.path, 'store') });
    let n = 0;
    sites = createSiteService({
      store,
      locks: createLockManager(async () => createZWaveConnection(network, { close: async () => {} })),
      now: () => new Date(),
      newId: () => `id-${++n}`,
      defaultTimeZone: 'Europe/Berlin',
      defaultDoorName: (_c, nodeId) => `Door ${nodeId}`,
      onSiteReady: () => {},
      onDoorsChanged: () => {},
    });
    await sites.connect({ connection: { kind: 'serial', path: '/dev/virtual' }, timeZone: 'Europe/Berlin' });
  });

  afterAll(async () => {
    await store?.close();
    await network?.close();
    await stick?.close();
    await dir?.remove();
  });

  it("passes the Schlage's PIN length, naming the lock setting it was read from", async () => {
    const report = await sites.check(doorOf(SCHLAGE).id);
    expect(item(report, 'code_lengths')).toMatchObject({ verdict: 'pass', finding: 'PINs of 6 digits: the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6.' });
    expect(item(report, 'online').verdict).toBe('pass');
    expect(report.codes_from_elsewhere).toBe(0);
  });

  it('warns about the Kwikset\'s unknown lengths, and then shows what the lock refused', async () => {
    expect(item(await sites.check(doorOf(KWIKSET).id), 'code_lengths')).toMatchObject({ verdict: 'warn', finding: expect.stringContaining('4–10 digits') });
    await store.index.update((d) => {
      d.doors.find((x) => x.lockAddress.address === String(KWIKSET))!.learned = { acceptedLengths: [6], refusedLengths: [9, 10] };
    });
    const lengths = item(await sites.check(doorOf(KWIKSET).id), 'code_lengths');
    expect(lengths).toMatchObject({ verdict: 'warn', finding: expect.stringContaining('4–8 digits') });
    expect(lengths.finding).toContain('kept 6-digit PINs; refused 9 or 10-digit PINs');
    expect(sites.doorView(doorOf(KWIKSET)).lock?.supportedCodeLengths).toEqual([4, 5, 6, 7, 8]);
  });

  it("counts the Yale's admin slot out and the code from elsewhere in", async () => {
    const report = await sites.check(doorOf(YALE).id);
    expect(item(report, 'slots')).toMatchObject({ verdict: 'pass', finding: expect.stringContaining('250 slots for codes, 1 in use, 249 free.') });
    expect(item(report, 'slots').finding).toContain("Slot 251 holds the lock's admin (master) code");
    expect(report.codes_from_elsewhere).toBe(1);
  });

  it('a lock that does not answer: "not answering", slots not confirmed, battery as last read with its time', async () => {
    stick.locks.get(SCHLAGE)?.setAnswering(false);
    try {
      const report = await sites.check(doorOf(SCHLAGE).id);
      expect(item(report, 'online')).toMatchObject({ verdict: 'fail', finding: expect.stringContaining('not answering') });
      expect(item(report, 'slots')).toMatchObject({ verdict: 'warn', finding: expect.stringMatching(/^Last read .*Not confirmed now: the lock is not answering\.$/) });
      expect(item(report, 'battery')).toMatchObject({ verdict: 'warn', finding: expect.stringMatching(/^Last read .*: Battery at 80%\./) });
      expect(report.codes_from_elsewhere).toBeNull();
      expect(report.items.some((i) => i.finding.includes('did not report'))).toBe(false);
    } finally {
      stick.locks.get(SCHLAGE)?.setAnswering(true);
      await network.ping(SCHLAGE);
    }
  });
});
