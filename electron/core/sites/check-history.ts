import type { CapabilityReport } from '../../../shared/domain/capability';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import { requireDoor } from '../store/find-door';

/** How many checks are kept per door (the newest; the report shows the latest as it was run). */
export const CHECKS_KEPT_PER_DOOR = 20;

/** Keeps a capability check as it was run (time, verdicts, findings), in the door's site file, beside the codes. */
export async function keepCheck(store: ShardedStore, report: CapabilityReport): Promise<void> {
  const door = requireDoor(store.index, report.door_id);
  const doc = await store.codes(door.siteId);
  await doc.update((data) => {
    data.checks.push(structuredClone(report));
    const mine = data.checks.filter((c) => c.door_id === report.door_id);
    if (mine.length > CHECKS_KEPT_PER_DOOR) {
      const dropped = new Set(mine.slice(0, mine.length - CHECKS_KEPT_PER_DOOR));
      data.checks = data.checks.filter((c) => !dropped.has(c));
    }
  });
}

/** A door's kept checks, newest first. */
export function checksOf(data: Pick<SiteCodesData, 'checks'>, doorId: string): CapabilityReport[] {
  return data.checks.filter((c) => c.door_id === doorId).reverse();
}
