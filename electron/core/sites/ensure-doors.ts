import type { LockProfile } from '../../../shared/domain/lock';
import type { Door } from '../../../shared/domain/door';
import { sameLockAddress, type LockAddress } from '../../../shared/domain/lock-address';
import type { Connection, Site } from '../../../shared/domain/site';
import type { DurableDoc, IndexData } from '../store/store-v2';

/** What adding doors needs. */
export interface EnsureDoorsDeps {
  now: () => Date;
  newId: () => string;
  /** A door's first name: e.g. the demo site's "Front door", else "Door 5". */
  defaultDoorName: (connection: Connection, at: LockAddress) => string;
  /** The lock's live profile (kept on the new door, so codes can be queued for it while it is away), or null. */
  profileOf: (at: LockAddress) => LockProfile | null;
}

/**
 * Adds a door for each lock in `locks` that has none on the site yet and returns the doors added. The check runs inside
 * the store's serialised update, so a lock that becomes ready while the whole site finishes connecting never gets two
 * doors.
 */
export async function ensureDoors(index: DurableDoc<IndexData>, site: Site, locks: readonly LockAddress[], deps: EnsureDoorsDeps): Promise<Door[]> {
  const has = (doors: readonly Door[], at: LockAddress) => doors.some((d) => d.siteId === site.id && sameLockAddress(d.lockAddress, at));
  if (locks.every((at) => has(index.read().doors, at))) return [];
  return index.update((data) => {
    const createdAt = deps.now().toISOString();
    const added: Door[] = [];
    for (const at of locks) {
      if (has(data.doors, at) || has(added, at)) continue;
      const profile = deps.profileOf(at);
      added.push({
        id: deps.newId(),
        siteId: site.id,
        lockAddress: { ...at },
        name: deps.defaultDoorName(site.connections[0]!, at),
        floor: null,
        group: null,
        unit: null,
        createdAt,
        lastProfile: profile ? structuredClone(profile) : null,
        learned: { acceptedLengths: [], refusedLengths: [] },
        cloud: null,
        logReadUpTo: null,
      });
    }
    data.doors.push(...added);
    return structuredClone(added);
  });
}
