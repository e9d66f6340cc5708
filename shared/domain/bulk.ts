import { z } from 'zod';
import { codeNameSchema, pinSchema } from './pin-input';
import { localDateTimeSchema } from './local-time';
import { unitSchema } from './door-placement';
import { lockProtocolSchema } from './lock-address';

/**
 * Bulk codes: many codes on many doors in one sitting (a master code on every door, staff codes on the common doors,
 * a resident code per flat from a spreadsheet).
 *
 *   plan (doors + codes) ─▶ bulk.preview (per door: room, rules, scheduling, duplicates; PINs to generate chosen)
 *        ─▶ bulk.start: every ready code and its lock change in ONE durable commit per site, then acknowledged
 *        ─▶ the queue runs it (doors on different connections in parallel); bulk.changed reports progress + ETA
 *        ─▶ pause / resume / cancel / retry the failed
 */

const id = z.string().min(1).max(64);

/** A code's window in the site's local time. */
export const bulkWindowSchema = z.object({ starts: localDateTimeSchema, ends: localDateTimeSchema }).strict();

/** One code of a plan. */
export const bulkCodeInputSchema = z
  .object({
    name: codeNameSchema.nullable(),
    /** The PIN; null = generated once (by the preview) so that it fits every door it goes on. */
    pin: pinSchema.nullable(),
    /** Only the plan's doors of this unit get it (a resident's code); null = every door of the plan. */
    unit: unitSchema.nullable(),
    /** A time-bound code's window (site local time); null = ongoing. */
    window: bulkWindowSchema.nullable(),
  })
  .strict();
export type BulkCodeInput = z.infer<typeof bulkCodeInputSchema>;

/** Doors and codes: what the installer chose. */
export const bulkPlanSchema = z
  .object({
    siteId: id,
    doorIds: z.array(id).min(1, 'choose at least one door').max(500),
    codes: z.array(bulkCodeInputSchema).min(1, 'choose at least one code').max(2000),
    /**
     * The installer accepts that Lockbench itself switches time-bound codes on locks without native scheduling (this
     * laptop must reach the lock at each start and end); without it those codes are refused in the preview.
     */
    confirmLockbenchScheduling: z.boolean().default(false),
  })
  .strict();
export type BulkPlan = z.infer<typeof bulkPlanSchema>;

/** What the preview found for one code on one door. */
export const bulkVerdictSchema = z.enum([
  /** Will be created and put on the lock. */
  'ready',
  /** The lock (or its linked cloud device) would refuse this PIN or name: its rules are named in the message. */
  'refused',
  /** The PIN is already on this lock as another code (ours or one made elsewhere): never overwritten. */
  'duplicate',
  /** This exact code (name and PIN) is already managed on this door: nothing to do (a plan can be run twice). */
  'already_there',
  /** The lock has no free place left for it. */
  'no_room',
  /** A time-bound code on a lock without native scheduling, and the plan does not confirm Lockbench switches it. */
  'needs_confirmation',
]);
export type BulkVerdict = z.infer<typeof bulkVerdictSchema>;

/** One code on one door in the preview. */
export const bulkPreviewLineSchema = z.object({
  /** Index into the plan's codes. */
  input: z.number().int().min(0),
  name: z.string().nullable(),
  verdict: bulkVerdictSchema,
  /** Why it is not ready, in words; null when ready. */
  message: z.string().nullable(),
  /** Who switches a time-bound code on and off; null for an ongoing one. */
  scheduled_by: z.enum(['lock', 'lockbench', 'cloud']).nullable(),
  /** The window as instants (UTC ISO) after the site's time zone was applied; null for an ongoing code. */
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
});
export type BulkPreviewLine = z.infer<typeof bulkPreviewLineSchema>;

