import { z } from 'zod';
import { codeConstraintSchema } from './code-constraints';
import { codeVersionSchema } from './access-code';
import { errorCodeSchema } from '../error-codes';

/**
 * The cloud account Lockbench syncs with (Seam Connect). The secret itself (API key or personal access token) is
 * never here: it lives in the secrets vault (OS keychain in the desktop app) and never reaches the renderer.
 * `demo` is the local demo cloud (Seam's fake server on 127.0.0.1, seeded with devices matching the demo locks).
 */
export const cloudAccountKindSchema = z.enum(['demo', 'api_key', 'personal_access_token']);
export type CloudAccountKind = z.infer<typeof cloudAccountKindSchema>;

/** Seam's API endpoint (used when the installer does not name another one). */
export const SEAM_ENDPOINT = 'https://connect.getseam.com';

/** The stored, non-secret half of the account. */
export const cloudAccountSchema = z.object({
  kind: cloudAccountKindSchema,
  /** Required with a personal access token; the workspace the key belongs to otherwise (read when the key is checked). */
  workspaceId: z.string().nullable(),
  workspaceName: z.string().nullable(),
  /** Seam's endpoint by default; the demo cloud's loopback address for `demo` (chosen at each start). */
  endpoint: z.string(),
  /** When the key was last accepted by the cloud. */
  checkedAt: z.string().nullable(),
});
export type CloudAccount = z.infer<typeof cloudAccountSchema>;

/**
 * An endpoint the key may be sent to: https, or plain http only to this computer (a local test or demo server) —
 * never a key in clear over a network.
 */
const endpointSchema = z
  .url({ protocol: /^https?$/ })
  .max(200)
  .refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url), {
    message: 'must start with https:// (plain http:// only to this computer)',
  });

/** What the installer types in the account form (the secret travels once, renderer → main, and is never sent back). */
export const cloudAccountInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z
    .object({
      kind: z.literal('api_key'),
      apiKey: z.string().trim().min(8, 'an API key is at least 8 characters').max(200),
      endpoint: endpointSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('personal_access_token'),
      token: z.string().trim().min(8, 'a personal access token is at least 8 characters').max(200),
      workspaceId: z.string().trim().min(1, 'a personal access token needs the workspace id').max(100),
      endpoint: endpointSchema.optional(),
    })
    .strict(),
]);
export type CloudAccountInput = z.infer<typeof cloudAccountInputSchema>;

/** What the cloud says about one of its locks: the facts the capability check merges in (source: cloud). */
export const cloudDeviceFactsSchema = z.object({
  device_id: z.string(),
  name: z.string(),
  /** Manufacturer and model as the cloud reports them (display names), when it does. */
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  serial_number: z.string().nullable(),
  online: z.boolean(),
  can_program_online_access_codes: z.boolean(),
  supported_code_lengths: z.array(z.number().int()),
  max_active_codes_supported: z.number().int().nullable(),
  code_constraints: z.array(codeConstraintSchema),
  battery_level: z.number().min(0).max(1).nullable(),
  /** The device's warnings and errors (offline, low battery…), as the cloud words them. */
  warnings: z.array(z.object({ warning_code: z.string(), message: z.string() })),
  errors: z.array(z.object({ error_code: z.string(), message: z.string() })),
  /** When Lockbench read these facts. */
  read_at: z.string(),
});
export type CloudDeviceFacts = z.infer<typeof cloudDeviceFactsSchema>;

/** A door's link to a cloud device. */
export const doorCloudLinkSchema = z.object({
  device_id: z.string(),
  linked_at: z.string(),
  facts: cloudDeviceFactsSchema.nullable(),
});
export type DoorCloudLink = z.infer<typeof doorCloudLinkSchema>;

/** A cloud device offered for a door in the link wizard, with why it was suggested. */
export const linkSuggestionSchema = z.object({
  door_id: z.string(),
  device_id: z.string(),
  reason: z.enum(['serial', 'name', 'model']),
});
export type LinkSuggestion = z.infer<typeof linkSuggestionSchema>;

/**
 * One change waiting to reach the cloud, written in the same commit as the local change it carries (see
 * electron/core/sync/outbox-rules.ts). `sent_at` is written before the request goes out: an entry found with it after a
 * crash may have reached the cloud, so it is looked up before it is sent again.
 */
export const outboxEntrySchema = z.object({
  entry_id: z.string(),
  access_code_id: z.string(),
  door_id: z.string(),
  kind: z.enum(['create', 'update', 'delete']),
  state: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int().min(0),
  not_before: z.string().nullable(),
  sent_at: z.string().nullable(),
  last_error: z.object({ code: z.string(), message: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** A code on a linked cloud device that Lockbench did not create (made in the cloud, or unmanaged there). PIN not kept. */
export const cloudForeignCodeSchema = z.object({
  door_id: z.string(),
  cloud_access_code_id: z.string(),
  name: z.string().nullable(),
  type: z.enum(['ongoing', 'time_bound']),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  status: z.string(),
  is_managed: z.boolean(),
  seen_at: z.string(),
});
export type CloudForeignCode = z.infer<typeof cloudForeignCodeSchema>;

/** The sync indicator: is there an account, is the cloud reachable, what is happening, what is left. */
export const syncStatusSchema = z.object({
  account: cloudAccountSchema.nullable(),
  state: z.enum(['no_account', 'idle', 'syncing', 'offline', 'error']),
  /** Steps done and to do in the sync running now. */
  progress: z.object({ done: z.number().int(), total: z.number().int(), message: z.string() }).nullable(),
  /** Local changes not yet in the cloud (all sites). */
  pending: z.number().int().min(0),
  /** Codes changed on both sides, waiting for the installer. */
  conflicts: z.number().int().min(0),
  lastSuccessAt: z.string().nullable(),
  lastError: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  /** When the next background sync runs. */
  nextAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A conflict as the renderer shows it: both versions side by side. */
export const codeConflictSchema = z.object({
  access_code_id: z.string(),
  door_id: z.string(),
  door_name: z.string(),
  /** The door's site's IANA zone: both versions' times are shown in it. */
  time_zone: z.string(),
  laptop: codeVersionSchema,
  cloud: codeVersionSchema,
  seen_at: z.string(),
});
export type CodeConflict = z.infer<typeof codeConflictSchema>;

