import type { AccessCode } from '../../../shared/domain/access-code';
import type { SiteView } from '../../../shared/domain/site';
import type { ShardedStore } from '../store/store-v2';

/** One door's guest PINs past their end that may still work on its lock. */
export type PastEndEntry = SiteView['pastEndOnLock'][number];

/**
 * A time-bound PIN whose end has passed while it may still work on its lock: Lockbench switches it (the lock has no
 * native scheduling) and its removal has not been confirmed yet. A lock-scheduled code past its end is not counted:
 * the lock's own schedule already refuses it.
 */
export function isPastEndOnLock(code: AccessCode, now: Date): boolean {
  return (
    code.type === 'time_bound' &&
    code.scheduled_by === 'lockbench' &&
    !code.is_removed &&
    code.status === 'removing' &&
    code.ends_at !== null &&
    new Date(code.ends_at) <= now
  );
}

/** Per door (in door order), how many such PINs it holds. */
export function pastEndOnLock(codes: readonly AccessCode[], doors: ReadonlyArray<{ id: string; name: string }>, now: Date): PastEndEntry[] {
  return doors
    .map((d) => ({ doorId: d.id, doorName: d.name, count: codes.filter((c) => c.door_id === d.id && isPastEndOnLock(c, now)).length }))
    .filter((e) => e.count > 0);
}

/** Keeps each site's past-end summary for the site header; `refresh` after a code of the site changed. */
export interface PastEndWatch {
  of(siteId: string): PastEndEntry[];
  /** Recomputes a site's summary; calls `onChange(siteId)` when it differs from before. */
  refresh(siteId: string): Promise<void>;
}

/** Creates the watch over the store. */
export function createPastEndWatch(deps: { store: ShardedStore; now: () => Date; onChange: (siteId: string) => void }): PastEndWatch {
  const bySite = new Map<string, PastEndEntry[]>();
  return {
    of: (siteId) => bySite.get(siteId) ?? [],
    async refresh(siteId) {
      const doc = await deps.store.codes(siteId);
      const doors = deps.store.index.read().doors.filter((d) => d.siteId === siteId);
      const next = pastEndOnLock(doc.read().accessCodes, doors, deps.now());
      if (JSON.stringify(next) === JSON.stringify(bySite.get(siteId) ?? [])) return;
      bySite.set(siteId, next);
      deps.onChange(siteId);
    },
  };
}
