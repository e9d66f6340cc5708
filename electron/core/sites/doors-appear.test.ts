import { mkdtemp, rm } from 'node:fs/promises';
import { createZWaveConnection } from '../zwave/zwave-connection';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoorView } from '../../../shared/domain/door';
import { sampleLockProfile } from '../../../shared/testing/samples';
import { FakeLockNetwork } from '../zwave/fake-lock-network';
import { createLockManager } from '../locks/lock-manager';
import { createManualReadiness } from '../locks/manual-readiness';
import { openShardedStore } from '../store/open-sharded-store';
import type { ShardedStore } from '../store/store-v2';
import { createSiteService } from './site-service';

const NAMES: Record<number, string> = { 2: 'Front door', 3: 'Back door', 4: 'Garage side door' };
const NODES = [2, 3, 4];
let dir: string;
let store: ShardedStore;

afterEach(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function setup() {
  dir = await mkdtemp(join(tmpdir(), 'lockbench-doors-'));
  store = await openShardedStore({ dir });
  const network = new FakeLockNetwork(new Map(NODES.map((nodeId) => [nodeId, sampleLockProfile({ address: String(nodeId) })])));
  const readiness = createManualReadiness(NODES.map(String));
  const locks = createLockManager(async () => createZWaveConnection(network, { readiness, close: async () => {} }));
  const pushed: DoorView[] = [];
  const waiters: Array<() => void> = [];
  let n = 0;
  const sites = createSiteService({
    store, locks, now: () => new Date('2026-03-20T09:00:00.000Z'), newId: () => `id-${++n}`, defaultTimeZone: 'Europe/Berlin',
    defaultDoorName: (_c, at) => NAMES[Number(at.address)] ?? `Door ${at.address}`,
    onSiteReady: () => {},
    onDoorsChanged: (doors) => {
      pushed.push(...doors);
      waiters.splice(0).forEach((w) => w());
    },
  });
  const nextPush = () => new Promise<void>((resolve) => waiters.push(resolve));
  /** Resolves once the controller is open (its locks not interviewed yet). */
  const controllerOpen = () =>
    new Promise<void>((resolve) => {
      const off = locks.onChange((c) => c.kind === 'site' && locks.status(c.siteId).state === 'connecting' && (off(), resolve()));
    }).then(() => new Promise((resolve) => setImmediate(resolve)));
  return { readiness, locks, sites, pushed, nextPush, controllerOpen };
}

describe('doors appear as their locks are interviewed', () => {
  it('creates and pushes each door when its lock is ready, while the site is still connecting; never twice', async () => {
    const { readiness, locks, sites, pushed, nextPush, controllerOpen } = await setup();
    const opened = controllerOpen();
    const connecting = sites.connect({ connection: { kind: 'demo' } });
    await opened;
    expect(sites.view('demo').state).toBe('connecting');
    expect(sites.doors('demo')).toEqual([]);

    const backDoor = nextPush();
    readiness.settle('3');
    await backDoor;
    expect(pushed.map((d) => d.name)).toEqual(['Back door']);
    expect(sites.doors('demo').map((d) => [d.name, d.lock?.address])).toEqual([['Back door', '3']]);
    expect(store.index.read().doors[0]?.lastProfile).toMatchObject({ address: '3' });
    expect(locks.status('demo').state).toBe('connecting');

    const frontDoor = nextPush();
    readiness.settle('2');
    await frontDoor;
    expect(sites.doors('demo').map((d) => d.name)).toEqual(['Back door', 'Front door']);

    readiness.settle('4', 'interview_failed');
    const site = await connecting;
    expect(site.state).toBe('ready');
    expect(sites.doors('demo').map((d) => d.name).sort()).toEqual(['Back door', 'Front door', 'Garage side door']);
    expect(store.index.read().doors).toHaveLength(3);
  });

  it('on a later start the stored doors are listed at once, before any lock is interviewed', async () => {
    const first = await setup();
    const connecting = first.sites.connect({ connection: { kind: 'demo' } });
    NODES.forEach((nodeId) => first.readiness.settle(String(nodeId)));
    await connecting;
    await first.locks.closeAll();

    const network = new FakeLockNetwork(new Map(NODES.map((nodeId) => [nodeId, sampleLockProfile({ address: String(nodeId) })])));
    const locks = createLockManager(async () => createZWaveConnection(network, { readiness: createManualReadiness(NODES.map(String)), close: async () => {} }));
    const sites = createSiteService({
      store, locks, now: () => new Date(), newId: () => 'unused', defaultTimeZone: 'UTC', defaultDoorName: () => 'unused',
      onSiteReady: () => {}, onDoorsChanged: () => {},
    });
    void sites.connect({ connection: { kind: 'demo' } }).catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(sites.view('demo').state).toBe('connecting');
    expect(sites.doors('demo').map((d) => [d.name, d.isConnected])).toEqual([
      ['Front door', false],
      ['Back door', false],
      ['Garage side door', false],
    ]);
    await locks.closeAll();
  });
});
