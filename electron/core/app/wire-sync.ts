import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CloudAccount } from '../../../shared/domain/cloud';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { DemoCloud } from '../cloud/demo-cloud';
import { createSeamGateway } from '../cloud/seam-gateway';
import type { CodeService } from '../codes/code-service';
import { DEMO_CLOUD_DEVICES } from '../demo/demo-cloud-devices';
import type { EventHub } from '../ipc/event-hub';
import type { Clock } from '../ports/clock';
import type { SecretVault } from '../secrets/secret-vault';
import type { FieldCipher } from '../secrets/field-cipher';
import type { SiteService } from '../sites/site-service';
import type { ShardedStore } from '../store/store-v2';
import { createCloudAccounts } from '../sync/cloud-account';
import { createConflicts } from '../sync/conflicts';
import { createDoorLinks } from '../sync/door-links';
import { createSyncEngine } from '../sync/sync-engine';
import { bridgeDemoCloud } from './demo-cloud-bridge';
import { demoCloudConsole } from '../cloud/demo-cloud-console';
import { createSyncHandlers } from './sync-handlers';

/** What the sync side is wired from. */
export interface WireSyncDeps {
  store: ShardedStore;
  dataDir: string;
  vault: SecretVault;
  /** Seals the demo cloud's own data file (its key and the demo codes' PINs), like the demo locks' memory. */
  demoCipher: FieldCipher;
  clock: Clock;
  events: EventHub;
  sites: SiteService;
  codes: CodeService;
  queue: { markFresh(operationId: string): void; kickDoor(doorId: string): void; isRunning(operationId: string): boolean };
  onQueueChanged(siteId: string): void;
  /** Tests: another gateway for an account (default: the Seam client). */
  gatewayFor?: (account: CloudAccount, secret: string) => CloudGateway;
  /** Tests: shorter background waits. */
  syncIntervalMs?: number;
  syncDebounceMs?: number;
  log(line: string): void;
}

/**
 * Wires cloud sync: the account (secret in the vault), the demo cloud (started on first use, on 127.0.0.1), the engine
 * (reads store commits; pushes the outbox, pulls the cloud), door links, conflicts, and their IPC channels.
 */
export function wireSync(deps: WireSyncDeps) {
  const { store, clock } = deps;
  const now = () => clock.now();
  let demo: DemoCloud | null = null;
  let demoStarting: Promise<DemoCloud> | null = null;
  const demoCloud = () => {
    // Loaded on first use: Seam's fake server takes half a second to import, and only the demo cloud needs it.
    demoStarting ??= import('../cloud/demo-cloud').then(({ startDemoCloud }) => startDemoCloud({ stateFile: join(deps.dataDir, 'demo-cloud.json'), devices: DEMO_CLOUD_DEVICES, log: deps.log, cipher: deps.demoCipher })).then((cloud) => {
      demo = cloud;
      if (cloud.notice) deps.log(cloud.notice);
      void bridge.mirrorAll();
      return cloud;
    });
    demoStarting.catch(() => (demoStarting = null));
    return demoStarting;
  };
  const bridge = bridgeDemoCloud(store, () => demo);
  const accounts = createCloudAccounts({
    store, vault: deps.vault, dataDir: deps.dataDir, now,
    gatewayFor: deps.gatewayFor ?? ((account, secret) => createSeamGateway({ account, secret })),
    demoCloud,
  });
  const engine = createSyncEngine({
    store, accounts, clock, random: Math.random, newId: randomUUID,
    isRunning: deps.queue.isRunning,
    intervalMs: deps.syncIntervalMs, debounceMs: deps.syncDebounceMs,
    onRemovals(doorIds, operationIds) {
      operationIds.forEach((id) => deps.queue.markFresh(id));
      doorIds.forEach((id) => deps.queue.kickDoor(id));
      new Set(doorIds.map((id) => store.index.read().doors.find((d) => d.id === id)?.siteId)).forEach((siteId) => siteId && deps.onQueueChanged(siteId));
    },
  });
  engine.onStatus((status) => deps.events.emit('sync.changed', status));
  const links = createDoorLinks({
    store, accounts, now, newId: randomUUID,
    onLinked: () => {
      void bridge.mirrorAll().then(() => engine.syncNow()).catch(() => {});
    },
  });
  const conflicts = createConflicts({ store, codes: deps.codes, now });
  const handlers = createSyncHandlers({
    store, sites: deps.sites, codes: deps.codes, accounts, links, engine, conflicts,
    onAccountChanged: () => void engine.syncNow().catch(() => {}),
    demoConsole: async () => (accounts.current()?.kind === 'demo' ? demoCloudConsole(await demoCloud()) : null),
  });

  return {
    handlers,
    engine,
    start() {
      engine.start();
    },
    async close() {
      bridge.close();
      await engine.close();
      const running = demo ?? (await demoStarting?.catch(() => null)) ?? null;
      await running?.close();
    },
  };
}
