import { z } from 'zod';

/** The items of the capability check, in the order the wizard shows them. */
export const capabilityItemKeySchema = z.enum([
  'access_codes',
  'online',
  'security',
  'slots',
  'code_lengths',
  'characters',
  'pin_rules',
  'native_scheduling',
  'battery',
  'clock',
]);
export type CapabilityItemKey = z.infer<typeof capabilityItemKeySchema>;

/** Pass / warn / fail, per item and for the door overall (the worst item). */
export const verdictSchema = z.enum(['pass', 'warn', 'fail']);
export type Verdict = z.infer<typeof verdictSchema>;

/** One line of the report: what was found, and for a warn or fail what to do about it. */
export const capabilityItemSchema = z.object({
  key: capabilityItemKeySchema,
  label: z.string(),
  verdict: verdictSchema,
  finding: z.string(),
  advice: z.string().nullable(),
  /** Where the finding came from: the lock (read over the radio), the cloud (the linked device's facts), or both. */
  source: z.enum(['lock', 'cloud', 'lock_and_cloud']).default('lock'),
});
export type CapabilityItem = z.infer<typeof capabilityItemSchema>;

/** The capability check's result for one door. */
export const capabilityReportSchema = z.object({
  door_id: z.string(),
  checked_at: z.string(),
  overall: verdictSchema,
  items: z.array(capabilityItemSchema),
  /** Codes found on the lock that Lockbench did not create, from this check's read; null when the slots could not be read now. */
  codes_from_elsewhere: z.number().int().min(0).nullable().default(null),
});
export type CapabilityReport = z.infer<typeof capabilityReportSchema>;
