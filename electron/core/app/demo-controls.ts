import { CodedError } from '../../../shared/result';
import type { VirtualStick } from '../demo/virtual-stick';
import type { ShiftableClock } from '../queue/shiftable-clock';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';
import type { ShardedStore } from '../store/store-v2';
import { requireDoor } from '../store/find-door';

/** What the demo controls need. */
export interface DemoControlDeps {
  store: ShardedStore;
  sites: SiteService;
  demoStick: () => VirtualStick | null;
  /** The movable clock when the host was started with --demo-clock, else null. */
  demoClock: ShiftableClock | null;
}

/** The demo site's fault simulation: make a virtual lock stop answering, to see what a failure looks like. */
export function createDemoControls(deps: DemoControlDeps): Pick<RequestHandlers, 'demo.simulate' | 'demo.keypad' | 'demo.clock'> {
  return {
    'demo.simulate': async ({ doorId, fault }) => {
      const door = requireDoor(deps.store.index, doorId);
      const site = deps.store.index.read().sites.find((s) => s.id === door.siteId);
      const lock = site?.connection.kind === 'demo' ? deps.demoStick()?.locks.get(door.nodeId) : undefined;
      if (!lock) throw new CodedError('site.not_demo', 'Faults can only be simulated on the connected demo site.');
      lock.setAnswering(fault === 'none');
      return deps.sites.doorView(door);
    },
    'demo.clock': async ({ advanceMinutes }) => {
      if (!deps.demoClock) throw new CodedError('demo.clock_disabled', 'The clock can only be moved when Lockbench runs with --demo-clock.');
      return { now: deps.demoClock.shift(advanceMinutes * 60_000).toISOString() };
    },
    'demo.keypad': async ({ doorId, accessCodeId }) => {
      const door = requireDoor(deps.store.index, doorId);
      const code = (await deps.store.codes(door.siteId)).read().accessCodes.find((c) => c.access_code_id === accessCodeId && !c.is_removed);
      if (!code || code.slot === null) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
      const site = deps.store.index.read().sites.find((s) => s.id === door.siteId);
      const lock = site?.connection.kind === 'demo' ? deps.demoStick()?.locks.get(door.nodeId) : undefined;
      if (!lock) throw new CodedError('site.not_demo', 'The keypad can only be simulated on the connected demo site.');
      await lock.simulateKeypadUnlock(code.slot);
      return { sent: true as const };
    },
  };
}
