import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import type { CodeConflict } from '../../../shared/domain/cloud';
import type { LocalDateTime } from '../../../shared/domain/local-time';
import { instantToLocal } from '../../../shared/time';
import { CodedError } from '../../../shared/result';
import type { CodeService } from '../codes/code-service';
import type { ShardedStore } from '../store/store-v2';
import { versionOf } from '../../../shared/codes/code-version';
import { touchesLock } from './pull-rules';

/** Conflicts: the list, and the installer's choice. */
export interface Conflicts {
  list(): Promise<CodeConflict[]>;
  resolve(accessCodeId: string, keep: 'laptop' | 'cloud'): Promise<AccessCode>;
}

/**
 * Creates the conflict service. Keeping the laptop's version makes the cloud's version the base, so the laptop's is
 * sent as an update (the cloud's is overwritten by the installer's choice, never silently). Keeping the cloud's:
 * - a name, or anything of a code the cloud itself schedules: taken here as it is;
 * - the PIN or window of a code Lockbench keeps on the lock: the lock must change, so the code is replaced — the
 *   laptop's code is removed from the lock through the queue and the cloud's version is created in its place (rules
 *   checked, a free slot read), linked to the same cloud code (nothing is created in the cloud).
 */
export function createConflicts(deps: { store: ShardedStore; codes: CodeService; now: () => Date }): Conflicts {
  const { store } = deps;

  async function find(accessCodeId: string) {
    for (const site of store.index.read().sites) {
      const doc = await store.codes(site.id);
      const code = doc.read().accessCodes.find((c) => c.access_code_id === accessCodeId);
      if (code) return { doc, code, zone: site.timeZone };
    }
    throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
  }

  async function replaceWithCloud(code: AccessCode, cloud: CodeVersion, zone: string): Promise<AccessCode> {
    const local = (iso: string): LocalDateTime => {
      const wall = instantToLocal(iso, zone);
      return { date: wall.date, time: wall.time };
    };
    const window = cloud.starts_at && cloud.ends_at ? { window: { starts: local(cloud.starts_at), ends: local(cloud.ends_at) }, confirmLockbenchScheduling: true } : {};
    const created = await deps.codes.create(code.door_id, { name: cloud.name ?? undefined, code: cloud.code, ...window });
    const doc = (await find(code.access_code_id)).doc;
    const moved = await doc.update((data) => {
      const old = data.accessCodes.find((c) => c.access_code_id === code.access_code_id);
      const fresh = data.accessCodes.find((c) => c.access_code_id === created.access_code_id);
      if (!old?.cloud || !fresh) throw new CodedError('codes.not_found', 'The code changed while its conflict was settled; look again.');
      fresh.cloud = { ...old.cloud, base: cloud, conflict: null };
      // The cloud code now belongs to the new record; the old one asks nothing more of the cloud.
      old.cloud = { ...old.cloud, access_code_id: null, removed_in_cloud: true, conflict: null };
      return structuredClone(fresh);
    });
    await deps.codes.remove(code.door_id, code.access_code_id);
    return moved;
  }

  return {
    async list() {
      const doors = new Map(store.index.read().doors.map((d) => [d.id, d.name]));
      const out: CodeConflict[] = [];
      for (const site of store.index.read().sites) {
        for (const c of (await store.codes(site.id)).read().accessCodes) {
          if (!c.cloud?.conflict) continue;
          out.push({ access_code_id: c.access_code_id, door_id: c.door_id, door_name: doors.get(c.door_id) ?? '', time_zone: site.timeZone, laptop: versionOf(c), cloud: c.cloud.conflict.cloud, seen_at: c.cloud.conflict.seen_at });
        }
      }
      return out;
    },
    async resolve(accessCodeId, keep) {
      const { doc, code, zone } = await find(accessCodeId);
      const cloud = code.cloud?.conflict?.cloud;
      if (!cloud) throw new CodedError('sync.no_conflict', 'This code has no conflict to settle (any more).');
      if (keep === 'cloud' && code.scheduled_by !== 'cloud' && touchesLock(cloud, versionOf(code))) return replaceWithCloud(code, cloud, zone);
      const at = deps.now().toISOString();
      return doc.update((data) => {
        const c = data.accessCodes.find((x) => x.access_code_id === accessCodeId);
        if (!c?.cloud?.conflict) throw new CodedError('sync.no_conflict', 'This code has no conflict to settle (any more).');
        c.cloud.base = c.cloud.conflict.cloud;
        c.cloud.conflict = null;
        if (keep === 'cloud') {
          Object.assign(c, { name: cloud.name, updated_at: at });
          if (c.scheduled_by === 'cloud') Object.assign(c, { code: cloud.code || c.code, starts_at: cloud.starts_at, ends_at: cloud.ends_at });
        }
        return structuredClone(c);
      });
    },
  };
}