/** One door in the preview. */
export const bulkPreviewDoorSchema = z.object({
  door_id: z.string(),
  door_name: z.string(),
  protocol: lockProtocolSchema,
  /** The lock answers now (else its codes wait in the queue until it does). */
  is_connected: z.boolean(),
  /** Free code places on the lock before this plan (null when the lock's rules were never read). */
  free_places: z.number().int().min(0).nullable(),
  lines: z.array(bulkPreviewLineSchema),
  /** Consequences worth reading before the run (time zone, clock, who schedules, waiting for the lock), in words. */
  notes: z.array(z.string()),
});
export type BulkPreviewDoor = z.infer<typeof bulkPreviewDoorSchema>;

/** The whole preview: per door, plus the PINs the run will use (generated ones filled in). */
export const bulkPreviewSchema = z.object({
  /** Per plan code, the PIN it will have (a generated PIN is chosen here, fitting all its doors). */
  pins: z.array(z.string().nullable()),
  doors: z.array(bulkPreviewDoorSchema),
  totals: z.object({ ready: z.number().int(), not_ready: z.number().int() }),
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

/** A bulk run as stored (in the site's file, with the codes and operations it made). */
export const bulkRunSchema = z.object({
  run_id: z.string(),
  site_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** `running` lets the queue work; `paused` holds its waiting changes (a running command finishes); `cancelled` withdrew what had not reached the locks. */
  state: z.enum(['running', 'paused', 'cancelled']),
  door_ids: z.array(z.string()),
  /** The codes it created, by door and plan index. */
  items: z.array(z.object({ door_id: z.string(), access_code_id: z.string(), input: z.number().int() })),
  /** What the preview did not let through, and why. */
  skipped: z.array(z.object({ door_id: z.string(), input: z.number().int(), name: z.string().nullable(), reason: z.string() })),
});
export type BulkRun = z.infer<typeof bulkRunSchema>;

/** Where one code of a run stands. */
export const bulkItemStateSchema = z.enum(['waiting', 'running', 'done', 'later', 'failed', 'cancelled']);
export type BulkItemState = z.infer<typeof bulkItemStateSchema>;

const countsSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  /** Loaded later by design (a time-bound code far ahead): nothing to do in this sitting. */
  later: z.number().int(),
  waiting: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
});
export type BulkCounts = z.infer<typeof countsSchema>;

/** A run as the wizard shows it: per door and overall progress, the ETA, and what failed and why. */
export const bulkRunViewSchema = bulkRunSchema.omit({ items: true }).extend({
  /** `finished`: nothing of it waits or runs any more (some may have failed). */
  phase: z.enum(['running', 'paused', 'cancelled', 'finished']),
  totals: countsSchema,
  /** Share of its codes settled (done, later, failed or cancelled), 0–1. */
  progress: z.number().min(0).max(1),
  /** Seconds left, learned from the locks' measured speed on each connection; null when nothing is left or not known. */
  eta_seconds: z.number().min(0).nullable(),
  /** `measured`: from codes done in this run; `estimated`: from typical speeds, before the first ones are done. */
  eta_basis: z.enum(['measured', 'estimated']).nullable(),
  doors: z.array(
    countsSchema.extend({
      door_id: z.string(),
      door_name: z.string(),
      failures: z.array(z.object({ access_code_id: z.string(), code_name: z.string().nullable(), operation_id: z.string().nullable(), message: z.string() })),
    }),
  ),
});
export type BulkRunView = z.infer<typeof bulkRunViewSchema>;

/** One row of a CSV import the import refused, with its line in the file and the reason. */
export const csvRowProblemSchema = z.object({ line: z.number().int().min(1), reason: z.string() });
export type CsvRowProblem = z.infer<typeof csvRowProblemSchema>;

/** A CSV read for a plan: the good rows as codes, the bad ones each with its line and reason. */
export const csvImportSchema = z.object({
  codes: z.array(bulkCodeInputSchema),
  /** Per code, the line it came from (same order as `codes`). */
  lines: z.array(z.number().int().min(1)),
  problems: z.array(csvRowProblemSchema),
});
export type CsvImport = z.infer<typeof csvImportSchema>;
