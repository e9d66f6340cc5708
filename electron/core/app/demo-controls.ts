import type { Door } from '../../../shared/domain/door';
import { CodedError } from '../../../shared/result';
import type { VirtualLockHandle, VirtualStick } from '../demo/virtual-stick';
import type { ShiftableClock } from '../queue/shiftable-clock';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';
import type { ShardedStore } from '../store/store-v2';
import { requireDoor } from '../store/find-door';

/** A fault the demo can switch on for a virtual lock. */
export type DemoFault = 'none' | 'no_answer';

/** What the demo controls need. */
export interface DemoControlDeps {
  store: ShardedStore;
  sites: SiteService;
  demoStick: () => VirtualStick | null;
  /** The movable clock when the host was started with --demo-clock, else null. */
  demoClock: ShiftableClock | null;
  /** The app's now moved (demo clock): tell the screens. */
  onClockMoved?: (now: Date) => void;
  /** A door's fault changed: push the door again. */
  onFaultChanged?: (door: Door) => void;
}

/** The demo controls: their request handlers, and the fault state they keep for the screens and for a new stick. */
export interface DemoControls {
  handlers: Pick<RequestHandlers, 'demo.simulate' | 'demo.keypad' | 'demo.clock'>;
  /** The fault switched on for a door's virtual lock; null for a door that is not on the demo site. */
  faultOf(door: Door): DemoFault | null;
  /** Applies the kept faults to the current virtual stick (after the demo site reconnected on a fresh stick). */
  reapply(): void;
}

/**
 * The demo site's controls: make a virtual lock stop answering (kept here in main, by lock address, so a page reload shows
 * it and a reconnected stick gets it again), type a code on a virtual keypad, move the demo clock.
 */
export function createDemoControls(deps: DemoControlDeps): DemoControls {
  const faults = new Map<string, DemoFault>();
  const isDemo = (door: Door) => deps.store.index.read().sites.find((s) => s.id === door.siteId)?.connections.some((c) => c.kind === 'demo') ?? false;
  const virtualLock = (door: Door, what: string): VirtualLockHandle => {
    const lock = isDemo(door) ? deps.demoStick()?.locks.get(Number(door.lockAddress.address)) : undefined;
    if (!lock) throw new CodedError('site.not_demo', `${what} can only be simulated on the connected demo site.`);
    return lock;
  };
  return {
    faultOf: (door) => (isDemo(door) ? (faults.get(door.lockAddress.address) ?? 'none') : null),
    reapply() {
      const stick = deps.demoStick();
      for (const [address, fault] of faults) stick?.locks.get(Number(address))?.setAnswering(fault === 'none');
    },
    handlers: {
      'demo.simulate': async ({ doorId, fault }) => {
        const door = requireDoor(deps.store.index, doorId);
        virtualLock(door, 'Faults').setAnswering(fault === 'none');
        faults.set(door.lockAddress.address, fault);
        deps.onFaultChanged?.(door);
        return deps.sites.doorView(door);
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
        await virtualLock(door, 'The keypad').simulateKeypadUnlock(code.slot);
        return { sent: true as const };
      },
    },
  };
}
