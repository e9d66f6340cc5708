import { mergeCloudFacts } from '../../../shared/capability/cloud-lines';
import type { CodeService } from '../codes/code-service';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';
import { requireDoor } from '../store/find-door';
import type { ShardedStore } from '../store/store-v2';
import type { CloudAccounts } from '../sync/cloud-account';
import type { Conflicts } from '../sync/conflicts';
import type { DoorLinks } from '../sync/door-links';
import type { SyncEngine } from '../sync/sync-engine';

/** What the cloud channels delegate to. */
export interface SyncHandlerDeps {
  store: ShardedStore;
  sites: SiteService;
  codes: CodeService;
  accounts: CloudAccounts;
  links: DoorLinks;
  engine: SyncEngine;
  conflicts: Conflicts;
  /** A change of account: the engine starts over with it. */
  onAccountChanged(): void;
}

/** The channels served here. */
export type SyncChannels = 'codes.update' | 'codes.fromCloud' | 'cloud.account' | 'cloud.setAccount' | 'cloud.clearAccount' | 'cloud.devices' | 'cloud.link' | 'sync.status' | 'sync.now' | 'sync.conflicts' | 'sync.resolve' | 'doors.check';

/** The cloud sync channels (and the capability check, which merges a linked door's cloud facts). */
export function createSyncHandlers(deps: SyncHandlerDeps): Pick<RequestHandlers, SyncChannels> {
  const { store, sites, accounts, links, engine, conflicts } = deps;
  return {
    'codes.update': (p) => deps.codes.rename(p.doorId, p.accessCodeId, p.name),
    'codes.fromCloud': (p) => links.fromCloud(p.doorId),
    'cloud.account': async () => accounts.current(),
    'cloud.setAccount': async (p) => {
      const account = await accounts.set(p.account);
      deps.onAccountChanged();
      return account;
    },
    'cloud.clearAccount': async () => {
      await accounts.clear();
      deps.onAccountChanged();
      return { cleared: true as const };
    },
    'cloud.devices': (p) => links.devices(p.siteId),
    'cloud.link': async (p) => (await links.link(p.links)).map((d) => sites.doorView(d)),
    'sync.status': () => engine.status(),
    'sync.now': () => engine.syncNow(),
    'sync.conflicts': () => conflicts.list(),
    'sync.resolve': (p) => conflicts.resolve(p.accessCodeId, p.keep),
    'doors.check': async (p) => {
      const report = await sites.check(p.doorId);
      const door = requireDoor(store.index, p.doorId);
      return mergeCloudFacts(report, door.cloud?.facts ?? null, door.lastProfile?.nativeScheduling ?? false);
    },
  };
}
