import { z } from 'zod';

/** How a site's controller is reached: the built-in demo stick, a USB stick by serial path, or a networked stick. */
export const connectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('serial'), path: z.string().min(1).max(260) }),
  z.object({
    kind: z.literal('tcp'),
    url: z
      .string()
      .max(260)
      .regex(/^tcp:\/\/[^\s/:]+:\d{1,5}$/, 'must look like tcp://host:port'),
  }),
]);
export type Connection = z.infer<typeof connectionSchema>;

/** A property the installer works at. Every site has an IANA time zone: windows are property-local times. */
export const siteSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** The installer chose or confirmed `timeZone` (a site made before this was asked shows the question in its header). */
  timeZoneConfirmed: z.boolean().default(false),
  connection: connectionSchema,
  createdAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

/** Where a site's controller stands right now. */
export const siteStateSchema = z.enum(['disconnected', 'connecting', 'ready', 'failed']);
export type SiteState = z.infer<typeof siteStateSchema>;

/** A site with its live connection state, as the renderer sees it. */
export const siteViewSchema = siteSchema.extend({
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
