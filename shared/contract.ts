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
import { connectionSchema, siteViewSchema } from './domain/site';
import { pinSchema, codeNameSchema } from './domain/pin-input';

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
    }),
  },
  'ports.list': { payload: empty, value: serialPortListSchema },
  'sites.list': { payload: empty, value: z.array(siteViewSchema) },
  /** Open (or re-open) a site's controller and interview its locks; creates the site on first use. */
  'sites.connect': {
    payload: z
      .object({
        connection: connectionSchema,
        name: z.string().trim().min(1).max(80).optional(),
        timeZone: z.string().min(1).max(64).optional(),
      })
      .strict(),
    value: siteViewSchema,
  },
  'sites.disconnect': { payload: z.object({ siteId: id }).strict(), value: siteViewSchema },
  'doors.list': { payload: z.object({ siteId: id }).strict(), value: z.array(doorViewSchema) },
  'doors.rename': {
    payload: z.object({ doorId: id, name: z.string().trim().min(1).max(80) }).strict(),
    value: doorViewSchema,
  },
  /** Run the capability check on a door's lock (reads from the lock; may take seconds). */
  'doors.check': { payload: z.object({ doorId: id }).strict(), value: capabilityReportSchema },
  'codes.list': { payload: z.object({ doorId: id }).strict(), value: z.array(accessCodeSchema) },
  /** Create an ongoing code. Refused before anything is sent when the PIN breaks the lock's rules. */
  'codes.create': {
    payload: z
      .object({
        doorId: id,
        name: codeNameSchema.optional(),
        /** The PIN; omit to have one generated that satisfies the lock's rules. */
        code: pinSchema.optional(),
      })
      .strict(),
    value: accessCodeSchema,
  },
  /** A PIN the door's lock will accept (not yet stored or sent). */
  'codes.generate': { payload: z.object({ doorId: id }).strict(), value: z.object({ code: z.string() }) },
  'codes.remove': { payload: z.object({ accessCodeId: id }).strict(), value: accessCodeSchema },
  /** Demo site only: make a virtual lock stop answering (or answer again), to see what a failure looks like. */
  'demo.simulate': {
    payload: z.object({ doorId: id, fault: z.enum(['none', 'no_answer']) }).strict(),
    value: doorViewSchema,
  },
} as const;

/** Push event channels from main to renderer. */
export const events = {
  'sites.changed': siteViewSchema,
  'doors.changed': doorViewSchema,
  'codes.changed': accessCodeSchema,
  /** What a long action is doing right now, on which door, for progress lines. */
  'activity': z.object({ siteId: z.string().nullable(), doorId: z.string().nullable(), message: z.string() }),
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
