import type { AccessCode } from '../../../shared/domain/access-code';
import type { CloudForeignCode } from '../../../shared/domain/cloud';
import type { Door } from '../../../shared/domain/door';
import type { CloudCode } from '../cloud/cloud-gateway';
import { mayBeOnLock } from '../records/code-records';
import { endCode } from '../codes/code-ending';
import type { SiteCodesData } from '../store/store-v2';
import { isEndedLocally } from './outbox-rules';
import { copyCloudFacts } from './outcome-records';
import { cloudVersionOf, decidePull, localStatusOf } from './pull-rules';

/** What one door's pull needs to apply (inside a store update). */
export interface DoorPull {
  door: Door;
  deviceId: string;
  managed: readonly CloudCode[];
  unmanaged: readonly CloudCode[];
  /** Cloud ids the cloud confirmed it no longer has (a `getCode` that found nothing). */
  goneIds: ReadonlySet<string>;
}

/** What applying a pull did: new lock removals to start, and codes whose cloud version conflicts now. */
export interface PullResult {
  removals: string[];
  conflicts: number;
}

/** Local codes of the door the cloud knows by id, and ids it did not list (to confirm with a `getCode`). */
export function missingIds(data: Readonly<SiteCodesData>, doorId: string, managed: readonly CloudCode[]): string[] {
  const listed = new Set(managed.map((c) => c.access_code_id));
  return data.accessCodes.flatMap((c) => {
    const id = c.door_id === doorId && !c.cloud?.removed_in_cloud ? c.cloud?.access_code_id : null;
    return id && !listed.has(id) ? [id] : [];
  });
}

/**
 * Applies one door's pulled cloud codes to the site's data (pure apart from `data`; see `decidePull` for conflicts):
 * statuses, errors and warnings onto linked codes; the cloud's status as the code's own for cloud-scheduled codes; a
 * code the cloud deleted kept as a record (and, if Lockbench put it on the lock, removed from the lock by the queue);
 * codes Lockbench did not create listed apart, without their PINs.
 */
export function applyDoorPull(data: SiteCodesData, pull: DoorPull, now: Date, newId: () => string, isRunning: (operationId: string) => boolean): PullResult {
  const at = now.toISOString();
  const result: PullResult = { removals: [], conflicts: 0 };
  const byId = new Map(pull.managed.map((c) => [c.access_code_id, c]));
  for (const code of data.accessCodes) {
    const id = code.door_id === pull.door.id ? code.cloud?.access_code_id : null;
    if (!id || !code.cloud || code.cloud.removed_in_cloud) continue;
    const cloud = byId.get(id);
    if (cloud) {
      applyCloudCode(code, cloud, at);
      if (code.cloud.conflict) result.conflicts += 1;
    } else if (pull.goneIds.has(id)) {
      const removal = removedInCloud(data, code, now, newId, isRunning);
      if (removal) result.removals.push(removal);
    }
  }
  data.cloudCodes = [...data.cloudCodes.filter((c) => c.door_id !== pull.door.id), ...foreignCodes(data, pull, at)];
  return result;
}

function applyCloudCode(code: AccessCode, cloud: CloudCode, at: string): void {
  const state = code.cloud!;
  copyCloudFacts(state, cloud, at);
  if (code.scheduled_by === 'cloud' && !isEndedLocally(code)) code.status = localStatusOf(cloud) ?? code.status;
  const version = cloudVersionOf(cloud);
  const agreed = { ...version, code: version.code || code.code };
  switch (decidePull(code, version)) {
    case 'agree':
      state.base = agreed;
      state.conflict = null;
      return;
    case 'take_cloud':
      code.name = version.name;
      if (code.scheduled_by === 'cloud') Object.assign(code, { code: agreed.code, starts_at: version.starts_at, ends_at: version.ends_at });
      code.updated_at = at;
      state.base = agreed;
      state.conflict = null;
      return;
    case 'conflict':
      state.conflict = { cloud: agreed, seen_at: at };
      return;
    case 'none':
      return;
  }
}

/** The cloud deleted the code: a kept record; a code Lockbench may have on the lock is taken off it too. */
function removedInCloud(data: SiteCodesData, code: AccessCode, now: Date, newId: () => string, isRunning: (operationId: string) => boolean): string | null {
  code.cloud!.removed_in_cloud = true;
  code.cloud!.status = null;
  if (isEndedLocally(code)) return null;
  // A code the cloud scheduled is the cloud's to take off; one Lockbench put on the lock is taken off by the queue.
  const isOnLock = code.scheduled_by !== 'cloud' && mayBeOnLock(code, data.operations, isRunning);
  return endCode(data, code, { isOnLock, reason: 'cloud_removed', newId, now });
}

/** Cloud codes on the device that no local code is linked to, and unmanaged ones that are not Lockbench's on the lock. */
function foreignCodes(data: Readonly<SiteCodesData>, pull: DoorPull, at: string): CloudForeignCode[] {
  const linked = new Set(data.accessCodes.flatMap((c) => (c.cloud?.access_code_id ? [c.cloud.access_code_id] : [])));
  const ourPins = new Set(data.accessCodes.filter((c) => c.door_id === pull.door.id && !c.is_removed).map((c) => c.code));
  const isOurs = (c: CloudCode) => linked.has(c.access_code_id) || (c.code !== null && ourPins.has(c.code));
  return [...pull.managed, ...pull.unmanaged]
    .filter((c) => !isOurs(c))
    .map((c) => ({ door_id: pull.door.id, cloud_access_code_id: c.access_code_id, name: c.name, type: c.type, starts_at: c.starts_at, ends_at: c.ends_at, status: c.status, is_managed: c.is_managed, seen_at: at }));
}
