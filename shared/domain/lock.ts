import { z } from 'zod';
import { codeConstraintSchema } from './code-constraints';

/** Security class the lock was included with. Keypad locks are normally S2 Access Control. */
export const securityClassSchema = z.enum([
  'S2_AccessControl',
  'S2_Authenticated',
  'S2_Unauthenticated',
  'S0_Legacy',
  'none',
  'unknown',
]);
export type SecurityClass = z.infer<typeof securityClassSchema>;

/** Characters a lock's keypad accepts in a PIN. */
export const pinCharsetSchema = z.enum(['digits', 'ascii']);
export type PinCharset = z.infer<typeof pinCharsetSchema>;

/** What a lock is and can do, read from the lock (and zwave-js's cache) — the input of the capability check. */
export const lockProfileSchema = z.object({
  nodeId: z.number().int(),
  manufacturer: z.string(),
  model: z.string(),
  firmwareVersion: z.string().nullable(),
  securityClass: securityClassSchema,
  /** The node answers (not dead / not asleep beyond reach). */
  isOnline: z.boolean(),
  /** User Code CC present: the lock can hold access codes at all. */
  supportsAccessCodes: z.boolean(),
  /** Number of user code slots (0 when unknown). */
  slotCount: z.number().int().min(0),
  /** Lengths the lock accepts, ascending (Z-Wave allows 4–10). */
  supportedCodeLengths: z.array(z.number().int()),
  pinCharset: pinCharsetSchema,
  /** Schedule Entry Lock CC with year-day slots: the lock enforces start/end itself. */
  nativeScheduling: z.boolean(),
  /** The lock can report a checksum over all its user codes (User Code CC v2). */
  supportsChecksum: z.boolean(),
  /** Percent, or null when the lock has no Battery CC or did not answer. */
  batteryLevel: z.number().int().min(0).max(100).nullable(),
  isBatteryLow: z.boolean(),
  doorState: z.enum(['locked', 'unlocked', 'unknown']),
  /** Lock's time-zone offset (minutes east of UTC) from Schedule Entry Lock/Time Parameters, when it reports one. */
  clockOffsetMinutes: z.number().int().nullable(),
  /** Slots that hold a code right now, from the last read (status enabled or disabled). */
  occupiedSlots: z.array(z.number().int()),
  /**
   * PIN and name rules beyond lengths and characters, in Seam's `code_constraints` vocabulary: from the lock's device
   * information (Z-Wave locks do not report them) or, once synced, from the cloud.
   */
  codeConstraints: z.array(codeConstraintSchema).default([]),
});
export type LockProfile = z.infer<typeof lockProfileSchema>;
