import type { ValueOf } from '../../../shared/contract';
import type { SerialPortList } from '../../../shared/domain/serial-port';
import type { CodeService } from '../codes/code-service';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';
import type { QueueService } from '../queue/queue-service';
import type { UnmanagedCodes } from '../codes/unmanaged-codes';
import type { SyncChannels } from './sync-handlers';
import type { BluetoothDoors } from '../sites/bluetooth-doors';
import type { BuildingChannels } from './building-handlers';

/** What the handlers delegate to. */
export interface HandlerDeps {
  sites: SiteService;
  codes: CodeService;
  queue: QueueService;
  unmanaged: UnmanagedCodes;
  bluetooth: BluetoothDoors;
  listPorts: () => Promise<SerialPortList>;
  info: () => ValueOf<'app.info'>;
  /** Builds the support zip and saves it the platform's way. */
  saveDiagnostics: () => Promise<ValueOf<'app.saveDiagnostics'>>;
}

/** Maps every contract channel (but the demo controls and the cloud channels: sync-handlers.ts) to its service call. Payloads arrive already validated by the dispatcher. */
export function createRequestHandlers(deps: HandlerDeps): Omit<RequestHandlers, 'demo.simulate' | 'demo.keypad' | 'demo.clock' | 'demo.nukiButton' | 'demo.building' | SyncChannels | BuildingChannels> {
  const { sites, codes, queue, unmanaged, bluetooth } = deps;
  return {
    'app.info': async () => deps.info(),
    'app.saveDiagnostics': () => deps.saveDiagnostics(),
    'ports.list': () => deps.listPorts(),
    'sites.list': async () => sites.list(),
    'sites.connect': (p) => sites.connect(p),
    'sites.update': (p) => sites.update(p.siteId, { name: p.name, timeZone: p.timeZone }),
    'doors.setClock': (p) => sites.setClock(p.doorId),
    'codes.unmanaged': (p) => unmanaged.list(p.doorId),
    'codes.adopt': (p) => unmanaged.adopt(p.doorId, p.slot, p.name),
    'codes.clearUnmanaged': (p) => unmanaged.clear(p.doorId, p.slot),
    'sites.disconnect': (p) => sites.disconnect(p.siteId),
    'doors.list': async (p) => sites.doors(p.siteId),
    'doors.rename': (p) => sites.rename(p.doorId, p.name),
    'codes.list': (p) => codes.list(p.doorId),
    'codes.create': (p) => codes.create(p.doorId, p),
    'codes.generate': async (p) => ({ code: await codes.generate(p.doorId) }),
    'codes.remove': (p) => codes.remove(p.doorId, p.accessCodeId),
    'queue.list': (p) => queue.list(p.siteId),
    'queue.retry': (p) => queue.retry(p.doorId, p.operationId),
    'queue.cancel': (p) => queue.cancel(p.doorId, p.operationId),
    'bluetooth.availability': (p) => bluetooth.availability(p.siteId),
    'bluetooth.scan': (p) => bluetooth.scan(p.siteId, p.seconds ?? 6),
    'bluetooth.pair': (p) => bluetooth.pair(p),
    'bluetooth.setSecurityPin': (p) => bluetooth.setSecurityPin(p.doorId, p.securityPin),
  };
}
