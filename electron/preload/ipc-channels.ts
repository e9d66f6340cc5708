import type { EventChannel, RequestChannel } from '../../shared/contract';

/**
 * The names both sides of Electron IPC agree on. Kept free of runtime imports on purpose: the sandboxed preload can
 * `require` nothing but 'electron', and shared/contract pulls in zod (externalised by electron-vite). The lists are
 * checked against the contract at compile time (below) and in ipc-channels.test.ts.
 */

/** The one ipcMain.handle channel: `{ channel, payload }` in, a Result out. */
export const REQUEST_IPC = 'lockbench:request';
/** The one push channel: `{ channel, payload }` from main to the window. */
export const EVENT_IPC = 'lockbench:event';

/** Every request channel of the contract. */
export const requestChannelNames = [
  'app.info',
  'ports.list',
  'sites.list',
  'sites.connect',
  'sites.disconnect',
  'doors.list',
  'doors.rename',
  'doors.check',
  'codes.list',
  'codes.create',
  'codes.generate',
  'codes.remove',
  'sites.update',
  'doors.setClock',
  'codes.unmanaged',
  'codes.adopt',
  'codes.clearUnmanaged',
  'queue.list',
  'queue.retry',
  'queue.cancel',
  'demo.simulate',
  'demo.keypad',
  'demo.clock',
  'codes.update',
  'codes.fromCloud',
  'cloud.account',
  'cloud.setAccount',
  'cloud.clearAccount',
  'cloud.devices',
  'cloud.link',
  'sync.status',
  'sync.now',
  'sync.conflicts',
  'sync.resolve',
  'demo.cloudChange',
  'bluetooth.availability',
  'bluetooth.scan',
  'bluetooth.pair',
  'bluetooth.setSecurityPin',
  'demo.nukiButton',
  'doors.place',
  'doors.summaries',
  'doors.checkHistory',
  'codes.export',
  'codes.saveExport',
  'bulk.importCsv',
  'bulk.preview',
  'bulk.start',
  'bulk.runs',
  'bulk.control',
  'report.build',
  'report.save',
  'app.saveDiagnostics',
  'demo.building',
] as const satisfies readonly RequestChannel[];

/** Every event channel of the contract. */
export const eventChannelNames = ['sites.changed', 'doors.changed', 'codes.changed', 'queue.changed', 'clock.changed', 'activity', 'sync.changed', 'bulk.changed'] as const satisfies readonly EventChannel[];

/** Compile-time check that no contract channel is missing from the lists above. */
type MissingFrom<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
const _allRequestsListed: MissingFrom<RequestChannel, (typeof requestChannelNames)[number]> = true;
const _allEventsListed: MissingFrom<EventChannel, (typeof eventChannelNames)[number]> = true;
