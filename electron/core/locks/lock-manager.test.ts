import { zwaveAddress } from '../../../shared/domain/lock-address';
import { describe, expect, it } from 'vitest';
import { createZWaveConnection } from '../zwave/zwave-connection';
import type { Site } from '../../../shared/domain/site';
import { sampleLockProfile, sampleSite } from '../../../shared/testing/samples';
import { FakeLockNetwork } from '../zwave/fake-lock-network';
import { createLockManager, type LockManagerChange } from './lock-manager';
import { createManualReadiness } from './manual-readiness';

const site: Site = sampleSite({ id: 'site1' });
const NODES = [2, 3, 4];

/** A lock manager over a fake network whose three locks are interviewed when the test says so. */
function setup() {
  const network = new FakeLockNetwork(new Map(NODES.map((nodeId) => [nodeId, sampleLockProfile({ address: String(nodeId) })])));
  const readiness = createManualReadiness(NODES.map(String));
  let closed = 0;
  let at = new Date('2026-03-20T09:00:00.000Z');
  const locks = createLockManager(async () => createZWaveConnection(network, { readiness, close: async () => void closed++ }), { now: () => at });
  const changes: LockManagerChange[] = [];
  locks.onChange((c) => changes.push(c));
  /** Resolves at the next 'lock' change for `nodeId`. */
  const nextLockChange = (address: string) =>
    new Promise<void>((resolve) => {
      const off = locks.onChange((c) => c.kind === 'lock' && c.lock.address === address && (off(), resolve()));
    });
  return { network, readiness, locks, changes, nextLockChange, closed: () => closed, setNow: (d: string) => (at = new Date(d)) };
}

