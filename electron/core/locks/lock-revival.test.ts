import { zwaveAddress } from '../../../shared/domain/lock-address';
import { describe, expect, it } from 'vitest';
import { createZWaveConnection } from '../zwave/zwave-connection';
import { sampleLockProfile, sampleSite } from '../../../shared/testing/samples';
import { ManualClock } from '../ports/clock';
import { FakeLockNetwork } from '../zwave/fake-lock-network';
import { createLockManager } from './lock-manager';
import { createLockRevival } from './lock-revival';

const site = sampleSite({ id: 'site1' });

async function setup() {
  const clock = new ManualClock('2026-03-01T10:00:00.000Z');
  const network = new FakeLockNetwork(new Map([[2, sampleLockProfile({ address: '2' })]]));
  const locks = createLockManager(async () => createZWaveConnection(network, { close: async () => {} }));
  await locks.connect(site);
  const revival = createLockRevival({ locks, clock });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { clock, network, locks, revival, flush };
}

describe('lock revival', () => {
  it('pings a lock that stopped answering on a backoff until it answers, and it is online again by itself', async () => {
    const { clock, network, locks, revival, flush } = await setup();
    network.silent.add(2);
    network.setAvailability(2, false);
    expect(locks.profile('site1', zwaveAddress(2))?.isOnline).toBe(false);
    const pings = () => network.commands;
    clock.advance(4_999);
    await flush();
    expect(pings()).toBe(0);
    clock.advance(1);
    await flush();
    expect(pings()).toBe(1); // 5 s
    clock.advance(15_000);
    await flush();
    expect(pings()).toBe(2); // then 15 s later
    network.silent.delete(2); // back in range
    clock.advance(30_000);
    await flush();
    expect(pings()).toBe(3);
    expect(locks.profile('site1', zwaveAddress(2))?.isOnline).toBe(true);
    clock.advance(600_000);
    await flush();
    expect(pings()).toBe(3); // an answering lock is left alone
    revival.close();
  });

  it('wake() pings at once, and two callers share one ping', async () => {
    const { network, revival, locks } = await setup();
    network.setAvailability(2, false);
    const [a, b] = await Promise.all([revival.wake('site1', zwaveAddress(2)), revival.wake('site1', zwaveAddress(2))]);
    expect([a, b]).toEqual([true, true]);
    expect(network.commands).toBe(1);
    expect(locks.profile('site1', zwaveAddress(2))?.isOnline).toBe(true);
    revival.close();
  });

  it('stops pinging when the site disconnects', async () => {
    const { clock, network, locks, revival, flush } = await setup();
    network.silent.add(2);
    network.setAvailability(2, false);
    await locks.disconnect('site1');
    clock.advance(3_600_000);
    await flush();
    expect(network.commands).toBe(0);
    revival.close();
  });
});
