import type { Door } from '../../../shared/domain/door';
import type { Site, SiteView } from '../../../shared/domain/site';
import { CodedError } from '../../../shared/result';
import type { VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import type { NukiFault } from '../demo/nuki/virtual-nuki-radio';
import type { VirtualLockHandle, VirtualStick } from '../demo/virtual-stick';
import type { ShiftableClock } from '../queue/shiftable-clock';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';
import type { ShardedStore } from '../store/store-v2';
import { requireDoor } from '../store/find-door';

/** A fault the demo can switch on for a virtual lock: not answering (a Bluetooth lock: out of range), a refused security PIN (Nuki). */
export type DemoFault = 'none' | 'no_answer' | 'wrong_security_pin';

/** What the demo controls need. */
export interface DemoControlDeps {
  store: ShardedStore;
  sites: SiteService;
  /** A demo site's virtual stick while it is connected (the house's; with `'building'` the building's), else null. */
  demoStick: (layout?: 'building') => VirtualStick | null;
  /** A demo site's virtual Bluetooth radio once started (the house's; with `'building'` the building's), else null. */
  demoNukiRadio: (layout?: 'building') => VirtualNukiRadio | null;
  /** Opens the building demo site (building-demo.ts); absent, `demo.building` is refused. */
  openBuilding?: () => Promise<SiteView>;
  /** Reads a lock again (a Nuki lock tells keypad use in its log, read with its profile). */
  refreshLock: (door: Door) => Promise<void>;
  /** The movable clock when the host was started with --demo-clock, else null. */
  demoClock: ShiftableClock | null;
  /** The app's now moved (demo clock): tell the screens. */
  onClockMoved?: (now: Date) => void;
  /** A door's fault changed: push the door again. */
  onFaultChanged?: (door: Door) => void;
}

/** The demo controls: their request handlers, and the fault state they keep for the screens and for a new stick. */
export interface DemoControls {
  handlers: Pick<RequestHandlers, 'demo.simulate' | 'demo.keypad' | 'demo.clock' | 'demo.nukiButton' | 'demo.building'>;
  /** The fault switched on for a door's virtual lock; null for a door that is not on the demo site. */
  faultOf(door: Door): DemoFault | null;
  /** Applies the kept faults to the current virtual stick (after the demo site reconnected on a fresh stick). */
  reapply(): void;
}

const NUKI_FAULT: Record<DemoFault, NukiFault> = { none: 'none', no_answer: 'out_of_range', wrong_security_pin: 'wrong_security_pin' };
const isDemoSite = (s: Site | undefined) => s?.connections.some((c) => c.kind === 'demo' || (c.kind === 'bluetooth' && c.radio === 'demo')) ?? false;
/** Which demo a site is: the building (its own stick and radio) or the house. */
const layoutOf = (s: Site | undefined): 'building' | undefined =>
  s?.connections.some((c) => (c.kind === 'demo' || c.kind === 'bluetooth') && c.layout === 'building') ? 'building' : undefined;

/**
 * The demo sites' controls (the house's and the building's): open the building demo, make a virtual lock stop
 * answering (kept here in main, by site and lock address, so a page reload shows it and a reconnected stick gets it
 * again), make a virtual Nuki lock refuse its security PIN or enter pairing mode (its button), type a code on a virtual
 * keypad, move the demo clock.
 */
export function createDemoControls(deps: DemoControlDeps): DemoControls {
  const faults = new Map<string, DemoFault>();
  // By site too: the house's and the building's sticks both have a node 2.
  const keyOf = (door: Door) => `${door.siteId}\u0000${door.lockAddress.protocol}:${door.lockAddress.address}`;
  const siteOf = (siteId: string) => deps.store.index.read().sites.find((s) => s.id === siteId);
  const isDemo = (door: Door) => isDemoSite(siteOf(door.siteId));
  const notDemo = (what: string) => new CodedError('site.not_demo', `${what} can only be simulated on the connected demo site.`);
  const zwaveLock = (door: Door, what: string): VirtualLockHandle => {
    const site = siteOf(door.siteId);
    const lock = isDemoSite(site) && door.lockAddress.protocol === 'zwave' ? deps.demoStick(layoutOf(site))?.locks.get(Number(door.lockAddress.address)) : undefined;
    if (!lock) throw notDemo(what);
    return lock;
  };
  const nukiLock = (siteId: string, address: string, what: string) => {
    const site = siteOf(siteId);
    const lock = isDemoSite(site) ? deps.demoNukiRadio(layoutOf(site))?.locks.get(address) : undefined;
    if (!lock) throw notDemo(what);
    return lock;
  };
  const apply = (door: Door, fault: DemoFault): void => {
    if (door.lockAddress.protocol === 'nuki') return nukiLock(door.siteId, door.lockAddress.address, 'Faults').setFault(NUKI_FAULT[fault]);
    if (fault === 'wrong_security_pin') throw new CodedError('lock.unsupported', `${door.name}: a Z-Wave lock has no security PIN to refuse.`);
    zwaveLock(door, 'Faults').setAnswering(fault === 'none');
  };
  return {
    faultOf: (door) => (isDemo(door) ? (faults.get(keyOf(door)) ?? 'none') : null),
    reapply() {
      for (const door of deps.store.index.read().doors) {
        const fault = faults.get(keyOf(door));
        if (fault) {
          try {
            apply(door, fault);
          } catch {
            // the lock is not there any more (another stick): nothing to apply
          }
        }
      }
    },
    handlers: {
      'demo.simulate': async ({ doorId, fault }) => {
        const door = requireDoor(deps.store.index, doorId);
        apply(door, fault);
        faults.set(keyOf(door), fault);
        deps.onFaultChanged?.(door);
        return deps.sites.doorView(door);
      },
      'demo.nukiButton': async ({ siteId, address }) => {
        nukiLock(siteId, address, 'The lock button').pressButton();
        return { pairingMode: true as const };
      },
      'demo.building': async () => {
        if (!deps.openBuilding) throw new CodedError('app.not_supported', 'The building demo is not available here.');
        return deps.openBuilding();
      },
      'demo.clock': async ({ advanceMinutes }) => {
        if (!deps.demoClock) throw new CodedError('demo.clock_disabled', 'The clock can only be moved when Lockbench runs with --demo-clock.');
        const now = deps.demoClock.shift(advanceMinutes * 60_000);
        deps.onClockMoved?.(now);
        return { now: now.toISOString() };
      },
      'demo.keypad': async ({ doorId, accessCodeId }) => {
        const door = requireDoor(deps.store.index, doorId);
        const code = (await deps.store.codes(door.siteId)).read().accessCodes.find((c) => c.access_code_id === accessCodeId && !c.is_removed);
        if (!code || code.slot === null) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
        if (door.lockAddress.protocol === 'nuki') {
          // The keypad logs the unlock on the lock; Lockbench learns it by reading the lock's log.
          nukiLock(door.siteId, door.lockAddress.address, 'The keypad').simulateKeypadEntry(code.code);
          await deps.refreshLock(door);
        } else {
          await zwaveLock(door, 'The keypad').simulateKeypadUnlock(code.slot);
        }
        return { sent: true as const };
      },
    },
  };
}
