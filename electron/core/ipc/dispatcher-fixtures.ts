import type { PayloadOf, RequestChannel, ValueOf } from '../../../shared/contract';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { DoorView } from '../../../shared/domain/door';
import type { SiteView } from '../../../shared/domain/site';
import type { RequestHandlers } from './handlers';
import { sampleAccessCode } from '../../../shared/testing/samples';
import type { QueueItem } from '../../../shared/domain/operation';
import type { BulkRunView } from '../../../shared/domain/bulk';

/**
 * Test fixtures for the IPC edge: a valid value for every channel, a minimal valid payload for every channel (every
 * key in it is required), and fake handlers that answer with those values. Used by dispatcher and host tests.
 */

const at = '2026-01-01T00:00:00.000Z';

/** A site as the services would return it. */
export const fakeSite: SiteView = {
  id: 'site-1',
  name: 'Demo site',
  timeZone: 'Europe/Berlin',
  timeZoneConfirmed: true,
  connections: [{ kind: 'demo' }],
  createdAt: at,
  state: 'ready',
  stateMessage: null,
  pastEndOnLock: [],
};

/** A door with no lock profile (keeps the fixture small). */
export const fakeDoor: DoorView = {
  id: 'door-1',
  siteId: 'site-1',
  name: 'Front door',
  lockAddress: { protocol: 'zwave', address: '2' },
  createdAt: at,
  isConnected: true,
  lock: null,
  learned: { acceptedLengths: [], refusedLengths: [] },
  demoFault: null,
  cloud: null,
  logReadUpTo: null,
  floor: null,
  group: null,
  unit: null,
};

/** An access code; its PIN is what the tests look for in messages and logs. */
export const fakeCode: AccessCode = sampleAccessCode({ slot: 3, status: 'set' });

/** A queue line for the code above. */
export const fakeQueueItem: QueueItem = {
  operation_id: 'op-1', access_code_id: 'code-1', door_id: 'door-1', kind: 'set_code', state: 'waiting', attempts: 1,
  reason: 'new_code', run_id: null, slot: 3, not_before: at, is_ambiguous: true, last_error: { code: 'transient', message: 'the lock did not answer' },
  created_at: at, updated_at: at, door_name: 'Front door', code_name: null, is_running: false,
};

/** A sync status with no account. */
const fakeSyncStatus = { account: null, state: 'no_account', progress: null, pending: 0, conflicts: 0, lastSuccessAt: null, lastError: null, nextAt: null } as const;

const fakeCounts = { total: 1, done: 0, later: 0, waiting: 1, running: 0, failed: 0, cancelled: 0 };
/** A bulk run of one code on one door, waiting. */
const fakeRun: BulkRunView = {
  run_id: 'run-1', site_id: 'site-1', created_at: at, updated_at: at, state: 'running', door_ids: ['door-1'], skipped: [],
  phase: 'running', totals: fakeCounts, progress: 0, eta_seconds: 2, eta_basis: 'estimated',
  doors: [{ ...fakeCounts, door_id: 'door-1', door_name: 'Front door', failures: [] }],
};
const fakeFile = { fileName: 'codes.csv', mimeType: 'text/csv', base64: 'YQ==', bytes: 1 };

