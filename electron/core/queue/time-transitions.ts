import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation } from '../../../shared/domain/operation';

/**
 * A transition the time keeper owes a code now:
 * - `adopt_lockbench`: a code stored as scheduled by the cloud that has no cloud device (any more): Lockbench takes over;
 * - `start_native`: a code preloaded with its year-day schedule reaches its start (the lock switches it on itself);
 * - `start_lockbench`: a Lockbench-scheduled code reaches its start (its Set becomes due);
 * - `end`: any code reaches its end.
 */
export type Transition = 'adopt_lockbench' | 'start_native' | 'start_lockbench' | 'end';

/** Which transition `code` is due for at `now`, or null. Pure: the time keeper applies it. */
export function transitionDue(code: AccessCode, operations: readonly Operation[], now: Date): Transition | null {
  if (code.type !== 'time_bound' || code.is_removed || !code.starts_at || !code.ends_at) return null;
  // The cloud switches a code it schedules; one whose door is no longer linked (no cloud state) is Lockbench's again.
  if (code.scheduled_by === 'cloud') return code.cloud && !code.cloud.removed_in_cloud ? null : 'adopt_lockbench';
  if (new Date(code.ends_at) <= now) return code.status === 'removing' ? null : 'end';
  if (new Date(code.starts_at) > now) return null;
  if (code.scheduled_by === 'lock') {
    const wasScheduled = code.events.some((e) => e.event_type === 'access_code.scheduled_on_device');
    return code.status === 'unset' && wasScheduled ? 'start_native' : null;
  }
  if (code.scheduled_by === 'lockbench' && code.status === 'unset') {
    const hasFailed = operations.some((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code' && o.state === 'failed');
    return hasFailed ? null : 'start_lockbench';
  }
  return null;
}
