import { z } from 'zod';
import { lockProfileSchema } from './lock';

/** A door at a site, fitted with one lock (a Z-Wave node on the site's controller). */
export const doorSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  /** Z-Wave node id on the site's controller. */
  nodeId: z.number().int(),
  createdAt: z.string(),
  /**
   * The lock's profile as last read while connected: lets the installer queue codes for a door that is not connected
   * right now (validated against these rules, applied when it is).
   */
  lastProfile: lockProfileSchema.nullable().default(null),
});
export type Door = z.infer<typeof doorSchema>;

/** A door as the renderer shows it: stored door plus the live state of its lock. */
export const doorViewSchema = doorSchema.omit({ lastProfile: true }).extend({
  isConnected: z.boolean(),
  lock: lockProfileSchema.nullable(),
});
export type DoorView = z.infer<typeof doorViewSchema>;
