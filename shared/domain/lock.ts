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

/** Where the PIN lengths in a profile come from: a setting read from the lock, its device file, what Lockbench learned, or nothing. */
export const codeLengthsSourceSchema = z.enum(['lock_setting', 'device_file', 'learned', 'unknown']);
export type CodeLengthsSource = z.infer<typeof codeLengthsSourceSchema>;

/** A code slot the lock keeps for itself (e.g. its admin / master code): never offered, never written. */
export const reservedSlotSchema = z.object({ slot: z.number().int(), reason: z.string() });
export type ReservedSlot = z.infer<typeof reservedSlotSchema>;

/** What a lock is and can do, read from the lock (and zwave-js's cache) — the input of the capability check. */
export const lockProfileSchema = z.object({
  nodeId: z.number().int(),
  manufacturer: z.string(),
  model: z.string(),
  firmwareVersion: z.string().nullable(),
  securityClass: securityClassSchema,
  /** The node answers (not dead / not asleep beyond reach). */
  isOnline: z.boolean(),
  /** Since when the lock has not been answering (null while it answers or when unknown). */
  offlineSince: z.string().nullable().default(null),
  /** When this profile was last read from the lock itself (fresh Gets answered); null if never. */
  readAt: z.string().nullable().default(null),
  /** User Code CC present: the lock can hold access codes at all. */
  supportsAccessCodes: z.boolean(),
  /** Number of user code slots (0 when unknown). */
  slotCount: z.number().int().min(0),
  /**
   * Lengths Lockbench lets through to this lock, ascending. When `codeLengthsSource` is `unknown` this is the whole
   * range the protocol allows (Z-Wave: 4–10) minus lengths the lock has refused: the capability check warns.
   */
  supportedCodeLengths: z.array(z.number().int()),
  codeLengthsSource: codeLengthsSourceSchema.default('unknown'),
  /** Where the lengths come from, in words ("the lock's User Code PIN Length setting is 6"); null when there is nothing to say. */
  codeLengthsNote: z.string().nullable().default(null),
  /** Slots inside 1..slotCount that are not for access codes (admin code…), from the device file or the lock. */
  reservedSlots: z.array(reservedSlotSchema).default([]),
  /** Z-Wave manufacturer id, product type and product id as 0x-hex, when known (identity in reports). */
  deviceIds: z.object({ manufacturerId: z.string(), productType: z.string(), productId: z.string() }).nullable().default(null),
  /** The lock's serial number when it tells one (used to match it to a cloud device); null when unknown. */
  serialNumber: z.string().nullable().default(null),
  pinCharset: pinCharsetSchema,
  /** Schedule Entry Lock CC with year-day slots: the lock enforces start/end itself. */
  nativeScheduling: z.boolean(),
  /** The lock can report a checksum over all its user codes (User Code CC v2). */
  supportsChecksum: z.boolean(),
  /** Percent, or null when the lock has no Battery CC or never reported one. May be from an earlier read: see batteryReadAt. */
  batteryLevel: z.number().int().min(0).max(100).nullable(),
  /** When the lock reported `batteryLevel`; null when it never did. */
  batteryReadAt: z.string().nullable().default(null),
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
