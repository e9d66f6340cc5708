/**
 * The one IPC contract between the renderer and the main process, served over Electron IPC and over the browser
 * host's WebSocket alike. Every request and push event is defined here once; types are inferred from the schemas.
 *
 *   renderer ──request(channel, payload)──▶ transport ──▶ dispatcher: parse payload ─▶ service ─▶ Result
 *   renderer ◀──event(channel, payload)──── transport ◀── services push (code.changed, …)
 */
import { z } from 'zod';
import { accessCodeSchema } from './domain/access-code';
import { capabilityReportSchema } from './domain/capability';
import { doorViewSchema } from './domain/door';
import { serialPortListSchema } from './domain/serial-port';
import { queueItemSchema } from './domain/operation';
import { connectionSchema, siteViewSchema } from './domain/site';
import { pinSchema, codeNameSchema } from './domain/pin-input';
import { placeNameSchema } from './domain/display-name';
import { localDateTimeSchema } from './domain/local-time';
import { unmanagedCodeSchema } from './domain/unmanaged-code';
import { doorPlacementSchema, doorSummarySchema } from './domain/door-placement';
import { bulkPlanSchema, bulkPreviewSchema, bulkRunViewSchema, csvImportSchema } from './domain/bulk';
import { builtFileSchema, reportRequestSchema, savedFileSchema } from './domain/report';
import { bluetoothAvailabilitySchema, nearbyLockSchema, securityPinSchema } from './domain/bluetooth';
import {
  cloudAccountInputSchema,
  cloudAccountSchema,
  cloudDeviceFactsSchema,
  cloudForeignCodeSchema,
  codeConflictSchema,
  linkSuggestionSchema,
  syncStatusSchema,
} from './domain/cloud';

const id = z.string().min(1).max(64);
const empty = z.object({}).strict();