/** A valid answer for every channel. */
export const fakeValues: { [C in RequestChannel]: ValueOf<C> } = {
  'app.info': { version: '0.1.0', host: 'browser', dataDir: '/tmp/lockbench', storeNotice: null, now: at, demoClock: false },
  'ports.list': { ports: [], listError: null },
  'sites.list': [fakeSite],
  'sites.connect': fakeSite,
  'sites.disconnect': { ...fakeSite, state: 'disconnected' },
  'doors.list': [fakeDoor],
  'doors.rename': fakeDoor,
  'doors.check': { door_id: 'door-1', checked_at: at, overall: 'pass', items: [], codes_from_elsewhere: 0 },
  'codes.list': [fakeCode],
  'codes.create': fakeCode,
  'codes.generate': { code: '735194' },
  'codes.remove': { ...fakeCode, status: 'removing' },
  'sites.update': fakeSite,
  'doors.setClock': fakeDoor,
  'codes.unmanaged': [{ door_id: 'door-1', slot: 7, status: 'enabled', code: '9981', is_masked: false }],
  'codes.adopt': fakeCode,
  'codes.clearUnmanaged': { ...fakeCode, status: 'removing' },
  'queue.list': [fakeQueueItem],
  'queue.retry': fakeQueueItem,
  'queue.cancel': { ...fakeQueueItem, state: 'cancelled' },
  'demo.simulate': fakeDoor,
  'demo.keypad': { sent: true },
  'demo.clock': { now: at },
  'codes.update': { ...fakeCode, name: 'Guest' },
  'codes.fromCloud': [],
  'cloud.account': null,
  'cloud.setAccount': { kind: 'demo', workspaceId: 'ws-1', workspaceName: 'Demo', endpoint: 'http://127.0.0.1:1', checkedAt: at },
  'cloud.clearAccount': { cleared: true },
  'cloud.devices': { devices: [], suggestions: [] },
  'cloud.link': [fakeDoor],
  'sync.status': fakeSyncStatus,
  'sync.now': fakeSyncStatus,
  'sync.conflicts': [],
  'sync.resolve': fakeCode,
  'demo.cloudChange': fakeSyncStatus,
  'bluetooth.availability': { state: 'ready' },
  'bluetooth.scan': [{ protocol: 'nuki', address: '54:D2:72:3C:88:62', name: 'Nuki_3C8862ED', nukiId: '3C8862ED', rssi: -55, mode: 'pairing', doorId: null }],
  'bluetooth.pair': fakeDoor,
  'bluetooth.setSecurityPin': fakeDoor,
  'demo.nukiButton': { pairingMode: true },
  'doors.place': { ...fakeDoor, floor: '1', group: 'flat', unit: '1.02' },
  'doors.summaries': [{ door_id: 'door-1', active_codes: 1, waiting: 0, failed: 0, last_check: { checked_at: at, overall: 'pass' } }],
  'doors.checkHistory': [{ door_id: 'door-1', checked_at: at, overall: 'pass', items: [], codes_from_elsewhere: 0 }],
  'codes.export': fakeFile,
  'codes.saveExport': { outcome: 'saved', path: '/home/ana/Documents/codes.csv' },
  'bulk.importCsv': { codes: [{ name: 'Resident', pin: null, unit: '1.02', window: null }], lines: [2], problems: [{ line: 3, reason: 'the PIN has letters' }] },
  'bulk.preview': {
    pins: ['735194'],
    doors: [{ door_id: 'door-1', door_name: 'Front door', protocol: 'zwave', is_connected: true, free_places: 29, lines: [{ input: 0, name: 'Master', verdict: 'ready', message: null, scheduled_by: null, starts_at: null, ends_at: null }], notes: [] }],
    totals: { ready: 1, not_ready: 0 },
  },
  'bulk.start': fakeRun,
  'bulk.runs': [fakeRun],
  'bulk.control': { ...fakeRun, state: 'paused', phase: 'paused' },
  'report.build': { ...fakeFile, fileName: 'report.pdf', mimeType: 'application/pdf' },
  'report.save': { outcome: 'cancelled' },
  'app.saveDiagnostics': { outcome: 'download', file: { fileName: 'lockbench-diagnostics.zip', mimeType: 'application/zip', base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', bytes: 22 } },
  'demo.building': fakeSite,
};

/** A minimal valid payload for every channel: removing any one key makes it invalid. */
export const minimalPayloads: { [C in RequestChannel]: PayloadOf<C> } = {
  'app.info': {},
  'app.saveDiagnostics': {},
  'ports.list': {},
  'sites.list': {},
  'sites.connect': { connection: { kind: 'demo' } },
  'sites.disconnect': { siteId: 'site-1' },
  'doors.list': { siteId: 'site-1' },
  'doors.rename': { doorId: 'door-1', name: 'Back door' },
  'doors.check': { doorId: 'door-1' },
  'codes.list': { doorId: 'door-1' },
  'codes.create': { doorId: 'door-1' },
  'codes.generate': { doorId: 'door-1' },
  'codes.remove': { doorId: 'door-1', accessCodeId: 'code-1' },
  'sites.update': { siteId: 'site-1' },
  'doors.setClock': { doorId: 'door-1' },
  'codes.unmanaged': { doorId: 'door-1' },
  'codes.adopt': { doorId: 'door-1', slot: 7 },
  'codes.clearUnmanaged': { doorId: 'door-1', slot: 7 },
  'queue.list': { siteId: 'site-1' },
  'queue.retry': { doorId: 'door-1', operationId: 'op-1' },
  'queue.cancel': { doorId: 'door-1', operationId: 'op-1' },
  'demo.simulate': { doorId: 'door-1', fault: 'no_answer' },
  'demo.keypad': { doorId: 'door-1', accessCodeId: 'code-1' },
  'demo.clock': { advanceMinutes: 60 },
  'codes.update': { doorId: 'door-1', accessCodeId: 'code-1', name: 'Guest' },
  'codes.fromCloud': { doorId: 'door-1' },
  'cloud.account': {},
  'cloud.setAccount': { account: { kind: 'demo' } },
  'cloud.clearAccount': {},
  'cloud.devices': { siteId: 'site-1' },
  'cloud.link': { links: [{ doorId: 'door-1', deviceId: null }] },
  'sync.status': {},
  'sync.now': {},
  'sync.conflicts': {},
  'sync.resolve': { accessCodeId: 'code-1', keep: 'laptop' },
  'demo.cloudChange': { action: 'delete', doorId: 'door-1', accessCodeId: 'code-1' },
  'bluetooth.availability': { siteId: 'site-1' },
  'bluetooth.scan': { siteId: 'site-1' },
  'bluetooth.pair': { siteId: 'site-1', address: '54:D2:72:3C:88:62', securityPin: '1234' },
  'bluetooth.setSecurityPin': { doorId: 'door-1', securityPin: '1234' },
  'demo.nukiButton': { siteId: 'site-1', address: '54:D2:72:3C:88:62' },
  'doors.place': { doorId: 'door-1' },
  'doors.summaries': { siteId: 'site-1' },
  'doors.checkHistory': { doorId: 'door-1' },
  'codes.export': { siteId: 'site-1', includePins: false },
  'codes.saveExport': { siteId: 'site-1', includePins: false },
  'bulk.importCsv': { siteId: 'site-1', text: 'unit,name,pin' },
  'bulk.preview': { siteId: 'site-1', doorIds: ['door-1'], codes: [{ name: null, pin: null, unit: null, window: null }] },
  'bulk.start': { plan: { siteId: 'site-1', doorIds: ['door-1'], codes: [{ name: null, pin: null, unit: null, window: null }] }, pins: ['735194'] },
  'bulk.runs': { siteId: 'site-1' },
  'bulk.control': { runId: 'run-1', action: 'pause' },
  'report.build': { siteId: 'site-1', installerName: 'A. Installer', format: 'pdf' },
  'report.save': { siteId: 'site-1', installerName: 'A. Installer', format: 'pdf' },
  'demo.building': {},
};

/** Fake handlers answering every channel with its fixture value; `calls` records the channels called. */
export function createFakeHandlers(overrides: Partial<RequestHandlers> = {}): RequestHandlers & { calls: string[] } {
  const calls: string[] = [];
  const handlers = {} as Record<RequestChannel, (payload: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(fakeValues) as RequestChannel[]) {
    handlers[channel] = async () => {
      calls.push(channel);
      return fakeValues[channel];
    };
  }
  return Object.assign(handlers as unknown as RequestHandlers, overrides, { calls });
}
