import type { AccessCode } from '../../../shared/domain/access-code';
import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { ReportProblem } from '../../../shared/domain/report';
import { formatOffset, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { CLOCK_DRIFT_WARN_MINUTES } from '../../../shared/capability/capability-report';
import { withoutPin } from './pin-shown';
import { reportTime } from './report-time';


/** What one door's open problems are read from: its stored codes and operations, its latest check, its lock as last read. */
export interface DoorProblemInput {
  door: Door;
  /** The door's codes (any state; removed ones are skipped). */
  codes: readonly AccessCode[];
  /** The door's operations. */
  operations: readonly Operation[];
  /** The latest stored check, or null. */
  check: CapabilityReport | null;
  timeZone: string;
  now: Date;
}

/** Why a code failed, in words without its PIN: its errors, then the last error of each failed operation. */
export function codeFailures(code: AccessCode, operations: readonly Operation[]): string[] {
  const failedOps = operations.filter((o) => o.access_code_id === code.access_code_id && o.state === 'failed');
  const messages = [...code.errors.map((e) => e.message), ...failedOps.map((o) => o.last_error?.message ?? 'The change stopped and needs the installer.')];
  return [...new Set(messages.map((m) => withoutPin(m, code.code)))];
}

/** The code's waiting (or running) operations: changes the lock has not taken yet. */
export function waitingOperations(code: AccessCode, operations: readonly Operation[]): Operation[] {
  return operations.filter((o) => o.access_code_id === code.access_code_id && (o.state === 'waiting' || o.state === 'running'));
}

/**
 * Everything still open on a door, from what is stored: failed and waiting codes, batteries, the clock, the latest
 * check (failed or missing) and a lock that stopped answering.
 */
export function doorProblems(input: DoorProblemInput): ReportProblem[] {
  const { door, check, timeZone } = input;
  const problems: ReportProblem[] = [];
  for (const code of input.codes.filter((c) => !c.is_removed)) {
    const failures = codeFailures(code, input.operations);
    if (failures.length > 0) problems.push({ kind: 'failed_code', message: `${codeLabel(code)} failed: ${failures.join(' ')}` });
    const waiting = waitingOperations(code, input.operations)[0];
    if (waiting) {
      const what = waiting.kind === 'remove_code' ? 'to be removed from the lock' : 'to be put on the lock';
      problems.push({ kind: 'waiting_code', message: `${codeLabel(code)} is waiting ${what}.` });
    }
  }
  const lock = door.lastProfile;
  if (lock?.isBatteryLow) problems.push({ kind: 'low_battery', message: `The lock's battery is low${lock.batteryLevel === null ? '' : ` (${lock.batteryLevel}%)`}: replace it.` });
  if (lock?.isKeypadBatteryLow) problems.push({ kind: 'keypad_battery_low', message: "The keypad's battery is low: replace it." });
  const clock = clockProblem(input);
  if (clock) problems.push({ kind: 'clock_off', message: clock });
  if (check === null) problems.push({ kind: 'never_checked', message: 'The lock was never checked: run the capability check.' });
  else if (check.overall === 'fail') {
    const failed = check.items.filter((i) => i.verdict === 'fail').map((i) => i.label);
    problems.push({ kind: 'check_failed', message: `The capability check of ${reportTime(check.checked_at, timeZone)} failed${failed.length ? `: ${failed.join(', ')}` : ''}.` });
  }
  if (lock && !lock.isOnline) {
    problems.push({ kind: 'not_answering', message: `The lock is not answering${lock.offlineSince ? ` since ${reportTime(lock.offlineSince, timeZone)}` : ''}.` });
  }
  return problems;
}

/**
 * The lock's clock, from its last read: its time-zone offset against the site's now (`clockOffsetMinutes` is a zone
 * offset, not a drift), its own time against when it was read, then the latest check's clock item.
 */
function clockProblem({ door, check, timeZone, now }: DoorProblemInput): string | null {
  const lock = door.lastProfile;
  if (lock && lock.clockOffsetMinutes !== null) {
    const siteOffset = zoneOffsetMinutes(timeZone, now);
    if (lock.clockOffsetMinutes !== siteOffset) {
      return `The lock's clock is on ${formatOffset(lock.clockOffsetMinutes)}, the site is on ${formatOffset(siteOffset)}: set the lock's clock.`;
    }
  }
  if (lock?.lockTime && lock.readAt) {
    const drift = Math.round((Date.parse(lock.lockTime) - Date.parse(lock.readAt)) / 60_000);
    if (Math.abs(drift) >= CLOCK_DRIFT_WARN_MINUTES) return `The lock's clock is ${Math.abs(drift)} min ${drift > 0 ? 'fast' : 'slow'}: set the lock's clock.`;
  }
  const item = check?.items.find((i) => i.key === 'clock');
  if (item && item.verdict !== 'pass') return `Clock: ${item.finding}`;
  return null;
}

/** How a problem names a code: by name, else by slot. */
export function codeLabel(code: Pick<AccessCode, 'name' | 'slot' | 'origin'>): string {
  if (code.origin === 'cleared') return `The code found in ${code.slot === null ? 'the lock' : `slot ${code.slot}`} (being cleared)`;
  if (code.name) return `Code "${code.name}"`;
  return code.slot === null ? 'A code without a name' : `The code in slot ${code.slot}`;
}
