import type { Operation } from '../../../shared/domain/operation';
import type {
  AccessCode,
  CodeCloudState,
  AccessCodeErrorCode,
  AccessCodeEventType,
  AccessCodeStatus,
  AccessCodeWarningCode,
} from '../../../shared/domain/access-code';

/** Fields needed to create a new ongoing code record. */
export interface NewCode {
  id: string;
  doorId: string;
  name: string | null;
  pin: string;
  slot: number | null;
  at: Date;
  /** The bulk run making it, if any. */
  runId?: string | null;
}

/** A new ongoing code, `setting` on its slot, with its `access_code.created` event. */
export function newOngoingCode(input: NewCode): AccessCode {
  const at = input.at.toISOString();
  return {
    access_code_id: input.id,
    door_id: input.doorId,
    name: input.name,
    code: input.pin,
    type: 'ongoing',
    starts_at: null,
    ends_at: null,
    slot: input.slot,
    status: 'setting',
    is_removed: false,
    errors: [],
    warnings: [],
    events: [{ event_type: 'access_code.created', occurred_at: at }],
    scheduled_by: null,
    verified_at: null,
    verified_by: null,
    last_used_at: null,
    cloud: null,
    origin: 'lockbench',
    run_id: input.runId ?? null,
    created_at: at,
    updated_at: at,
  };
}

/** A change to apply to a code record: new status, an event, an error or warning to add, or all cleared. */
export interface CodeTransition {
  status?: AccessCodeStatus;
  event?: AccessCodeEventType;
  error?: { code: AccessCodeErrorCode; message: string };
  warning?: { code: AccessCodeWarningCode; message: string };
  clearIssues?: boolean;
  isRemoved?: boolean;
}

/** Applies a transition in place (inside a store update) and stamps `updated_at`. */
export function applyTransition(code: AccessCode, t: CodeTransition, at: Date): AccessCode {
  const when = at.toISOString();
  if (t.clearIssues) {
    code.errors = [];
    code.warnings = [];
  }
  if (t.status) code.status = t.status;
  if (t.isRemoved !== undefined) code.is_removed = t.isRemoved;
  if (t.event) code.events.push({ event_type: t.event, occurred_at: when });
  if (t.error) code.errors = [...code.errors.filter((e) => e.error_code !== t.error!.code), { error_code: t.error.code, message: t.error.message, created_at: when }];
  if (t.warning && !code.warnings.some((w) => w.error_code === t.warning!.code)) {
    code.warnings.push({ error_code: t.warning.code, message: t.warning.message, created_at: when });
  }
  code.updated_at = when;
  return code;
}

/** Codes that occupy a slot on their lock (or are about to): everything not yet removed. */
export function isActive(code: AccessCode): boolean {
  return !code.is_removed;
}

/** The lock has confirmed this code at some point (read back, checksum, preloaded with its schedule, or adopted as found). */
export function wasConfirmedOnLock(code: AccessCode): boolean {
  return code.verified_at !== null || code.events.some((e) => e.event_type === 'access_code.set_on_device' || e.event_type === 'access_code.scheduled_on_device');
}

/**
 * An operation that only gives a code already on the lock its new name (reason `renamed`): whatever becomes of it, the
 * code keeps working on the lock, so it never changes the code's status, errors or warnings.
 */
export function isNameOnly(op: Operation): boolean {
  return op.kind === 'set_code' && op.reason === 'renamed';
}

/**
 * Whether the code may be on its lock now: confirmed there once, or one of its Sets may have gone out (marked on air
 * durably before sending — see Operation.is_ambiguous — or on the radio right now). False means it never reached the
 * lock, so withdrawing it needs no radio at all, also after a crash.
 */
export function mayBeOnLock(code: AccessCode, operations: readonly Operation[], isRunning: (operationId: string) => boolean): boolean {
  if (wasConfirmedOnLock(code)) return true;
  return operations.some((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code' && (o.is_ambiguous || isRunning(o.operation_id)));
}

/** A code's cloud life on `deviceId` as it starts: nothing known in the cloud yet ("not in the cloud yet"). */
export function emptyCloudState(deviceId: string): CodeCloudState {
  return { access_code_id: null, device_id: deviceId, base: null, status: null, errors: [], warnings: [], synced_at: null, removed_in_cloud: false, conflict: null };
}
