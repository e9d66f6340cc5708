import type { AccessCode } from '../../../shared/domain/access-code';
import type { BulkPreviewLine, BulkVerdict } from '../../../shared/domain/bulk';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import type { Operation } from '../../../shared/domain/operation';
import { isCodedError } from '../../../shared/result';
import { admitCode } from '../codes/code-admission';
import type { DoorRules } from '../codes/door-rules';
import { decideTimeBound, type TimeBoundDecision } from '../codes/time-bound-input';
import { isActive } from '../records/code-records';
import type { SiteCodesData } from '../store/store-v2';
import type { PlannedCode } from './bulk-plan';

/** What is known of one door for the plan: its lock's rules (or why they are not known), its zone, who schedules. */
export interface DoorContext {
  door: Door;
  profile: LockProfile | null;
  /** Why the lock's rules are not known (never connected, no answer): every code on it is refused with this. */
  profileProblem: string | null;
  zone: string;
  cloudSchedules: boolean;
  /** The lock answers now (its codes go on at once; else they wait in the queue). */
  isConnected: boolean;
}

/** What admitting a plan needs beyond the site's data. */
export interface PlanAdmission {
  rules: DoorRules;
  contexts: ReadonlyMap<string, DoorContext>;
  /** Per plan code, its PIN (the preview's choice for generated ones); null = generate here. */
  pins: ReadonlyArray<string | null>;
  confirmLockbenchScheduling: boolean;
  now: Date;
  newId: () => string;
  runId: string | null;
}

/** One planned code, admitted (with its code and lock change) or not (with the verdict saying why). */
export interface AdmittedLine {
  planned: PlannedCode;
  line: BulkPreviewLine;
  code: AccessCode | null;
  operation: Operation | null;
}

const VERDICT_OF_ERROR: Record<string, BulkVerdict> = {
  'codes.duplicate_pin': 'duplicate',
  'codes.no_free_slot': 'no_room',
  'codes.needs_confirmation': 'needs_confirmation',
};

/** The same code (PIN, name and window) is already managed on this door: running a plan twice adds nothing. */
function isAlreadyThere(data: SiteCodesData, door: Door, pin: string | null, name: string | null, timeBound: TimeBoundDecision | null): boolean {
  if (pin === null) return false;
  return data.accessCodes.some(
    (c) => c.door_id === door.id && isActive(c) && c.code === pin && (c.name ?? null) === name && c.starts_at === (timeBound?.startsAt ?? null) && c.ends_at === (timeBound?.endsAt ?? null),
  );
}

/**
 * Admits each planned code into `data`, in order, exactly as a single code would be (admitCode): the preview runs it
 * on a copy of the site's data, the run inside its one durable update, so both say the same thing.
 */
export function admitPlan(data: SiteCodesData, planned: readonly PlannedCode[], ctx: PlanAdmission): AdmittedLine[] {
  return planned.map((p) => {
    const door = ctx.contexts.get(p.door.id)!;
    const name = p.input.name?.trim() || null;
    const pin = ctx.pins[p.index] ?? p.input.pin ?? null;
    const line: BulkPreviewLine = { input: p.index, name, verdict: 'ready', message: null, scheduled_by: null, starts_at: null, ends_at: null };
    const refuse = (verdict: BulkVerdict, message: string): AdmittedLine => ({ planned: p, line: { ...line, verdict, message }, code: null, operation: null });
    if (!door.profile) return refuse('refused', door.profileProblem ?? 'The lock has not told Lockbench its rules yet.');
    try {
      const timeBound = p.input.window
        ? decideTimeBound({ window: p.input.window, confirmLockbenchScheduling: ctx.confirmLockbenchScheduling, cloudSchedules: door.cloudSchedules }, door.profile, door.zone, ctx.now)
        : null;
      Object.assign(line, { scheduled_by: timeBound?.scheduledBy ?? null, starts_at: timeBound?.startsAt ?? null, ends_at: timeBound?.endsAt ?? null });
      if (isAlreadyThere(data, p.door, pin, name, timeBound)) return refuse('already_there', 'This code is already on this door: nothing to do.');
      const admitted = admitCode(data, ctx.rules, { door: p.door, profile: door.profile, name, pin: pin ?? undefined, timeBound, now: ctx.now, newId: ctx.newId, runId: ctx.runId });
      return { planned: p, line, code: admitted.code, operation: admitted.operation };
    } catch (error) {
      if (!isCodedError(error)) throw error;
      return refuse(VERDICT_OF_ERROR[error.code] ?? 'refused', error.message);
    }
  });
}
