import { z } from 'zod';

/** What a queued change does on the lock. Creating and updating a code are both a `set_code` on its slot. */
export const operationKindSchema = z.enum(['set_code', 'remove_code']);
export type OperationKind = z.infer<typeof operationKindSchema>;

/**
 * Where a queued change stands: `waiting` (for its door's lock, its time, or its next retry), `running` (on the
 * radio now), `failed` (stopped: needs the installer), `done`, `cancelled`.
 */
export const operationStateSchema = z.enum(['waiting', 'running', 'failed', 'done', 'cancelled']);
export type OperationState = z.infer<typeof operationStateSchema>;

/**
 * Why an operation exists, so the queue panel can say it: a code the installer created (`new_code`), a time-bound
 * code Lockbench puts on at its start (`window_start`) or a native one loaded ahead (`preload`); a removal the
 * installer asked for (`installer_removed`), one that clears a cancelled code that may have reached the lock
 * (`cancelled_set`), one at a time-bound code's end (`window_end`), an unmanaged code being cleared (`clear_unmanaged`),
 * a code the cloud deleted that Lockbench had put on the lock (`cloud_removed`), or a code renamed on a lock that keeps
 * code names (`renamed`: its new name is given to the lock; the code keeps working meanwhile, whatever happens).
 */
export const operationReasonSchema = z.enum([
  'new_code',
  'window_start',
  'preload',
  'installer_removed',
  'cancelled_set',
  'window_end',
  'clear_unmanaged',
  'cloud_removed',
  'renamed',
]);
export type OperationReason = z.infer<typeof operationReasonSchema>;

/**
 * One change to apply to a lock, kept on disk from the moment it is acknowledged until it is done or cancelled.
 * `is_ambiguous` is written to disk BEFORE a command goes on the air and cleared once the lock has answered for sure:
 * after a crash or a pulled stick, an operation that is not ambiguous never reached the lock (a removal can simply
 * withdraw it, no radio), and one that is may have (its slot is read before anything else is sent).
 */
export const operationSchema = z.object({
  operation_id: z.string(),
  access_code_id: z.string(),
  door_id: z.string(),
  kind: operationKindSchema,
  state: operationStateSchema,
  attempts: z.number().int().min(0),
  /** Why it exists (null on operations stored before this was recorded). */
  reason: operationReasonSchema.nullable().default(null),
  /** Not to run before this instant: the next retry (backoff) or a time-bound code's preload time. */
  not_before: z.string().nullable(),
  /** The command may have reached the lock (see above). */
  is_ambiguous: z.boolean(),
  last_error: z.object({ code: z.string(), message: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The bulk run it belongs to (paused with it, counted in its progress); null for a change made on its own. */
  run_id: z.string().nullable().default(null),
});
export type Operation = z.infer<typeof operationSchema>;

/** A queue line as the installer sees it: the operation plus the door and code it is for, and whether it is on air. */
export const queueItemSchema = operationSchema.extend({
  door_name: z.string(),
  code_name: z.string().nullable(),
  /** The slot the change is for (the code's slot now; null when it has none). */
  slot: z.number().int().nullable().default(null),
  is_running: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
