import { z } from 'zod';
import { codeConstraintSchema } from './code-constraints';

/**
 * How the link to the lock is secured: the Z-Wave security class it was included with (keypad locks are normally S2
 * Access Control), or `app_key` — a key agreed when Lockbench paired with the lock, used by the lock's own protocol
 * (Nuki: X25519 + XSalsa20-Poly1305).
 */
export const securityClassSchema = z.enum([
  'app_key',
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

/**
 * Where the PIN lengths in a profile come from: a setting read from the lock, its device file, the lock's protocol
 * (Nuki keypad codes are always 6 digits), what Lockbench learned, or nothing.
 */
export const codeLengthsSourceSchema = z.enum(['lock_setting', 'device_file', 'protocol', 'learned', 'unknown']);
export type CodeLengthsSource = z.infer<typeof codeLengthsSourceSchema>;

/** A code slot the lock keeps for itself (e.g. its admin / master code): never offered, never written. */
export const reservedSlotSchema = z.object({ slot: z.number().int(), reason: z.string() });
export type ReservedSlot = z.infer<typeof reservedSlotSchema>;

/**
 * Where a lock keeps its codes: numbered slots Lockbench chooses (Z-Wave User Code), or ids the lock gives each code
 * it adds (Nuki keypad codes). Either way a code's `slot` is that number once known.
 */
export const codePlacesSchema = z.enum(['slots', 'lock_ids']);
export type CodePlaces = z.infer<typeof codePlacesSchema>;

/**
 * How a lock proves codes: `read_back` one slot at a time (with a `checksum` over all slots for batches where the lock
 * has one), or a `list` of every code it holds.
 */
export const codeProofModeSchema = z.enum(['read_back', 'list']);
export type CodeProofMode = z.infer<typeof codeProofModeSchema>;

/** What a lock is and can do, read from the lock by its driver — the input of the capability check. */
const lockProfileFields = z.object({
  /** The lock's address on its connection (a Z-Wave node id, a Bluetooth address). */
  address: z.string(),
  codePlaces: codePlacesSchema.default('slots'),
  codeProof: codeProofModeSchema.default('read_back'),
  /** The lock keeps a name with each code (Nuki): a code renamed in Lockbench is renamed on the lock too. */
  keepsCodeNames: z.boolean().default(false),
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
  /** The keypad's own battery is low (a keypad that reports it, e.g. Nuki Keypad); null when the lock does not say. */
  isKeypadBatteryLow: z.boolean().nullable().default(null),
  doorState: z.enum(['locked', 'unlocked', 'unknown']),
  /** Lock's time-zone offset (minutes east of UTC) from Schedule Entry Lock/Time Parameters, when it reports one. */
  clockOffsetMinutes: z.number().int().nullable(),
  /** The lock's own clock as read (ISO 8601 UTC), when it reports one; null otherwise. */
  lockTime: z.string().nullable().default(null),
  /** Slots that hold a code right now, from the last read (status enabled or disabled). */
  occupiedSlots: z.array(z.number().int()),
  /**
   * PIN and name rules beyond lengths and characters, in Seam's `code_constraints` vocabulary: from the lock's device
   * information (Z-Wave locks do not report them) or, once synced, from the cloud.
   */
  codeConstraints: z.array(codeConstraintSchema).default([]),
});

/** Profiles stored before Bluetooth named the Z-Wave node (`nodeId: 5`); today's name is the address ("5"). */
function fromEarlierProfile(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'address' in value || !('nodeId' in value)) return value;
  const { nodeId, ...rest } = value as { nodeId: unknown };
  return { ...rest, address: String(nodeId) };
}

/** A lock profile, as stored (earlier versions' profiles are read into today's shape) and sent. */
export const lockProfileSchema = z.preprocess(fromEarlierProfile, lockProfileFields);
export type LockProfile = z.infer<typeof lockProfileFields>;
