import { doorSchema, type Door } from '../../../shared/domain/door';
import { siteSchema, type Site, type SiteView } from '../../../shared/domain/site';
import { CodedError } from '../../../shared/result';
import { BUILDING_DOORS } from '../demo/building/building-doors';
import { BUILDING_NUKI_LOCKS, type BuildingNukiLock } from '../demo/building/building-nuki-locks';
import { BUILDING_CONNECTIONS, BUILDING_SITE_ID, BUILDING_SITE_NAME } from '../demo/building/building-site';
import type { VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import type { LockPairings } from '../ports/lock-pairing';
import type { BluetoothDoors } from '../sites/bluetooth-doors';
import type { SiteService } from '../sites/site-service';
import type { ShardedStore } from '../store/store-v2';

/** What opening the building demo needs. */
export interface BuildingDemoDeps {
  store: ShardedStore;
  sites: SiteService;
  /** The app's Bluetooth pairing (the same path an installer's pairing takes). */
  bluetooth: BluetoothDoors;
  pairings: LockPairings;
  /** The building's virtual Bluetooth radio once started (its locks' buttons), else null. */
  nukiRadio: () => VirtualNukiRadio | null;
  now: () => Date;
  newId: () => string;
  /** The new site's zone when there is no house demo to take it from (the computer's zone). */
  defaultTimeZone: string;
}

/** The building demo site, opened on request or at start. */
export interface BuildingDemo {
  /** Creates the site the first time, connects it (again) otherwise, pairs any Nuki lock not paired yet; its view. */
  open(): Promise<SiteView>;
}

/**
 * Opens the building demo site beside the house demo (which it never touches):
 *
 *   first time: site + its 24 doors (names, floors, groups, units) in one index update
 *   ─▶ each Nuki lock Lockbench holds no pairing for: its button held, then the app's own pairing (key exchange,
 *      security PIN checked by the lock, keys sealed in lock-pairings, the site's Bluetooth connection reopened), the
 *      same path as an installer's ─┐ from the second lock on, at the same time as:
 *   ─▶ sites.connect: the building's own stick interviews its 16 Z-Wave locks
 *
 * The doors are made with the site, once: a door renamed or placed elsewhere by the installer keeps that at every later
 * start, and the Z-Wave interview and the Nuki pairing find their doors already there. Later starts pair nothing: the
 * keys are in lock-pairings.sealed and in the virtual locks' memory file.
 */
export function createBuildingDemo(deps: BuildingDemoDeps): BuildingDemo {
  const index = deps.store.index;
  let opening: Promise<SiteView> | null = null;

  async function ensureSite(): Promise<void> {
    if (index.read().sites.some((s) => s.id === BUILDING_SITE_ID)) return;
    await index.update((data) => {
      if (data.sites.some((s) => s.id === BUILDING_SITE_ID)) return;
      const createdAt = deps.now().toISOString();
      const house = data.sites.find((s) => s.id === 'demo');
      const site: Site = siteSchema.parse({
        id: BUILDING_SITE_ID,
        name: BUILDING_SITE_NAME,
        // Like the house demo: the computer's zone, not confirmed (the header asks).
        timeZone: house?.timeZone ?? deps.defaultTimeZone,
        timeZoneConfirmed: false,
        connections: structuredClone(BUILDING_CONNECTIONS),
        createdAt,
      });
      const doors: Door[] = BUILDING_DOORS.map((d) =>
        doorSchema.parse({ id: deps.newId(), siteId: site.id, name: d.name, lockAddress: { ...d.lockAddress }, createdAt, floor: d.floor, group: d.group, unit: d.unit }),
      );
      data.sites.push(site);
      data.doors.push(...doors);
    });
  }

  /** The building's Nuki locks this site holds no pairing for (all of them at the first start, none later). */
  async function unpaired(): Promise<BuildingNukiLock[]> {
    const paired = new Set((await deps.pairings.list(BUILDING_SITE_ID)).map((r) => r.pairing.address));
    return BUILDING_NUKI_LOCKS.filter((l) => !paired.has(l.spec.address));
  }

  /** Holds the lock's button, then pairs it as an installer would: key exchange, security PIN, keys sealed, site reopened. */
  async function pair({ door, spec }: BuildingNukiLock): Promise<void> {
    await deps.bluetooth.availability(BUILDING_SITE_ID); // starts the building's radio if it is not yet
    const lock = deps.nukiRadio()?.locks.get(spec.address);
    if (!lock) throw new CodedError('ble.unavailable', `The building's virtual Bluetooth radio has no lock ${spec.address}.`);
    lock.pressButton();
    await deps.bluetooth.pair({ siteId: BUILDING_SITE_ID, address: spec.address, securityPin: String(spec.securityPin), doorName: door.name });
  }

  /**
   * Connects the site while its unpaired Nuki locks are paired. Each pairing reopens the site's Bluetooth connection,
   * which would cancel that connection's first opening if it were still going on: so the first lock is paired before
   * the site connects (that pairing opens the Bluetooth connection), the others one by one while the Z-Wave locks are
   * interviewed (each reopening waits for the one before).
   */
  async function open(): Promise<SiteView> {
    await ensureSite();
    const [first, ...others] = await unpaired();
    if (first) await pair(first);
    const pairOthers = async () => {
      for (const lock of others) await pair(lock);
    };
    const results = await Promise.allSettled([deps.sites.connect({ connection: BUILDING_CONNECTIONS[0]! }), pairOthers()]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return deps.sites.view(BUILDING_SITE_ID);
  }

  return {
    open: () => (opening ??= open().finally(() => (opening = null))),
  };
}
