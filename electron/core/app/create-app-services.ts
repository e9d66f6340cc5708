import { sameLockAddress } from '../../../shared/domain/lock-address';
import { randomUUID } from 'node:crypto';
import type { AccessCode } from '../../../shared/domain/access-code';
import { isCodedError } from '../../../shared/result';
import { createCodeService } from '../codes/code-service';
import { createUnmanagedCodes } from '../codes/unmanaged-codes';
import { recordKeypadUse } from '../codes/usage-recorder';
import { createEventHub } from '../ipc/event-hub';
import { createLockManager } from '../locks/lock-manager';
import { createLockRevival } from '../locks/lock-revival';
import { createPastEndWatch } from '../codes/past-end-watch';
import { createLengthLearning } from '../codes/length-learning';
import type { Clock } from '../ports/clock';
import { WallClock } from '../ports/wall-clock';
import { ShiftableClock } from '../queue/shiftable-clock';
import { createOperationQueue } from '../queue/operation-queue';
import { defaultRetryRules } from '../queue/operation-records';
import { createQueueService } from '../queue/queue-service';
import { createTimeKeeper } from '../queue/time-keeper';
import { createSiteService } from '../sites/site-service';
import type { FieldCipher } from '../secrets/field-cipher';
import { openShardedStore } from '../store/open-sharded-store';
import type { ShardedStore } from '../store/store-v2';
import { listSerialPorts } from '../transport/list-serial-ports';
import type { AppServices, AppServicesOptions, BuildFacts } from './app-services';
import { createControllerOpener, defaultDoorName } from './controller-opener';
import { createBluetoothOpener } from './bluetooth-opener';
import { createBluetoothRadios } from './bluetooth-radios';
import { createLockPairings } from '../secrets/lock-pairings';
import { createBluetoothDoors } from '../sites/bluetooth-doors';
import { createNukiBluetoothLocks } from '../nuki/nuki-bluetooth-locks';
import { createDemoControls } from './demo-controls';
import { createBuildingDemo } from './building-demo';
import { openPrivateData } from './open-private-data';
import { createMemoryPlatform } from './memory-platform';
import { createPowerResume } from './power-resume';
import { createWorkSignal } from './work-signal';
import { buildDiagnostics } from '../diagnostics/diagnostics-zip';
import { collectDiagnosticsInput } from '../diagnostics/collect-diagnostics';
import { createRequestHandlers } from './request-handlers';
import { wireSync } from './wire-sync';
import { createBuildingHandlers } from './building-handlers';
import { createBulkService } from '../bulk/create-bulk-service';
import { createDoorPlaces } from '../sites/door-places';
import { createReportService } from '../report/create-report-service';
import type { DeriveInCommit } from '../store/site-changes';
import { fillOutbox } from '../sync/outbox-rules';
import { deviceOfDoor } from '../sync/sync-run';

/** Opens the store; a damaged index with no good backup is set aside (named in the notice), never silently emptied. */
async function openAppStore(dir: string, log: (line: string) => void, pinCipher: FieldCipher, deriveInCommit: DeriveInCommit): Promise<ShardedStore> {
  try {
    return await openShardedStore({ dir, log, pinCipher, deriveInCommit });
  } catch (error) {
    if (!isCodedError(error) || error.code !== 'store.corrupt') throw error;
    log(error.message);
    return openShardedStore({ dir, log, pinCipher, deriveInCommit });
  }
}

/**
 * Wires the main-process services, the same under Electron and the browser host:
 *
 *   private data (folder lock, modes, data key, network keys) ─▶ store, controller opener
 *   store (index + a file per site) ─┬─▶ site service ◀── lock manager ◀── controller opener (zwave-js / virtual stick)
 *                                    ├─▶ code service ──▶ operation queue ──▶ lock manager
 *                                    ├─▶ time keeper  ──▶ operation queue   (time-bound codes at start / end)
 *                                    └─▶ queue service (the queue panel)
 *   all of them ─▶ request handlers ─▶ (dispatcher, by the transport);  changes ─▶ event hub ─▶ UI
 */
