import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { DoorView } from '../../../shared/domain/door';
import { BUILDING_DOORS } from '../demo/building/building-doors';
import { BUILDING_NUKI_LOCKS } from '../demo/building/building-nuki-locks';
import { BUILDING_NUKI_MEMORY_FILE, BUILDING_SITE_ID, BUILDING_ZWAVE_MEMORY_FILE } from '../demo/building/building-site';
import { DEMO_NUKI_LOCKS, DEMO_NUKI_SECURITY_PIN, type VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import { createMemoryVault } from '../secrets/key-vault';
import { createLockPairings } from '../secrets/lock-pairings';
import { LOCKBENCH_APP_NAME } from '../nuki/nuki-bluetooth-locks';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';
import { createMemoryPlatform } from './memory-platform';
import { nextCodeChange } from './app-test-support';

/** Each virtual Bluetooth radio the app started, by its memory file (to look into the building's locks). */
const radios = vi.hoisted(() => new Map<string, VirtualNukiRadio>());
vi.mock('../demo/nuki/demo-nuki-locks', async (importOriginal) => {
  const original = await importOriginal<typeof import('../demo/nuki/demo-nuki-locks')>();
  return {
    ...original,
    createVirtualNukiRadio: async (...args: Parameters<typeof original.createVirtualNukiRadio>) => {
      const radio = await original.createVirtualNukiRadio(...args);
      radios.set(String(args[0].stateFile), radio);
      return radio;
    },
  };
});

/**
 * The building demo through the whole main-process stack: `demo.building` creates the site with its 24 placed doors,
 * the building's own virtual stick interviews 16 Z-Wave locks, its own virtual radio serves 8 Nuki locks that the app's
 * own pairing pairs at the first start; beside it the house demo keeps its stick, its radio and its doors. A restart
 * (the building opened at start this time) keeps doors, placements and pairings and pairs nothing again.
 */
let dataDir: string;
let services: AppServices;
const vault = createMemoryVault();
const timings: Record<string, number> = {};
const start = async (openBuildingOnStart = false) => {
  services = await createAppServices({ dataDir, host: 'browser', version: 'test', platform: createMemoryPlatform({ secrets: vault }), openBuildingOnStart, revivalBackoffMs: () => 300 });
  await services.ready;
};
const buildingDoors = () => services.handlers['doors.list']({ siteId: BUILDING_SITE_ID });
const doorNamed = async (name: string): Promise<DoorView> => (await buildingDoors()).find((d) => d.name === name)!;
const buildingRadio = () => radios.get(join(dataDir, BUILDING_NUKI_MEMORY_FILE))!;
/** Lockbench's authorizations on a building Nuki lock (one per pairing). */
const lockbenchAuthorizations = (address: string) =>
  buildingRadio().locks.get(address)!.lock.snapshot().authorizations.filter((a) => a.name === LOCKBENCH_APP_NAME).length;
const waitForCode = (predicate: (code: AccessCode) => boolean) => nextCodeChange(services.events, predicate);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-building-'));
  await start();
  // The first opening: 16 Z-Wave interviews while the 8 Nuki locks are paired (timings are printed at the end).
  const began = performance.now();
  await services.handlers['demo.building']({});
  timings.firstOpenMs = Math.round(performance.now() - began);
}, 240_000);
afterAll(async () => {
  console.log(`[building demo] ${JSON.stringify(timings)}`);
  await services?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the building demo', () => {
  it('opens as a second demo site: 24 doors with their names, placements and protocols, every lock reached', async () => {
    const site = (await services.handlers['sites.list']({})).find((s) => s.id === BUILDING_SITE_ID);
    expect(site).toMatchObject({
      name: 'Building demo',
      state: 'ready',
      timeZoneConfirmed: false,
      connections: [{ kind: 'demo', layout: 'building' }, { kind: 'bluetooth', radio: 'demo', layout: 'building' }],
    });
    const doors = await buildingDoors();
    expect(doors).toHaveLength(24);
    for (const planned of BUILDING_DOORS) {
      const door = doors.find((d) => d.lockAddress.protocol === planned.lockAddress.protocol && d.lockAddress.address === planned.lockAddress.address);
      expect(door, planned.name).toMatchObject({ name: planned.name, floor: planned.floor, group: planned.group, unit: planned.unit, isConnected: true });
    }
    expect(doors.filter((d) => d.lockAddress.protocol === 'zwave')).toHaveLength(16);
    expect(doors.filter((d) => d.lockAddress.protocol === 'nuki').every((d) => d.lock?.manufacturer === 'Nuki')).toBe(true);
    expect((await doorNamed("Cleaner's store")).lock?.batteryLevel).toBeLessThanOrEqual(20);
    for (const { spec } of BUILDING_NUKI_LOCKS) expect(lockbenchAuthorizations(spec.address), spec.label).toBe(1);
  });

  it('shows codes made elsewhere, on a Z-Wave and on a Nuki door', async () => {
    expect(await services.handlers['codes.unmanaged']({ doorId: (await doorNamed('Post room')).id })).toHaveLength(1);
    expect(await services.handlers['codes.unmanaged']({ doorId: (await doorNamed('Bike store')).id })).toHaveLength(1);
  });

  it('leaves the house demo as it was: its own doors, and its scan hears its own Nuki lock only', async () => {
    const side = DEMO_NUKI_LOCKS[0]!;
    const heard = await services.handlers['bluetooth.scan']({ siteId: 'demo', seconds: 1 });
    expect(heard.map((l) => l.address)).toEqual([side.address]);
    await services.handlers['demo.nukiButton']({ siteId: 'demo', address: side.address });
    await services.handlers['bluetooth.pair']({ siteId: 'demo', address: side.address, securityPin: String(DEMO_NUKI_SECURITY_PIN), doorName: 'Side gate' });
    const house = await services.handlers['doors.list']({ siteId: 'demo' });
    expect(house.map((d) => d.name).sort()).toEqual(['Back door', 'Front door', 'Garage side door', 'Side gate']);
    expect(house.every((d) => d.floor === null && d.group === null)).toBe(true);
    // Both sticks have a node 2 (the house's front door, the building's main entrance): a fault on one is on it only.
    const entrance = await doorNamed('Main entrance');
    expect(await services.handlers['demo.simulate']({ doorId: entrance.id, fault: 'no_answer' })).toMatchObject({ demoFault: 'no_answer' });
    expect(house.find((d) => d.name === 'Front door')?.lockAddress).toEqual(entrance.lockAddress);
    expect((await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === 'Front door')).toMatchObject({ demoFault: 'none', isConnected: true });
    await services.handlers['demo.simulate']({ doorId: entrance.id, fault: 'none' });
    const buildingHeard = await services.handlers['bluetooth.scan']({ siteId: BUILDING_SITE_ID, seconds: 1 });
    expect(buildingHeard.map((l) => l.address).sort()).toEqual(BUILDING_NUKI_LOCKS.map((l) => l.spec.address).sort());
    expect(buildingHeard.every((l) => l.doorId !== null && l.mode === 'paired')).toBe(true);
  });

  it('puts a code on a building Z-Wave door and on a building Nuki door', async () => {
    const zwave = await doorNamed('Flat 1.01');
    const nuki = await doorNamed('Flat 1.02');
    const zwaveSet = waitForCode((c) => c.door_id === zwave.id && c.status === 'set');
    const nukiSet = waitForCode((c) => c.door_id === nuki.id && c.status === 'set');
    await services.handlers['codes.create']({ doorId: zwave.id, name: 'Resident', code: '480257' });
    await services.handlers['codes.create']({ doorId: nuki.id, name: 'Resident', code: '583947' });
    expect(await zwaveSet).toMatchObject({ name: 'Resident', status: 'set' });
    expect(await nukiSet).toMatchObject({ name: 'Resident', status: 'set' });
    expect(buildingRadio().locks.get(nuki.lockAddress.address)!.lock.keypadCodes().map((c) => c.code)).toContain('583947');
  });

  it('after a restart (opened at start) keeps the doors, the installer\'s changes and the pairings, pairing nothing again', async () => {
    const renamed = await doorNamed('Flat 2.02');
    await services.handlers['doors.rename']({ doorId: renamed.id, name: 'Flat 2.02 (Mrs Okafor)' });
    const moved = await doorNamed('Plant room');
    await services.handlers['doors.place']({ doorId: moved.id, floor: '-1', group: 'service', unit: null });
    const pairings = createLockPairings({ dataDir, vault });
    const pairedAt = (await pairings.list(BUILDING_SITE_ID)).map((r) => `${r.pairing.address} ${r.pairedAt}`).sort();
    expect(pairedAt).toHaveLength(8);
    await services.close();

    const began = performance.now();
    await start(true);
    timings.restartWithBuildingMs = Math.round(performance.now() - began);
    const doors = await buildingDoors();
    expect(doors).toHaveLength(24);
    expect(doors.every((d) => d.isConnected)).toBe(true);
    expect(doors.find((d) => d.id === renamed.id)).toMatchObject({ name: 'Flat 2.02 (Mrs Okafor)', floor: '2', group: 'flat', unit: '2.02' });
    expect(doors.find((d) => d.id === moved.id)).toMatchObject({ name: 'Plant room', floor: '-1', group: 'service', unit: null });
    expect(doors.filter((d) => d.floor !== null && d.group !== null)).toHaveLength(24);
    const again = createLockPairings({ dataDir, vault });
    expect((await again.list(BUILDING_SITE_ID)).map((r) => `${r.pairing.address} ${r.pairedAt}`).sort()).toEqual(pairedAt);
    for (const { spec } of BUILDING_NUKI_LOCKS) expect(lockbenchAuthorizations(spec.address), spec.label).toBe(1);
    const codes = await services.handlers['codes.list']({ doorId: (await doorNamed('Flat 1.02')).id });
    expect(codes.map((c) => [c.name, c.status])).toEqual([['Resident', 'set']]);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining([BUILDING_ZWAVE_MEMORY_FILE, BUILDING_NUKI_MEMORY_FILE, 'demo-locks.json', 'demo-nuki-locks.json']));
  }, 120_000);
});
