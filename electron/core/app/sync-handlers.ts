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
import type { DemoCloudConsole } from '../cloud/demo-cloud-console';
import { CodedError } from '../../../shared/result';
import { keepCheck } from '../sites/check-history';

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
  /** The demo cloud's console, when the account is the demo cloud (null otherwise). */
  demoConsole(): Promise<DemoCloudConsole | null>;
}

/** The channels served here. */
export type SyncChannels = 'demo.cloudChange' | 'codes.update' | 'codes.fromCloud' | 'cloud.account' | 'cloud.setAccount' | 'cloud.clearAccount' | 'cloud.devices' | 'cloud.link' | 'sync.status' | 'sync.now' | 'sync.conflicts' | 'sync.resolve' | 'doors.check';

/** The cloud sync channels (and the capability check, which merges a linked door's cloud facts). */
export function createSyncHandlers(deps: SyncHandlerDeps): Pick<RequestHandlers, SyncChannels> {
  const { store, sites, accounts, links, engine, conflicts } = deps;
  return {
    'codes.update': (p) => deps.codes.rename(p.doorId, p.accessCodeId, p.name),
    'codes.fromCloud': (p) => links.fromCloud(p.doorId),
    'cloud.account': async () => accounts.current(),
    'cloud.setAccount': async (p) => {
      const account = await accounts.set(p.account);
      // Links belong to a workspace: doors linked to devices the new account does not have are unlinked at once.
      await links.dropMissingDevices();
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
    'demo.cloudChange': async (p) => {
      const console = await deps.demoConsole();
      if (!console) throw new CodedError('sync.no_account', 'Only the demo cloud can be changed from here: choose "Demo cloud" under Cloud sync first.');
      const door = requireDoor(store.index, p.doorId);
      if (!door.cloud) throw new CodedError('sync.not_found', `${door.name} is not linked to a cloud device: link it first.`);
      if (p.action === 'add') {
        console.add(door.cloud.device_id, { code: p.code, name: p.name });
      } else {
        const code = (await deps.codes.list(p.doorId)).find((c) => c.access_code_id === p.accessCodeId);
        const cloudId = code?.cloud?.removed_in_cloud ? null : code?.cloud?.access_code_id;
        if (!cloudId) throw new CodedError('sync.not_found', 'The cloud does not have this code (yet): sync first.');
        if (p.action === 'rename') console.rename(cloudId, p.name);
        else console.remove(cloudId);
      }
      return engine.syncNow();
    },
    'doors.check': async (p) => {
      const report = await sites.check(p.doorId);
      const door = requireDoor(store.index, p.doorId);
      const merged = mergeCloudFacts(report, door.cloud?.facts ?? null, door.lastProfile?.nativeScheduling ?? false);
      // Kept as run: the door list and the commissioning report show it as it was then, never recomputed.
      await keepCheck(store, merged);
      return merged;
    },
  };
}
