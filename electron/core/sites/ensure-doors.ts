import type { LockProfile } from '../../../shared/domain/lock';
import type { Door } from '../../../shared/domain/door';
import type { Connection, Site } from '../../../shared/domain/site';
import type { DurableDoc, IndexData } from '../store/store-v2';

/** What adding doors needs. */
export interface EnsureDoorsDeps {
  now: () => Date;
  newId: () => string;
  /** A door's first name: e.g. the demo site's "Front door", else "Door 5". */
  defaultDoorName: (connection: Connection, nodeId: number) => string;
  /** The lock's live profile (kept on the new door, so codes can be queued for it while it is away), or null. */
  profileOf: (nodeId: number) => LockProfile | null;
}

/**
 * Adds a door for each of `nodeIds` that has none on the site yet and returns the doors added. The check runs inside
 * the store's serialised update, so a lock that becomes ready while the whole site finishes connecting never gets two
 * doors.
 */
export async function ensureDoors(index: DurableDoc<IndexData>, site: Site, nodeIds: readonly number[], deps: EnsureDoorsDeps): Promise<Door[]> {
  const has = (doors: readonly Door[], nodeId: number) => doors.some((d) => d.siteId === site.id && d.nodeId === nodeId);
  if (nodeIds.every((nodeId) => has(index.read().doors, nodeId))) return [];
  return index.update((data) => {
    const at = deps.now().toISOString();
    const added: Door[] = [];
    for (const nodeId of nodeIds) {
      if (has(data.doors, nodeId) || added.some((d) => d.nodeId === nodeId)) continue;
      const profile = deps.profileOf(nodeId);
      added.push({
        id: deps.newId(),
        siteId: site.id,
        nodeId,
        name: deps.defaultDoorName(site.connection, nodeId),
        createdAt: at,
        lastProfile: profile ? structuredClone(profile) : null,
        learned: { acceptedLengths: [], refusedLengths: [] },
        cloud: null,
      });
    }
    data.doors.push(...added);
    return structuredClone(added);
  });
}
