import { z } from 'zod';

/** Lifecycle of a code on its lock, in the Seam Access Codes vocabulary. */
export const accessCodeStatusSchema = z.enum(['unset', 'setting', 'set', 'removing']);
export type AccessCodeStatus = z.infer<typeof accessCodeStatusSchema>;

/** Seam error types that can sit on an access code. */
export const accessCodeErrorCodeSchema = z.enum([
  'failed_to_set_on_device',
  'failed_to_remove_from_device',
  'duplicate_code_on_device',
  'no_space_for_access_code_on_device',
  'code_constraints_violated',
]);
export type AccessCodeErrorCode = z.infer<typeof accessCodeErrorCodeSchema>;

/** Seam warning types that can sit on an access code. */
export const accessCodeWarningCodeSchema = z.enum(['delay_in_setting_on_device', 'delay_in_removing_from_device']);
export type AccessCodeWarningCode = z.infer<typeof accessCodeWarningCodeSchema>;

/** How a lock proved it holds a code: read back, a checksum over every slot, slot status (masking locks), a code list. */
export const codeProofSchema = z.enum(['read_back', 'checksum', 'slot_status', 'list']);
export type CodeProof = z.infer<typeof codeProofSchema>;

/** One error or warning on a code, with when it was raised and what happened, in words. */
export const accessCodeIssueSchema = z.object({
  error_code: z.string(),
  message: z.string(),
  created_at: z.string(),
});
export type AccessCodeIssue = z.infer<typeof accessCodeIssueSchema>;

/** Seam event types Lockbench records on a code. */
export const accessCodeEventTypeSchema = z.enum([
  'access_code.created',
  'access_code.scheduled_on_device',
  'access_code.set_on_device',
  'access_code.failed_to_set_on_device',
  'access_code.delay_in_setting_on_device',
  'access_code.removed_from_device',
  'access_code.failed_to_remove_from_device',
  'access_code.deleted',
  'access_code.used_on_keypad',
]);
export type AccessCodeEventType = z.infer<typeof accessCodeEventTypeSchema>;

/** An event in a code's history. */
export const accessCodeEventSchema = z.object({
  event_type: accessCodeEventTypeSchema,
  occurred_at: z.string(),
});
export type AccessCodeEvent = z.infer<typeof accessCodeEventSchema>;

/** The fields of a code both sides may change; a conflict shows both versions of these. */
export const codeVersionSchema = z.object({
  name: z.string().nullable(),
  code: z.string(),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
});
export type CodeVersion = z.infer<typeof codeVersionSchema>;

/**
 * A local code's life in the cloud: its cloud id, the version both sides last agreed on (`base`: a change on either
 * side is a difference from it), what the cloud says about it, and a conflict waiting for the installer.
 */
export const codeCloudStateSchema = z.object({
  /** The cloud's access_code_id; null until the code is created (or found and converted) in the cloud. */
  access_code_id: z.string().nullable(),
  device_id: z.string(),
  base: codeVersionSchema.nullable(),
  /** The cloud's status for the code (null until it reported one). */
  status: accessCodeStatusSchema.nullable(),
  errors: z.array(accessCodeIssueSchema),
  warnings: z.array(accessCodeIssueSchema),
  /** When the cloud last confirmed this record (a read of the code), null until then. */
  synced_at: z.string().nullable(),
  /** The cloud deleted the code; the local record is kept for its history. */
  removed_in_cloud: z.boolean(),
  /** Changed on both sides since `base`: the cloud's version, waiting for the installer to choose. */
  conflict: z.object({ cloud: codeVersionSchema, seen_at: z.string() }).nullable(),
});
export type CodeCloudState = z.infer<typeof codeCloudStateSchema>;

/**
 * An access code managed by Lockbench on one door. Field names follow Seam's access_code object where one exists.
 * `code` is the PIN: shown to the installer, never logged.
 */
export const accessCodeSchema = z.object({
  access_code_id: z.string(),
  door_id: z.string(),
  name: z.string().nullable(),
  code: z.string(),
  type: z.enum(['ongoing', 'time_bound']),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  /** Z-Wave user id (slot) the code occupies; null until one is allocated. */
  slot: z.number().int().nullable(),
  status: accessCodeStatusSchema,
  /** True once Lockbench has removed the code from the lock; the record is kept for the history. */
  is_removed: z.boolean(),
  errors: z.array(accessCodeIssueSchema),
  warnings: z.array(accessCodeIssueSchema),
  events: z.array(accessCodeEventSchema),
  /**
   * Who switches a time-bound code on and off: the lock itself (native year-day schedule); Lockbench (a lock without
   * native scheduling on a door not linked to the cloud: the queue puts the code on at its start and takes it off at
   * its end, so the laptop must be connected then); or the cloud, once the door is linked to a cloud device that
   * schedules codes itself. Null for ongoing codes.
   */
  scheduled_by: z.enum(['lock', 'lockbench', 'cloud']).nullable().default(null),
  /** When the lock last proved it holds this code (see `verified_by`); null while it never has. */
  verified_at: z.string().nullable().default(null),
  /** How the lock last proved it: the slot read back, a checksum over all slots, the slot's status on a PIN-masking lock. */
  verified_by: codeProofSchema.nullable().default(null),
  /** The code's life in the cloud once its door is linked to a cloud device; null while it has none. */
  cloud: codeCloudStateSchema.nullable().default(null),
  /**
   * Where the code came from: Lockbench made it, or it was found on the lock (made elsewhere) and the installer took it
   * under management as it was (`adopted`) or had it cleared (`cleared`). The commissioning report says what was decided.
   */
  origin: z.enum(['lockbench', 'adopted', 'cleared']).default('lockbench'),
  /** The bulk run that created it (a building's codes in one sitting); null for a code made one at a time. */
  run_id: z.string().nullable().default(null),
  /** Last keypad unlock with this code's user id, reported by the lock (proof of use). */
  last_used_at: z.string().nullable().default(null),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AccessCode = z.infer<typeof accessCodeSchema>;