export async function createAppServices(options: AppServicesOptions & { clock?: Clock }): Promise<AppServices> {
  const platform = options.platform ?? createMemoryPlatform();
  const log = (line: string) => platform.log.warn(line);
  const wall = options.demoClock ? new ShiftableClock() : new WallClock();
  const shiftable = wall instanceof ShiftableClock ? wall : null;
  const clock = options.clock ?? wall;
  const now = () => clock.now();
  const vault = platform.secrets;
  const build: BuildFacts = {
    version: options.version, isSigned: false, commit: null,
    runtime: { node: process.versions.node, os: `${process.platform} ${process.arch}` },
    ...options.build,
  };
  const privateData = await openPrivateData({ dataDir: options.dataDir, host: options.host, vault, log });
  // The cloud outbox is filled in the same commit as the code change it carries (see sync/outbox-rules.ts).
  let storeRef: ShardedStore | null = null;
  const deviceOf = (doorId: string) => (storeRef ? deviceOfDoor(storeRef, doorId) : null);
  const deriveInCommit: DeriveInCommit = (_siteId, data, changes) => fillOutbox(data, changes, { deviceOf, now, newId: randomUUID });
  const store = await openAppStore(options.dataDir, log, privateData.pinCipher, deriveInCommit).catch(async (error: unknown) => {
    await privateData.close();
    throw error;
  });
  storeRef = store;
  const events = createEventHub((e) => log(`event listener failed: ${e instanceof Error ? e.message : String(e)}`));
  const opener = createControllerOpener(options.dataDir, privateData.networkKeys, { cache: privateData.cacheCipher, demo: privateData.demoCipher }, { demoRadioSeed: options.demoRadioSeed });
  const radios = createBluetoothRadios({ dataDir: options.dataDir, demoCipher: privateData.demoCipher });
  const pairings = createLockPairings({ dataDir: options.dataDir, vault });
  const openBluetooth = createBluetoothOpener({
    radios, pairings, now,
    doorsOf: (siteId) => store.index.read().doors.filter((d) => d.siteId === siteId),
    rememberLogIndex: (siteId, address, index) => {
      void store.index
        .update((data) => {
          const door = data.doors.find((d) => d.siteId === siteId && d.lockAddress.protocol === 'nuki' && d.lockAddress.address === address);
          if (door && door.logReadUpTo !== index) door.logReadUpTo = index;
        })
        .catch((e: unknown) => log(`could not keep a lock's log position: ${e instanceof Error ? e.message : String(e)}`));
    },
  });
  const locks = createLockManager((site, connection, progress) =>
    connection.kind === 'bluetooth' ? openBluetooth.open(site, connection, progress) : opener.open(site, connection, progress), { now });

  const emitDoor = (doorId: string) => {
    const door = store.index.read().doors.find((d) => d.id === doorId);
    if (door) events.emit('doors.changed', sites.doorView(door));
  };
  const siteOfDoor = (doorId: string) => store.index.read().doors.find((d) => d.id === doorId)?.siteId;
  const pastEnd = createPastEndWatch({ store, now, onChange: (siteId) => events.emit('sites.changed', sites.view(siteId)) });
  // Every code change reaches the UI from the store's commit (whoever made it: the installer, the queue, the time
  // keeper, or a sync), so nothing has to remember to tell it.
  store.onSiteCommit((commit) => {
    const doorIds = new Set<string>();
    for (const { after } of commit.codes) {
      if (!after) continue;
      events.emit('codes.changed', after);
      doorIds.add(after.door_id);
    }
    doorIds.forEach(emitDoor);
    if (doorIds.size > 0) void pastEnd.refresh(commit.siteId).catch(() => {});
  });
  const onCodeChanged = (_code: AccessCode) => {};
  const revival = createLockRevival({ locks, clock, backoffMs: options.revivalBackoffMs });
  /** Bulk runs follow the queue too (what is on the air now), once the bulk service exists. */
  let noteBulk: (siteId: string) => void = () => {};
  const work = createWorkSignal(store, log);
  const onQueueChanged = (siteId: string) => {
    noteBulk(siteId);
    work.note();
    void queueService.list(siteId).then((items) => events.emit('queue.changed', { siteId, items })).catch(() => {});
  };
  const queue = createOperationQueue({
    store, locks, clock, rules: defaultRetryRules, onCodeChanged, onQueueChanged,
    wake: revival.wake,
    refusals: createLengthLearning({ store, locks, onLearned: (doorId) => emitDoor(doorId) }),
    onActivity: (door, message) => events.emit('activity', { siteId: door.siteId, doorId: door.id, message }),
  });
  const timeKeeper = createTimeKeeper({ store, queue, clock, newId: randomUUID, onCodeChanged, onQueueChanged });
  const queueService = createQueueService({ store, queue, clock, newId: randomUUID, onCodeChanged, onQueueChanged });
  /** A code the installer changed (created, removed, adopted): it may wait in the queue, so the panel shows it at once. */
  const onCodeStored = (code: AccessCode) => {
    onCodeChanged(code);
    const siteId = siteOfDoor(code.door_id);
    if (!siteId) return;
    onQueueChanged(siteId);
    if (code.type === 'time_bound') void timeKeeper.watchSite(siteId);
  };
  const codes = createCodeService({ store, locks, queue, clock, newId: randomUUID, onChange: onCodeStored });
  const unmanaged = createUnmanagedCodes({ store, locks, queue, clock, newId: randomUUID, onChange: onCodeStored });
  const sites = createSiteService({
    store, locks, now, newId: randomUUID,
    defaultTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    defaultDoorName,
    pastEndOnLock: (siteId) => pastEnd.of(siteId),
    demoFaultOf: (door) => demo.faultOf(door),
    wake: revival.wake,
    onSiteReady: (siteId) => {
      demo.reapply(); // the faults switched on for a demo site's virtual locks (house or building) come back with it
      void pastEnd.refresh(siteId).catch(() => {});
      void timeKeeper.watchSite(siteId).catch((e: unknown) => log(`time keeper: ${e instanceof Error ? e.message : String(e)}`));
      queue.kickSite(siteId);
      onQueueChanged(siteId);
    },
    onDoorsChanged: (doors) => doors.forEach((d) => events.emit('doors.changed', d)),
  });
  locks.onChange((change) => {
    if (change.kind === 'keypad') {
      void recordKeypadUse(store, change.siteId, change.lock, change.slot, change.at).then((code) => code && onCodeChanged(code)).catch(() => {});
    }
    if (change.kind === 'progress') events.emit('activity', { siteId: change.siteId, doorId: null, message: change.message });
    if (change.kind === 'site' && store.index.read().sites.some((s) => s.id === change.siteId)) events.emit('sites.changed', sites.view(change.siteId));
    if (change.kind === 'lock') {
      const door = store.index.read().doors.find((d) => d.siteId === change.siteId && sameLockAddress(d.lockAddress, change.lock));
      if (!door) return;
      emitDoor(door.id);
      if (locks.profile(change.siteId, change.lock)?.isOnline) queue.kickDoor(door.id);
    }
  });

  const bluetooth = createBluetoothDoors({
    store, locks, pairings, now, newId: randomUUID,
    bluetooth: createNukiBluetoothLocks((kind) => radios.radioOf(kind)),
    doorView: (door) => sites.doorView(door),
    onDoorsChanged: (doors) => doors.forEach((d) => events.emit('doors.changed', d)),
    onSiteReady: (siteId) => {
      queue.kickSite(siteId);
      onQueueChanged(siteId);
    },
    onProgress: (siteId, message) => events.emit('activity', { siteId, doorId: null, message }),
    onSecurityPinAccepted: openBluetooth.accepted,
  });
  const buildingDemo = createBuildingDemo({ store, sites, bluetooth, pairings, nukiRadio: () => radios.demoRadio('building'), now, newId: randomUUID, defaultTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  const demo = createDemoControls({
    store, sites, demoStick: opener.demoStick, demoNukiRadio: radios.demoRadio, demoClock: shiftable,
    openBuilding: buildingDemo.open,
    refreshLock: async (door) => void (await locks.refreshProfile(door.siteId, door.lockAddress)),
    onClockMoved: (at) => events.emit('clock.changed', { now: at.toISOString() }),
    onFaultChanged: (door) => emitDoor(door.id),
  });
  const sync = wireSync({
    store, dataDir: options.dataDir, vault, demoCipher: privateData.demoCipher, clock, events, sites, codes, queue, onQueueChanged, log,
    gatewayFor: options.cloudGatewayFor, syncIntervalMs: options.syncIntervalMs, syncDebounceMs: options.syncDebounceMs,
  });
  const bulk = createBulkService({
    store, locks, queue, clock, newId: randomUUID,
    onCodesStored: (siteId, stored) => {
      stored.forEach(onCodeChanged);
      onQueueChanged(siteId);
      if (stored.some((c) => c.type === 'time_bound')) void timeKeeper.watchSite(siteId);
    },
    onRunChanged: (view) => events.emit('bulk.changed', view),
  });
  noteBulk = (siteId) => bulk.noteSiteChanged(siteId);
  const building = createBuildingHandlers({
    doors: createDoorPlaces({ store, doorView: (door) => sites.doorView(door), onDoorsChanged: (doors) => doors.forEach((d) => events.emit('doors.changed', d)) }),
    bulk,
    reports: createReportService({ store, now, version: options.version, unmanagedOf: (doorId) => unmanaged.list(doorId) }),
    saveFile: (file) => platform.saveFile(file),
  });
  const handlers = {
    ...sync.handlers,
    ...building,
    ...createRequestHandlers({
      sites, codes, queue: queueService, unmanaged, bluetooth, listPorts: () => listSerialPorts(),
      saveDiagnostics: () => saveDiagnostics(),
      info: () => ({ version: options.version, host: options.host, dataDir: options.dataDir, storeNotice: [...privateData.notices, ...store.notices()].join(' ') || null, now: clock.now().toISOString(), demoClock: shiftable !== null }),
    }),
    ...demo.handlers,
  };
  async function saveDiagnostics() {
    return platform.saveFile(buildDiagnostics(await collectDiagnosticsInput({ store, platform, build, now })));
  }
  const stopResume = platform.onResume(createPowerResume({
    clock: options.clock ? null : wall,
    openSiteIds: () => store.index.read().sites.filter((s) => locks.status(s.id).state === 'ready').map((s) => s.id),
    kickSite: (siteId) => queue.kickSite(siteId),
    watchSite: (siteId) => timeKeeper.watchSite(siteId),
    syncNow: () => void sync.engine.syncNow().catch(() => {}),
    log: (line) => platform.log.info(line),
  }));

  sync.start();
  const ready = (async () => {
    const buildingOpened = options.openBuildingOnStart ? buildingDemo.open().then(() => {}, (e: unknown) => { if (!isClosing) log(`building demo did not open: ${e instanceof Error ? e.message : String(e)}`); }) : null;
    try {
      if (options.connectDemoOnStart !== false) await sites.connect({ connection: { kind: 'demo' } });
    } finally {
      await buildingOpened; // beside the house demo; its failure is logged, it does not fail `ready`
    }
  })();
  let isClosing = false;
  ready.catch((e: unknown) => isClosing || log(`demo site did not connect: ${e instanceof Error ? e.message : String(e)}`));

  return {
    handlers,
    events,
    ready,
    work,
    saveDiagnostics,
    async close() {
      isClosing = true;
      stopResume();
      await sync.close();
      bulk.close();
      revival.close();
      timeKeeper.close();
      await timeKeeper.idle();
      queue.close();
      await queue.idle();
      await locks.closeAll(); // a demo site still interviewing its locks stops here, so `ready` settles at once
      await ready.catch(() => {});
      await radios.close();
      await store.close();
      await privateData.close(); // last: the folder is free once nothing writes to it
    },
  };
}
