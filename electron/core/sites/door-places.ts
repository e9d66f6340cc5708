import type { CapabilityReport } from '../../../shared/domain/capability';
import type { DoorPlacement, DoorSummary } from '../../../shared/domain/door-placement';
import type { Door, DoorView } from '../../../shared/domain/door';
import { CodedError } from '../../../shared/result';
import { isActive } from '../records/code-records';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import { requireDoor } from '../store/find-door';
import { checksOf } from './check-history';

/** Doors in groups: where each door sits in the building, what is on it, and its kept capability checks. */
export interface DoorPlaces {
  place(doorId: string, placement: DoorPlacement): Promise<DoorView>;
  summaries(siteId: string): Promise<DoorSummary[]>;
  /** The door's capability checks as they were run, newest first. */
  checkHistory(doorId: string): Promise<CapabilityReport[]>;
}

/** What door places need. */
export interface DoorPlacesDeps {
  store: ShardedStore;
  doorView: (door: Door) => DoorView;
  onDoorsChanged: (doors: DoorView[]) => void;
}

/** Creates the door places over the store (placement in the index, summaries and checks from the site file). */
export function createDoorPlaces(deps: DoorPlacesDeps): DoorPlaces {
  const { store } = deps;
  return {
    async place(doorId, placement) {
      requireDoor(store.index, doorId);
      const door = await store.index.update((data) => {
        const d = data.doors.find((x) => x.id === doorId);
        if (!d) throw new CodedError('door.not_found', 'This door does not exist (any more).');
        Object.assign(d, { floor: placement.floor, group: placement.group, unit: placement.unit });
        return structuredClone(d);
      });
      const view = deps.doorView(door);
      deps.onDoorsChanged([view]);
      return view;
    },

    async summaries(siteId) {
      const doors = store.index.read().doors.filter((d) => d.siteId === siteId);
      if (!store.index.read().sites.some((s) => s.id === siteId)) throw new CodedError('site.not_found', 'This site does not exist (any more).');
      const data = (await store.codes(siteId)).read();
      return doors.map((d) => summaryOf(d.id, data));
    },

    async checkHistory(doorId) {
      const door = requireDoor(store.index, doorId);
      return checksOf((await store.codes(door.siteId)).read(), doorId);
    },
  };
}

/** One door's line in the door list: its active codes, open changes and latest kept check. */
function summaryOf(doorId: string, data: SiteCodesData): DoorSummary {
  const ops = data.operations.filter((o) => o.door_id === doorId);
  const latest = checksOf(data, doorId)[0] ?? null;
  return {
    door_id: doorId,
    active_codes: data.accessCodes.filter((c) => c.door_id === doorId && isActive(c)).length,
    waiting: ops.filter((o) => o.state === 'waiting' || o.state === 'running').length,
    failed: ops.filter((o) => o.state === 'failed').length,
    last_check: latest ? { checked_at: latest.checked_at, overall: latest.overall } : null,
  };
}
