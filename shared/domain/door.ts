import { z } from 'zod';
import { doorCloudLinkSchema } from './cloud';
import { lockProfileSchema } from './lock';
import { lockAddressSchema } from './lock-address';
import { doorGroupSchema, floorSchema, unitSchema } from './door-placement';

/** A door at a site, fitted with one lock (a Z-Wave node on the site's stick, or a Bluetooth lock). */
const doorFields = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  /** Where the door's lock is reached: protocol and address on that protocol's connection. */
  lockAddress: lockAddressSchema,
  createdAt: z.string(),
  /** Its floor, group and unit in the building (see door-placement.ts); null until the installer says. */
  floor: floorSchema.nullable().default(null),
  group: doorGroupSchema.nullable().default(null),
  unit: unitSchema.nullable().default(null),
  /**
   * The lock's profile as last read while connected: lets the installer queue codes for a door that is not connected
   * right now (validated against these rules, applied when it is).
   */
  lastProfile: lockProfileSchema.nullable().default(null),
  /**
   * What the lock itself has shown about PIN lengths when nothing else says: lengths it confirmed (a code of that
   * length read back) and lengths it refused (acknowledged, then kept the slot empty). Used when the device does not
   * tell its lengths.
   */
  learned: z
    .object({ acceptedLengths: z.array(z.number().int()), refusedLengths: z.array(z.number().int()) })
    .default({ acceptedLengths: [], refusedLengths: [] }),
  /**
   * How far Lockbench has read the lock's own event log (a Nuki lock logs each keypad unlock), so a restart reads on
   * from there; null for a lock with no log or not read yet.
   */
  logReadUpTo: z.number().int().min(0).nullable().default(null),
  /** The cloud device this door is linked to (Seam device), with the facts last read from the cloud; null when unlinked. */
  cloud: doorCloudLinkSchema.nullable().default(null),
});

/** Doors stored before Bluetooth (up to 0.1) named their Z-Wave node only: `nodeId: 5` becomes `{ zwave, "5" }`. */
function fromEarlierDoor(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'lockAddress' in value || !('nodeId' in value)) return value;
  const { nodeId, ...rest } = value as { nodeId: unknown };
  return { ...rest, lockAddress: { protocol: 'zwave', address: String(nodeId) } };
}

/** A stored door; doors stored by earlier versions are read into today's shape. */
export const doorSchema = z.preprocess(fromEarlierDoor, doorFields);
export type Door = z.infer<typeof doorFields>;

/** A door as the renderer shows it: stored door plus the live state of its lock. */
export const doorViewSchema = doorFields.omit({ lastProfile: true }).extend({
  isConnected: z.boolean(),
  lock: lockProfileSchema.nullable(),
  /** Demo site only: the fault switched on for this virtual lock (kept in main, so a reload shows it); null elsewhere. */
  demoFault: z.enum(['none', 'no_answer', 'wrong_security_pin']).nullable().default(null),
});
export type DoorView = z.infer<typeof doorViewSchema>;
