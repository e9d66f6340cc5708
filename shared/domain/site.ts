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
});
export type SiteView = z.infer<typeof siteViewSchema>;
