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
 * One change to apply to a lock, kept on disk from the moment it is acknowledged until it is done or cancelled.
 * An interrupted `running` operation (crash, pulled stick) is `is_ambiguous`: the lock may or may not have it, so the
 * slot is read back before anything is sent again.
 */
export const operationSchema = z.object({
  operation_id: z.string(),
  access_code_id: z.string(),
  door_id: z.string(),
  kind: operationKindSchema,
  state: operationStateSchema,
  attempts: z.number().int().min(0),
  /** Not to run before this instant: the next retry (backoff) or a time-bound code's preload time. */
  not_before: z.string().nullable(),
  is_ambiguous: z.boolean(),
  last_error: z.object({ code: z.string(), message: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Operation = z.infer<typeof operationSchema>;

/** A queue line as the installer sees it: the operation plus the door and code it is for, and whether it is on air. */
export const queueItemSchema = operationSchema.extend({
  door_name: z.string(),
  code_name: z.string().nullable(),
  is_running: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
