import type { SerialPortList } from '../../../shared/domain/serial-port';
import type { CodeService } from '../codes/code-service';
import type { RequestHandlers } from '../ipc/handlers';
import type { SiteService } from '../sites/site-service';

/** What the handlers delegate to. */
export interface HandlerDeps {
  sites: SiteService;
  codes: CodeService;
  listPorts: () => Promise<SerialPortList>;
  info: { version: string; host: 'electron' | 'browser'; dataDir: string; storeNotice: string | null };
}

/** Maps every contract channel (but the demo controls) to its service call. Payloads arrive already validated by the dispatcher. */
export function createRequestHandlers(deps: HandlerDeps): Omit<RequestHandlers, 'demo.simulate'> {
  const { sites, codes } = deps;
  return {
    'app.info': async () => deps.info,
    'ports.list': () => deps.listPorts(),
    'sites.list': async () => sites.list(),
    'sites.connect': (p) => sites.connect(p),
    'sites.disconnect': (p) => sites.disconnect(p.siteId),
    'doors.list': async (p) => sites.doors(p.siteId),
    'doors.rename': (p) => sites.rename(p.doorId, p.name),
    'doors.check': (p) => sites.check(p.doorId),
    'codes.list': async (p) => codes.list(p.doorId),
    'codes.create': (p) => codes.create(p.doorId, { name: p.name, code: p.code }),
    'codes.generate': async (p) => ({ code: await codes.generate(p.doorId) }),
    'codes.remove': (p) => codes.remove(p.accessCodeId),
  };
}
