import type { DemoCloud } from '../cloud/demo-cloud';
import type { ShardedStore } from '../store/store-v2';
import { isOnLockNow } from '../sync/push-entry';

/**
 * The demo cloud "reads" the demo locks the way Seam reads a real lock through its hub: a code Lockbench puts on a
 * linked demo lock shows up in the demo cloud as an unmanaged code, which sync then brings under cloud management.
 * Demo site only, and only while the account is the demo cloud.
 */
export function bridgeDemoCloud(store: ShardedStore, cloud: () => DemoCloud | null): { mirrorAll(): Promise<void>; close(): void } {
  const deviceOf = (doorId: string) => {
    const door = store.index.read().doors.find((d) => d.id === doorId);
    return door?.siteId === 'demo' && store.index.read().cloud.account?.kind === 'demo' ? (door.cloud?.device_id ?? null) : null;
  };
  const unsubscribe = store.onSiteCommit((commit) => {
    const demo = cloud();
    if (commit.siteId !== 'demo' || !demo) return;
    for (const { before, after } of commit.codes) {
      const deviceId = after ? deviceOf(after.door_id) : null;
      if (after && deviceId && isOnLockNow(after) && !(before && isOnLockNow(before))) demo.seeLockCode(deviceId, { code: after.code, name: after.name ?? 'Code' });
    }
  });
  return {
    async mirrorAll() {
      const demo = cloud();
      if (!demo || !store.index.read().sites.some((s) => s.id === 'demo')) return;
      for (const code of (await store.codes('demo')).read().accessCodes) {
        const deviceId = deviceOf(code.door_id);
        if (deviceId && isOnLockNow(code) && !code.cloud?.access_code_id) demo.seeLockCode(deviceId, { code: code.code, name: code.name ?? 'Code' });
      }
    },
    close: unsubscribe,
  };
}
