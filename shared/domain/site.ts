import { z } from 'zod';
import type { LockProtocol } from './lock-address';

/**
 * How a site's locks are reached: a Z-Wave controller (the built-in demo stick, a USB stick by serial path, or a
 * networked stick), or Bluetooth LE (this computer's radio, or the demo's virtual radio) for Nuki locks.
 */
export const connectionSchema = z.discriminatedUnion('kind', [
  /** The built-in virtual stick: the small demo house, or (`layout: 'building'`) the 24-door building demo. */
  z.object({ kind: z.literal('demo'), layout: z.literal('building').optional() }),
  z.object({ kind: z.literal('serial'), path: z.string().min(1).max(260) }),
  z.object({
    kind: z.literal('tcp'),
    url: z
      .string()
      .max(260)
      .regex(/^tcp:\/\/[^\s/:]+:\d{1,5}$/, 'must look like tcp://host:port'),
  }),
  z.object({ kind: z.literal('bluetooth'), radio: z.enum(['system', 'demo']), layout: z.literal('building').optional() }),
]);
export type Connection = z.infer<typeof connectionSchema>;

/** The lock protocol spoken over a connection: Z-Wave through a stick, Nuki's API over Bluetooth. */
export const protocolOf = (c: Connection): LockProtocol => (c.kind === 'bluetooth' ? 'nuki' : 'zwave');

/** A site's connections: at most one per protocol. */
const siteConnectionsSchema = z
  .array(connectionSchema)
  .min(1)
  .refine((list) => new Set(list.map(protocolOf)).size === list.length, { message: 'a site holds at most one connection per protocol' });

/** A property the installer works at. Every site has an IANA time zone: windows are property-local times. */
const siteFields = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** The installer chose or confirmed `timeZone` (a site made before this was asked shows the question in its header). */
  timeZoneConfirmed: z.boolean().default(false),
  /** Its connections, one per protocol (a Z-Wave stick and a Bluetooth radio at once); the first one found it. */
  connections: siteConnectionsSchema,
  createdAt: z.string(),
});

/** Sites stored before Bluetooth had one controller (`connection`); today it is the first of `connections`. */
function fromEarlierSite(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'connections' in value || !('connection' in value)) return value;
  const { connection, ...rest } = value as { connection: unknown };
  return { ...rest, connections: [connection] };
}

/** A stored site; sites stored by earlier versions are read into today's shape. */
export const siteSchema = z.preprocess(fromEarlierSite, siteFields);
export type Site = z.infer<typeof siteFields>;

/** Where a site's controller stands right now. */
export const siteStateSchema = z.enum(['disconnected', 'connecting', 'ready', 'failed']);
export type SiteState = z.infer<typeof siteStateSchema>;

/** A site with its live connection state, as the renderer sees it. */
export const siteViewSchema = siteFields.extend({
  state: siteStateSchema,
  /** Last connection failure, in words, when state is `failed`. */
  stateMessage: z.string().nullable(),
  /**
   * Doors holding a time-bound PIN whose end has passed and that may still be on the lock (Lockbench removes it the
   * next time it reaches the lock): the header says so until it is gone.
   */
  pastEndOnLock: z.array(z.object({ doorId: z.string(), doorName: z.string(), count: z.number().int().min(1) })).default([]),
});
export type SiteView = z.infer<typeof siteViewSchema>;
