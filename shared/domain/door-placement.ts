import { z } from 'zod';
import { displayNameSchema } from './display-name';

/**
 * Where a door sits in its building, so a site of dozens of doors can be filtered, sorted and worked in groups:
 * common areas (entrances, bike store), flats (a resident's own door), or service (plant rooms, staff doors).
 */
export const doorGroupSchema = z.enum(['common', 'flat', 'service']);
export type DoorGroup = z.infer<typeof doorGroupSchema>;

/** A floor as people say it ("G", "1", "-1", "Mezzanine"). */
export const floorSchema = displayNameSchema({ min: 1, max: 20, what: 'floor' });
/** A unit (flat) as the property manager's list names it ("1.02", "Flat 12"). */
export const unitSchema = displayNameSchema({ min: 1, max: 20, what: 'unit' });

/** A door's place in the building; each part may be unknown (null). */
export const doorPlacementSchema = z.object({
  floor: floorSchema.nullable().default(null),
  group: doorGroupSchema.nullable().default(null),
  unit: unitSchema.nullable().default(null),
});
export type DoorPlacement = z.infer<typeof doorPlacementSchema>;

/** What the door list shows per door beside its lock: codes, waiting changes and the last capability check. */
export const doorSummarySchema = z.object({
  door_id: z.string(),
  /** Codes Lockbench manages on the door that are not removed. */
  active_codes: z.number().int().min(0),
  /** Changes waiting for the lock (or running on it now). */
  waiting: z.number().int().min(0),
  /** Changes that stopped and need the installer. */
  failed: z.number().int().min(0),
  /** The latest capability check kept for this door (as it was then, not recomputed); null when never checked. */
  last_check: z.object({ checked_at: z.string(), overall: z.enum(['pass', 'warn', 'fail']) }).nullable(),
});
export type DoorSummary = z.infer<typeof doorSummarySchema>;
