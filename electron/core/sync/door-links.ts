import type { CloudDeviceFacts, CloudForeignCode, LinkSuggestion } from '../../../shared/domain/cloud';
import type { Door } from '../../../shared/domain/door';
import { CodedError } from '../../../shared/result';
import { requireDoor } from '../store/find-door';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { CloudAccounts } from './cloud-account';
import { suggestLinks } from './link-matching';
import { isOpen } from './outbox-rules';
import { emptyCloudState } from '../records/code-records';
import { reconcileSite } from './sync-run';

/** Doors and cloud devices: what can be linked, the links, and the cloud's codes Lockbench did not create. */
export interface DoorLinks {
  devices(siteId: string): Promise<{ devices: CloudDeviceFacts[]; suggestions: LinkSuggestion[] }>;
  /** Links (device id) or unlinks (null) many doors in one index write; returns the doors as they are now. */
  link(links: readonly { doorId: string; deviceId: string | null }[]): Promise<Door[]>;
  fromCloud(doorId: string): Promise<CloudForeignCode[]>;
  /** Unlinks the doors whose device the account's workspace does not have (after a change of account). */
  dropMissingDevices(): Promise<void>;
}

/**
 * A door whose device changed (linked, unlinked, or linked to another device): its codes' cloud life starts over on the
 * new device ("not in the cloud yet"; a code the cloud already has is then found by its PIN, never created twice) or
 * ends with the link. Their cloud ids belong to the old device: kept, a later pull of another device (or workspace)
 * would read them as deleted in the cloud and take the codes off the lock. Only a code the old cloud itself switches
 * on and off keeps its cloud state when the door is unlinked (the cloud goes on switching it; Lockbench does not
 * start doing it too), with its pending deletion. Every other waiting cloud change of the door is withdrawn.
 */
function detachMovedCodes(data: SiteCodesData, moved: ReadonlyMap<string, string | null>, at: string): void {
  const kept = new Set<string>();
  for (const c of data.accessCodes) {
    if (!moved.has(c.door_id) || c.is_removed) continue;
    const deviceId = moved.get(c.door_id) ?? null;
    if (deviceId === null && c.scheduled_by === 'cloud' && c.cloud?.access_code_id && !c.cloud.removed_in_cloud) {
      kept.add(c.access_code_id);
      continue;
    }
    c.cloud = deviceId === null ? null : emptyCloudState(deviceId);
  }
  data.cloudCodes = data.cloudCodes.filter((c) => !moved.has(c.door_id));
  for (const e of data.outbox) {
    if (!moved.has(e.door_id) || !isOpen(e) || (e.kind === 'delete' && kept.has(e.access_code_id))) continue;
    Object.assign(e, { state: 'done', updated_at: at, last_error: null });
  }
}

async function gatewayOf(accounts: CloudAccounts) {
  const gateway = await accounts.gateway();
  if (!gateway) throw new CodedError('sync.no_account', 'Set a cloud account first (a Seam API key, or the demo cloud).');
  return gateway;
}

/**
 * Creates the link service. A link is refused as a whole (nothing changes) when a device is not one of the
 * workspace's locks with access codes, or when one device would serve two doors. Once linked, the door's codes that
 * the cloud must learn get their outbox entries at once; unlinking withdraws creates not yet sent.
 */
export function createDoorLinks(deps: { store: ShardedStore; accounts: CloudAccounts; now: () => Date; newId: () => string; onLinked(siteIds: string[]): void }): DoorLinks {
  const { store } = deps;
  const service: DoorLinks = {
    async devices(siteId) {
      if (!store.index.read().sites.some((s) => s.id === siteId)) throw new CodedError('site.not_found', 'This site does not exist.');
      const devices = await (await gatewayOf(deps.accounts)).listLocks();
      return { devices, suggestions: suggestLinks(store.index.read().doors.filter((d) => d.siteId === siteId), devices) };
    },
    async link(links) {
      links.forEach((l) => requireDoor(store.index, l.doorId));
      const wanted = links.filter((l) => l.deviceId !== null);
      const devices = wanted.length > 0 ? await (await gatewayOf(deps.accounts)).listLocks() : [];
      for (const l of wanted) {
        if (!devices.some((d) => d.device_id === l.deviceId)) throw new CodedError('sync.not_found', `The cloud has no lock with access codes called ${l.deviceId}; list the devices again.`);
      }
      const at = deps.now().toISOString();
      const deviceBefore = new Map(store.index.read().doors.map((d) => [d.id, d.cloud?.device_id ?? null]));
      const changed = await store.index.update((data) => {
        const ids = new Set(links.map((l) => l.doorId));
        for (const l of links) {
          const door = data.doors.find((d) => d.id === l.doorId)!;
          door.cloud = l.deviceId === null ? null : door.cloud?.device_id === l.deviceId ? door.cloud : { device_id: l.deviceId, linked_at: at, facts: devices.find((d) => d.device_id === l.deviceId) ?? null };
        }
        const used = new Map<string, string>();
        for (const door of data.doors) {
          if (!door.cloud) continue;
          const other = used.get(door.cloud.device_id);
          if (other) throw new CodedError('sync.rejected', `One cloud device cannot serve two doors (${other} and ${door.name}).`, { reason: 'device_linked_twice' });
          used.set(door.cloud.device_id, door.name);
        }
        return data.doors.filter((d) => ids.has(d.id)).map((d) => structuredClone(d));
      });
      const siteIds = [...new Set(changed.map((d) => d.siteId))];
      for (const siteId of siteIds) {
        const moved = new Map(changed.filter((d) => d.siteId === siteId && deviceBefore.get(d.id) !== (d.cloud?.device_id ?? null)).map((d) => [d.id, d.cloud?.device_id ?? null]));
        await (await store.codes(siteId)).update((data) => detachMovedCodes(data, moved, at));
        await reconcileSite(store, siteId, deps.now, deps.newId);
      }
      deps.onLinked(siteIds);
      return changed;
    },
    async fromCloud(doorId) {
      const door = requireDoor(store.index, doorId);
      return (await store.codes(door.siteId)).read().cloudCodes.filter((c) => c.door_id === doorId).map((c) => structuredClone(c));
    },
    async dropMissingDevices() {
      const linked = store.index.read().doors.filter((d) => d.cloud !== null);
      if (linked.length === 0) return;
      const devices = new Set((await (await gatewayOf(deps.accounts)).listLocks()).map((d) => d.device_id));
      const missing = linked.filter((d) => !devices.has(d.cloud!.device_id));
      if (missing.length > 0) await service.link(missing.map((d) => ({ doorId: d.id, deviceId: null })));
    },
  };
  return service;
}