/** Request channels: payload schema in, value schema out. */
export const requests = {
  'app.info': {
    payload: empty,
    value: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      /** What happened when the store was opened (recovered from backup, damaged file set aside), for a banner. */
      storeNotice: z.string().nullable(),
      /** The app's "now" (moved by the demo clock when that is on): timelines and countdowns use it, not the renderer's clock. */
      now: z.string(),
      /** The host was started with --demo-clock: the demo controls can move time forward. */
      demoClock: z.boolean(),
    }),
  },
  'ports.list': { payload: empty, value: serialPortListSchema },
  'sites.list': { payload: empty, value: z.array(siteViewSchema) },
  /** Open (or re-open) a site's controller and interview its locks; creates the site on first use. */
  'sites.connect': {
    payload: z
      .object({
        connection: connectionSchema,
        name: placeNameSchema.optional(),
        timeZone: z.string().min(1).max(64).optional(),
      })
      .strict(),
    value: siteViewSchema,
  },
  /** Rename a site or change its IANA time zone (windows already stored keep their instants). */
  'sites.update': {
    payload: z.object({ siteId: id, name: placeNameSchema.optional(), timeZone: z.string().min(1).max(64).optional() }).strict(),
    value: siteViewSchema,
  },
  'sites.disconnect': { payload: z.object({ siteId: id }).strict(), value: siteViewSchema },
  'doors.list': { payload: z.object({ siteId: id }).strict(), value: z.array(doorViewSchema) },
  'doors.rename': {
    payload: z.object({ doorId: id, name: placeNameSchema }).strict(),
    value: doorViewSchema,
  },
  /** Say where a door sits in the building: floor, group (common areas, flats, service) and unit. */
  'doors.place': {
    payload: z.object({ doorId: id }).extend(doorPlacementSchema.shape).strict(),
    value: doorViewSchema,
  },
  /** Per door of a site: its codes, waiting and failed changes, and its latest capability check (for the door list). */
  'doors.summaries': { payload: z.object({ siteId: id }).strict(), value: z.array(doorSummarySchema) },
  /** A door's capability checks as they were run and kept, newest first. */
  'doors.checkHistory': { payload: z.object({ doorId: id }).strict(), value: z.array(capabilityReportSchema) },
  /** Run the capability check on a door's lock (reads from the lock; may take seconds). */
  'doors.check': { payload: z.object({ doorId: id }).strict(), value: capabilityReportSchema },
  /** Set the lock's clock to now and its time zone offset to the site's (before time-bound codes). */
  'doors.setClock': { payload: z.object({ doorId: id }).strict(), value: doorViewSchema },
  'codes.list': { payload: z.object({ doorId: id }).strict(), value: z.array(accessCodeSchema) },
  /**
   * Create a code: ongoing (no window) or time-bound (a window in the SITE's local time). Refused before anything is
   * sent when the PIN breaks the lock's rules. A time-bound code on a lock without native scheduling needs
   * `confirmLockbenchScheduling` (Lockbench puts it on at its start and takes it off at its end, so this laptop must
   * reach the lock then), else `codes.needs_confirmation`.
   */
  'codes.create': {
    payload: z
      .object({
        doorId: id,
        name: codeNameSchema.optional(),
        /** The PIN; omit to have one generated that satisfies the lock's rules. */
        code: pinSchema.optional(),
        window: z.object({ starts: localDateTimeSchema, ends: localDateTimeSchema }).strict().optional(),
        confirmLockbenchScheduling: z.boolean().optional(),
      })
      .strict(),
    value: accessCodeSchema,
  },
  /** Codes found on the lock that Lockbench did not create (read from zwave-js's cache; no radio). */
  'codes.unmanaged': { payload: z.object({ doorId: id }).strict(), value: z.array(unmanagedCodeSchema) },
  /** Take an unmanaged code under Lockbench's management as it is (it is already on the lock). */
  'codes.adopt': {
    payload: z.object({ doorId: id, slot: z.number().int().min(1).max(65535), name: codeNameSchema.optional() }).strict(),
    value: accessCodeSchema,
  },
  /** Clear an unmanaged code from its slot (queued like any removal). */
  'codes.clearUnmanaged': {
    payload: z.object({ doorId: id, slot: z.number().int().min(1).max(65535) }).strict(),
    value: accessCodeSchema,
  },
  /** A PIN the door's lock will accept (not yet stored or sent). */
  'codes.generate': { payload: z.object({ doorId: id }).strict(), value: z.object({ code: z.string() }) },
  'codes.remove': { payload: z.object({ doorId: id, accessCodeId: id }).strict(), value: accessCodeSchema },
  /** Rename a code ('' takes its name away). Nothing changes on the lock; a linked code's new name goes to the cloud. */
  'codes.update': {
    payload: z.object({ doorId: id, accessCodeId: id, name: codeNameSchema }).strict(),
    value: accessCodeSchema,
  },
  /** Codes on the door's cloud device that Lockbench did not create (from the last sync; PINs are not kept). */
  'codes.fromCloud': { payload: z.object({ doorId: id }).strict(), value: z.array(cloudForeignCodeSchema) },
  /** The site's codes as CSV (one row per code and door); PINs masked unless `includePins`. */
  'codes.export': {
    payload: z.object({ siteId: id, includePins: z.boolean() }).strict(),
    value: builtFileSchema,
  },
  /** The codes export saved the platform's way: where the installer picks (desktop save dialog), or handed back to download (browser). */
  'codes.saveExport': {
    payload: z.object({ siteId: id, includePins: z.boolean() }).strict(),
    value: savedFileSchema,
  },
  /**
   * Reads a CSV of codes for a bulk plan (unit, name, PIN or "generate", kind, window): the good rows as codes, each bad
   * row refused with its line and reason. Nothing is stored.
   */
  'bulk.importCsv': {
    payload: z.object({ siteId: id, text: z.string().max(2_000_000, 'the file is larger than 2 MB') }).strict(),
    value: csvImportSchema,
  },
  /** What a plan would do on each door, before anything is stored or sent; generated PINs are chosen here. */
  'bulk.preview': { payload: bulkPlanSchema, value: bulkPreviewSchema },
  /**
   * Runs a plan: every ready code with its lock change is stored in one durable commit, then acknowledged, then the
   * queue puts them on the locks. `pins` are the preview's (so the run does exactly what was previewed).
   */
  'bulk.start': {
    payload: z.object({ plan: bulkPlanSchema, pins: z.array(z.string().min(1).max(12).nullable()).max(2000) }).strict(),
    value: bulkRunViewSchema,
  },
  /** A site's bulk runs, newest first. */
  'bulk.runs': { payload: z.object({ siteId: id }).strict(), value: z.array(bulkRunViewSchema) },
  /** Pause (a command on the air finishes), resume, cancel (what did not reach the locks is withdrawn) or retry the failed. */
  'bulk.control': {
    payload: z.object({ runId: id, action: z.enum(['pause', 'resume', 'cancel', 'retry_failed']) }).strict(),
    value: bulkRunViewSchema,
  },
  /** The commissioning report (PDF or CSV) for a site or chosen doors, as a file to download. */
  'report.build': { payload: reportRequestSchema, value: builtFileSchema },
  /** Build the report and save it the platform's way: where the installer picks (desktop save dialog), or handed back to download (browser). */
  'report.save': { payload: reportRequestSchema, value: savedFileSchema },
  /** A zip for support (redacted logs, capability checks, build facts; never a PIN or key), saved the platform's way. */
  'app.saveDiagnostics': { payload: empty, value: savedFileSchema },
  /** The cloud account (never its secret), or null when none is set. */
  'cloud.account': { payload: empty, value: cloudAccountSchema.nullable() },
  /** Check the key with the cloud and keep it (the secret goes to the keychain); a refused key changes nothing. */
  'cloud.setAccount': { payload: z.object({ account: cloudAccountInputSchema }).strict(), value: cloudAccountSchema },
  /** Forget the account and its secret. What waits for the cloud stays waiting. */
  'cloud.clearAccount': { payload: empty, value: z.object({ cleared: z.literal(true) }) },
  /** The workspace's locks that support access codes, and which of the site's doors each seems to be. */
  'cloud.devices': {
    payload: z.object({ siteId: id }).strict(),
    value: z.object({ devices: z.array(cloudDeviceFactsSchema), suggestions: z.array(linkSuggestionSchema) }),
  },
  /** Link (device id) or unlink (null) many doors at once. */
  'cloud.link': {
    payload: z
      .object({ links: z.array(z.object({ doorId: id, deviceId: id.nullable() }).strict()).min(1).max(500) })
      .strict(),
    value: z.array(doorViewSchema),
  },
  /** Where sync stands (the indicator). */
  'sync.status': { payload: empty, value: syncStatusSchema },
  /** Sync now (resolves when this sync has finished, with the status after it). */
  'sync.now': { payload: empty, value: syncStatusSchema },
  /** Codes changed on both sides while offline, both versions side by side. */
  'sync.conflicts': { payload: empty, value: z.array(codeConflictSchema) },
  /** The installer's choice for a conflict: keep the laptop's version (sent to the cloud) or the cloud's (taken here). */
  'sync.resolve': {
    payload: z.object({ accessCodeId: id, keep: z.enum(['laptop', 'cloud']) }).strict(),
    value: accessCodeSchema,
  },
  /** What is waiting, running and failed on a site's doors (done and cancelled work is left out). */
  'queue.list': { payload: z.object({ siteId: id }).strict(), value: z.array(queueItemSchema) },
  /** Try a failed or waiting operation again now. */
  'queue.retry': { payload: z.object({ doorId: id, operationId: id }).strict(), value: queueItemSchema },
  /** Give up a waiting or failed operation (a code never confirmed is withdrawn; the slot is cleared if it may hold it). */
  'queue.cancel': { payload: z.object({ doorId: id, operationId: id }).strict(), value: queueItemSchema },
  /** Whether Bluetooth LE can be used for this site's locks (the demo site's virtual radio always can). */
  'bluetooth.availability': { payload: z.object({ siteId: id }).strict(), value: bluetoothAvailabilitySchema },
  /** Listens a few seconds for Nuki locks nearby: name, signal, pairing mode, and whether one is already a door here. */
  'bluetooth.scan': {
    payload: z.object({ siteId: id, seconds: z.number().int().min(1).max(30).optional() }).strict(),
    value: z.array(nearbyLockSchema),
  },
  /**
   * Pairs with a lock in pairing mode (key exchange), checks its security PIN, keeps the keys and the PIN in the OS
   * keychain, and adds its door to the site (the site gets this computer's Bluetooth connection if it had none).
   */
  'bluetooth.pair': {
    payload: z.object({ siteId: id, address: z.string().min(1).max(64), securityPin: securityPinSchema, doorName: placeNameSchema.optional() }).strict(),
    value: doorViewSchema,
  },
  /** Gives a paired lock's door its security PIN again (after the lock refused the one kept); checked with the lock first. */
  'bluetooth.setSecurityPin': { payload: z.object({ doorId: id, securityPin: securityPinSchema }).strict(), value: doorViewSchema },
  /** Demo site only: hold the virtual Nuki lock's button until its ring lights (pairing mode, for 5 minutes). */
  'demo.nukiButton': { payload: z.object({ siteId: id, address: z.string().min(1).max(64) }).strict(), value: z.object({ pairingMode: z.literal(true) }) },
  /**
   * Demo site only: make a virtual lock stop answering (a Bluetooth lock: out of range), or refuse its security PIN
   * (Nuki), or answer again — to see what a failure looks like.
   */
  'demo.simulate': {
    payload: z.object({ doorId: id, fault: z.enum(['none', 'no_answer', 'wrong_security_pin']) }).strict(),
    value: doorViewSchema,
  },
  /** Demo clock only (host started with --demo-clock): move the app's time forward to see time-bound codes play out. */
  'demo.clock': {
    payload: z.object({ advanceMinutes: z.number().int().min(1).max(60 * 24 * 60) }).strict(),
    value: z.object({ now: z.string() }),
  },
  /**
   * Demo cloud only: change something in the cloud as a person in Seam's console would (rename or delete a code the
   * cloud has, add a code Lockbench did not create), then sync, to see a cloud-side change come back.
   */
  'demo.cloudChange': {
    payload: z.discriminatedUnion('action', [
      z.object({ action: z.literal('rename'), doorId: id, accessCodeId: id, name: codeNameSchema }).strict(),
      z.object({ action: z.literal('delete'), doorId: id, accessCodeId: id }).strict(),
      z.object({ action: z.literal('add'), doorId: id, name: codeNameSchema, code: pinSchema }).strict(),
    ]),
    value: syncStatusSchema,
  },
  /**
   * Opens the building demo: a second demo site with 24 virtual locks (Z-Wave and Nuki, a few weak or flaky) on
   * floors, flats and common doors, for bulk codes and the commissioning report without hardware.
   */
  'demo.building': { payload: empty, value: siteViewSchema },
  /** Demo site only: type a code on a virtual lock's keypad; the lock reports the unlock (proof of use). */
  'demo.keypad': { payload: z.object({ doorId: id, accessCodeId: id }).strict(), value: z.object({ sent: z.literal(true) }) },
} as const;

