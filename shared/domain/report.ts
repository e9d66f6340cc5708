import { z } from 'zod';
import { displayNameSchema } from './display-name';
import { codeProofSchema, accessCodeStatusSchema } from './access-code';
import { doorGroupSchema } from './door-placement';
import { lockProtocolSchema } from './lock-address';
import { verdictSchema } from './capability';

/**
 * The commissioning report: what is on every door and how the lock proved it, handed over at the end of a job. It is
 * built from what was stored (the capability check as it was then, the proofs as the locks gave them), never
 * recomputed, and rendered as PDF for people and CSV for systems.
 */

/** What the installer asks for. */
export const reportRequestSchema = z
  .object({
    siteId: z.string().min(1).max(64),
    /** Chosen doors; null = every door of the site. */
    doorIds: z.array(z.string().min(1).max(64)).min(1).max(500).nullable().default(null),
    installerName: displayNameSchema({ min: 1, max: 80, what: 'installer name' }),
    paper: z.enum(['a4', 'letter']).default('a4'),
    format: z.enum(['pdf', 'csv']),
    /** Full PINs in the document (the default masks them). */
    showPins: z.boolean().default(false),
  })
  .strict();
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** A built file, ready to save: the browser host downloads it; the desktop app saves it with a dialog. */
export const builtFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64. */
  base64: z.string(),
  bytes: z.number().int().min(0),
});
export type BuiltFile = z.infer<typeof builtFileSchema>;

/**
 * What became of a file given to the platform to save: written where the installer picked in the desktop app's save
 * dialog, not saved (the dialog was closed), or handed back for the page to download (the browser host).
 */
export const savedFileSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('download'), file: builtFileSchema }),
]);
export type SavedFile = z.infer<typeof savedFileSchema>;

/** One code in the report. `pin` is masked unless the installer asked for full PINs. */
export const reportCodeSchema = z.object({
  name: z.string().nullable(),
  pin: z.string(),
  type: z.enum(['ongoing', 'time_bound']),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  status: accessCodeStatusSchema,
  /** Where on the lock (a slot / the lock's code id); null when it has none yet. */
  slot: z.number().int().nullable(),
  /** How and when the lock last proved it holds the code; null when it never has. */
  proven_by: codeProofSchema.nullable(),
  proven_at: z.string().nullable(),
  /** Last keypad unlock seen with it (proof of use); null when none was seen. */
  last_used_at: z.string().nullable(),
  scheduled_by: z.enum(['lock', 'lockbench', 'cloud']).nullable(),
  /** Errors on the code, in words (PIN never included). */
  errors: z.array(z.string()),
});
export type ReportCode = z.infer<typeof reportCodeSchema>;

/** A code found on the lock that Lockbench did not create, and what was decided about it. */
export const reportForeignCodeSchema = z.object({
  slot: z.number().int().nullable(),
  /** Always masked: Lockbench did not create it. */
  pin: z.string().nullable(),
  decision: z.enum(['adopted', 'cleared', 'left']),
  /** When it was decided (null for one left as it is). */
  decided_at: z.string().nullable(),
});

/** Something still open on a door. */
export const reportProblemSchema = z.object({
  kind: z.enum(['failed_code', 'waiting_code', 'low_battery', 'keypad_battery_low', 'clock_off', 'check_failed', 'never_checked', 'not_answering']),
  message: z.string(),
});
export type ReportProblem = z.infer<typeof reportProblemSchema>;

/** One door in the report. */
export const reportDoorSchema = z.object({
  door_id: z.string(),
  name: z.string(),
  floor: z.string().nullable(),
  group: doorGroupSchema.nullable(),
  unit: z.string().nullable(),
  protocol: lockProtocolSchema,
  address: z.string(),
  lock: z
    .object({
      manufacturer: z.string().nullable(),
      model: z.string().nullable(),
      firmware: z.string().nullable(),
      serial: z.string().nullable(),
      battery_level: z.number().int().nullable(),
    })
    .nullable(),
  /** The latest capability check as stored then; null when the door was never checked. */
  check: z
    .object({
      checked_at: z.string(),
      overall: verdictSchema,
      items: z.array(z.object({ label: z.string(), verdict: verdictSchema, finding: z.string() })),
    })
    .nullable(),
  codes: z.array(reportCodeSchema),
  from_elsewhere: z.array(reportForeignCodeSchema),
  problems: z.array(reportProblemSchema),
});
export type ReportDoor = z.infer<typeof reportDoorSchema>;

/** The whole report, as the PDF and CSV renderers receive it. */
export const commissioningReportSchema = z.object({
  site: z.object({ id: z.string(), name: z.string(), time_zone: z.string() }),
  installer_name: z.string(),
  produced_at: z.string(),
  app_version: z.string(),
  show_pins: z.boolean(),
  summary: z.object({
    doors: z.number().int(),
    /** Doors with no open problem. */
    doors_without_problems: z.number().int(),
    codes: z.number().int(),
    codes_proven: z.number().int(),
    codes_failed: z.number().int(),
    codes_waiting: z.number().int(),
    codes_used: z.number().int(),
    problems: z.number().int(),
  }),
  doors: z.array(reportDoorSchema),
});
export type CommissioningReport = z.infer<typeof commissioningReportSchema>;