describe('lock manager: locks become usable one by one', () => {
  it('while the site connects, each lock is ready (profile read, change pushed) as its own interview ends', async () => {
    const { readiness, locks, nextLockChange } = setup();
    let isConnected = false;
    const connecting = locks.connect(site).then(() => (isConnected = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(locks.status(site.id).state).toBe('connecting');
    expect(locks.connection(site.id, 'zwave').protocol).toBe('zwave');
    expect(NODES.map((n) => locks.isLockReady(site.id, zwaveAddress(n)))).toEqual([false, false, false]);
    expect(locks.profile(site.id, zwaveAddress(3))).toBeNull();

    const front = nextLockChange('3');
    readiness.settle('3');
    await front;
    expect(NODES.map((n) => locks.isLockReady(site.id, zwaveAddress(n)))).toEqual([false, true, false]);
    expect(locks.profile(site.id, zwaveAddress(3))).toMatchObject({ address: '3', isOnline: true, offlineSince: null });
    await expect(locks.refreshProfile(site.id, zwaveAddress(2))).rejects.toMatchObject({ code: 'lock.not_ready' });
    expect(locks.status(site.id).state).toBe('connecting');
    expect(isConnected).toBe(false);

    readiness.settle('2');
    readiness.settle('4', 'not_answering');
    await connecting;
    expect(locks.status(site.id).state).toBe('ready');
    expect(NODES.map((n) => locks.isLockReady(site.id, zwaveAddress(n)))).toEqual([true, true, true]);
  });

  it('a second connect while the first is still interviewing waits for the same connection', async () => {
    const { readiness, locks } = setup();
    const first = locks.connect(site);
    await new Promise((resolve) => setImmediate(resolve));
    let isSecondDone = false;
    const second = locks.connect(site).then(() => (isSecondDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(isSecondDone).toBe(false);
    NODES.forEach((n) => readiness.settle(String(n)));
    await Promise.all([first, second]);
    expect(locks.status(site.id).state).toBe('ready');
  });

  it('the stick pulled during the interviews: connect rejects, the site is failed and nothing stays ready', async () => {
    const { network, readiness, locks, closed } = setup();
    const connecting = locks.connect(site);
    await new Promise((resolve) => setImmediate(resolve));
    readiness.settle('2');
    network.pull('serial port closed');
    await expect(connecting).rejects.toMatchObject({ code: 'transport.disconnected' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(locks.status(site.id)).toEqual({ state: 'failed', message: 'The controller went away: serial port closed' });
    expect(locks.isLockReady(site.id, zwaveAddress(2))).toBe(false);
    expect(closed()).toBe(1);
  });

  it('offlineSince: set when a lock stops answering, kept while it stays silent, cleared when it answers', async () => {
    const { network, readiness, locks, setNow } = setup();
    const connecting = locks.connect(site);
    await new Promise((resolve) => setImmediate(resolve));
    NODES.forEach((n) => readiness.settle(String(n)));
    await connecting;

    setNow('2026-03-20T10:00:00.000Z');
    network.setAvailability(3, false);
    expect(locks.profile(site.id, zwaveAddress(3))).toMatchObject({ isOnline: false, offlineSince: '2026-03-20T10:00:00.000Z' });
    setNow('2026-03-20T10:05:00.000Z');
    network.setAvailability(3, false);
    network.profiles.set(3, sampleLockProfile({ address: '3', isOnline: false }));
    await locks.refreshProfile(site.id, zwaveAddress(3));
    expect(locks.profile(site.id, zwaveAddress(3))?.offlineSince).toBe('2026-03-20T10:00:00.000Z');

    network.setAvailability(3, true);
    expect(locks.profile(site.id, zwaveAddress(3))).toMatchObject({ isOnline: true, offlineSince: null });
  });
  it('closing while the controller is still opening: it is closed as soon as it opens, never used', async () => {
    const network = new FakeLockNetwork(new Map([[2, sampleLockProfile()]]));
    let opened!: () => void;
    let closed = 0;
    const locks = createLockManager(async () => {
      await new Promise<void>((resolve) => (opened = resolve));
      return createZWaveConnection(network, { readiness: createManualReadiness(['2']), close: async () => void closed++ });
    });
    const connecting = locks.connect(site);
    await new Promise((resolve) => setImmediate(resolve));
    await locks.disconnect(site.id);
    opened();
    await expect(connecting).rejects.toMatchObject({ code: 'transport.disconnected' });
    expect(closed).toBe(1);
    expect(locks.status(site.id).state).toBe('disconnected');
    expect(() => locks.connection(site.id, 'zwave')).toThrow(expect.objectContaining({ code: 'site.not_connected' }));
  });
});

describe('lock manager: one site, two connections (a Z-Wave stick and a Bluetooth radio)', () => {
  it('opens both, keys each lock by protocol and address, and is ready only when both are', async () => {
    const zwave = new FakeLockNetwork(new Map([[2, sampleLockProfile({ address: '2' })]]));
    const ble = new FakeLockNetwork(new Map([[2, sampleLockProfile({ address: '2', manufacturer: 'Nuki', codePlaces: 'lock_ids', codeProof: 'list' })]]));
    const bleReadiness = createManualReadiness(['2']);
    const opened: string[] = [];
    const locks = createLockManager(async (_site, connection) => {
      opened.push(connection.kind);
      return connection.kind === 'bluetooth' ? { ...createZWaveConnection(ble, { readiness: bleReadiness }), protocol: 'nuki' as const } : createZWaveConnection(zwave);
    });
    const both: Site = { ...site, connections: [{ kind: 'demo' }, { kind: 'bluetooth', radio: 'demo' }] };
    const connecting = locks.connect(both);
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened.sort()).toEqual(['bluetooth', 'demo']);
    expect(locks.status(site.id).state).toBe('connecting');
    bleReadiness.settle('2');
    await connecting;
    expect(locks.status(site.id).state).toBe('ready');
    expect(locks.lockAddresses(site.id)).toEqual([zwaveAddress(2), { protocol: 'nuki', address: '2' }]);
    expect(locks.profile(site.id, zwaveAddress(2))?.manufacturer).toBe('Virtual');
    expect(locks.profile(site.id, { protocol: 'nuki', address: '2' })?.manufacturer).toBe('Nuki');
    expect(locks.connection(site.id, 'nuki').protocol).toBe('nuki');
  });

  it('a connection that goes away fails the site with its reason; the other keeps its locks', async () => {
    const zwave = new FakeLockNetwork(new Map([[2, sampleLockProfile({ address: '2' })]]));
    const ble = new FakeLockNetwork(new Map([[5, sampleLockProfile({ address: '5' })]]));
    const locks = createLockManager(async (_site, connection) =>
      connection.kind === 'bluetooth' ? { ...createZWaveConnection(ble), protocol: 'nuki' as const } : createZWaveConnection(zwave),
    );
    await locks.connect({ ...site, connections: [{ kind: 'demo' }, { kind: 'bluetooth', radio: 'demo' }] });
    zwave.pull('USB stick pulled');
    await new Promise((resolve) => setImmediate(resolve));
    expect(locks.status(site.id)).toEqual({ state: 'failed', message: expect.stringContaining('USB stick pulled') });
    expect(locks.isLockReady(site.id, zwaveAddress(2))).toBe(false);
    expect(locks.isLockReady(site.id, { protocol: 'nuki', address: '5' })).toBe(true);
  });
});
