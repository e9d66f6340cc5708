import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isCodedError } from '../../../shared/result';
import { createCodeService } from '../codes/code-service';
import { createDoorQueue } from '../codes/door-queue';
import { defaultRetryPolicy } from '../codes/lock-operations';
import { createEventHub } from '../ipc/event-hub';
import { createLockManager } from '../locks/lock-manager';
import { createSiteService } from '../sites/site-service';
import { openStore } from '../store/open-store';
import type { LockbenchStore } from '../store/store';
import { listSerialPorts } from '../transport/list-serial-ports';
import type { AppServices, AppServicesOptions } from './app-services';
import { createControllerOpener, defaultDoorName } from './controller-opener';
import { createDemoControls } from './demo-controls';
import { loadNetworkKeys } from './network-keys';
import { createRequestHandlers } from './request-handlers';

/** Opens the store; a damaged store with no good backup is set aside (named in the notice), never silently emptied. */
async function openAppStore(file: string, log: (line: string) => void): Promise<LockbenchStore> {
  try {
    return await openStore({ file, log });
  } catch (error) {
    if (!isCodedError(error) || error.code !== 'store.corrupt') throw error;
    log(error.message);
    return openStore({ file, log });
  }
}

/**
 * Wires the main-process services, the same under Electron and the browser host:
 *   store ─┐
 *   controller opener ─▶ lock manager ─▶ site service ─┐
 *                                      └▶ code service ─┴▶ request handlers ─▶ (dispatcher, by the transport)
 * and connects the demo site unless told not to.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const log = (line: string) => console.log(`[lockbench] ${line}`);
  const store = await openAppStore(join(options.dataDir, 'lockbench.json'), log);
  const keys = await loadNetworkKeys(join(options.dataDir, 'network-keys.json'));
  const events = createEventHub((e) => log(`event listener failed: ${e instanceof Error ? e.message : String(e)}`));
  const opener = createControllerOpener(options.dataDir, keys);
  const locks = createLockManager(opener.open);
  const now = () => new Date();

  const codes = createCodeService({
    store, locks, queue: createDoorQueue(), policy: defaultRetryPolicy, now, newId: randomUUID,
    onChange: (code) => {
      events.emit('codes.changed', code);
      const door = store.read().doors.find((d) => d.id === code.door_id);
      if (door) events.emit('doors.changed', sites.doorView(door));
    },
    delayWarningMs: 15_000,
  });
  const sites = createSiteService({
    store, locks, now, newId: randomUUID,
    defaultTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    defaultDoorName,
    onSiteReady: (siteId) => codes.resume(siteId),
    onDoorsChanged: (doors) => doors.forEach((d) => events.emit('doors.changed', d)),
  });
  locks.onChange((change) => {
    if (change.kind === 'progress') events.emit('activity', { siteId: change.siteId, doorId: null, message: change.message });
    if (change.kind === 'site' && store.read().sites.some((s) => s.id === change.siteId)) events.emit('sites.changed', sites.view(change.siteId));
    if (change.kind === 'lock') {
      const door = store.read().doors.find((d) => d.siteId === change.siteId && d.nodeId === change.nodeId);
      if (door) events.emit('doors.changed', sites.doorView(door));
    }
  });

  const handlers = {
    ...createRequestHandlers({
      sites, codes, listPorts: () => listSerialPorts(),
      info: { version: options.version, host: options.host, dataDir: options.dataDir, storeNotice: store.openNotice },
    }),
    ...createDemoControls({ store, sites, demoStick: opener.demoStick }),
  };

  const ready = (async () => {
    if (options.connectDemoOnStart === false) return;
    await sites.connect({ connection: { kind: 'demo' } });
  })();
  ready.catch((e: unknown) => log(`demo site did not connect: ${e instanceof Error ? e.message : String(e)}`));

  return {
    handlers,
    events,
    ready,
    async close() {
      await ready.catch(() => {});
      await locks.closeAll();
      await store.close();
    },
  };
}