/** Push event channels from main to renderer. */
export const events = {
  'sites.changed': siteViewSchema,
  'doors.changed': doorViewSchema,
  'codes.changed': accessCodeSchema,
  'queue.changed': z.object({ siteId: z.string(), items: z.array(queueItemSchema) }),
  /** The app's "now" moved (demo clock): timelines re-draw against it. */
  'clock.changed': z.object({ now: z.string() }),
  /** What a long action is doing right now, on which door, for progress lines. */
  'activity': z.object({ siteId: z.string().nullable(), doorId: z.string().nullable(), message: z.string() }),
  /** A bulk run moved on (progress, ETA, a door finished or failed). */
  'bulk.changed': bulkRunViewSchema,
  /** The sync indicator changed (state, progress, pending, conflicts, last success). */
  'sync.changed': syncStatusSchema,
} as const;

export type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type EventChannel = keyof typeof events;
export type PayloadOf<C extends RequestChannel> = z.input<Requests[C]['payload']>;
export type ParsedPayloadOf<C extends RequestChannel> = z.output<Requests[C]['payload']>;
export type ValueOf<C extends RequestChannel> = z.infer<Requests[C]['value']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof events)[E]>;

/** All request channel names, for the preload and the transports. */
export const requestChannels = Object.keys(requests) as RequestChannel[];
/** All event channel names. */
export const eventChannels = Object.keys(events) as EventChannel[];

/** True when `name` is a channel of the contract (guards untrusted input before indexing). */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}
