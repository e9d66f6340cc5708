import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import type { Operation } from '../../../shared/domain/operation';
import { checkPin } from '../../../shared/codes/pin-rules';
import { generatePin } from '../../../shared/codes/pin-generator';
import { checkCodeName } from '../../../shared/codes/code-name-rules';
import { usableSlotCount } from '../../../shared/codes/slot-choice';
import { CodedError } from '../../../shared/result';
import { newOperation } from '../queue/operation-records';
import { emptyCloudState, isActive, newOngoingCode } from '../records/code-records';
import type { SiteCodesData } from '../store/store-v2';
import type { DoorRules } from './door-rules';
import type { TimeBoundDecision } from './time-bound-input';

/** Done and cancelled operations are history once a day old (the code's own events keep the story). */
export function pruneFinished(operations: Operation[], now: Date): Operation[] {
  const cutoff = now.getTime() - 86_400_000;
  return operations.filter((o) => (o.state !== 'done' && o.state !== 'cancelled') || new Date(o.updated_at).getTime() > cutoff);
}

/** One new code as asked for, with everything already decided about its door and window. */
export interface CodeRequest {
  door: Door;
  profile: LockProfile;
  name: string | null;
  /** The PIN; undefined to have one generated that fits the lock. */
  pin: string | undefined;
  timeBound: TimeBoundDecision | null;
  now: Date;
  newId: () => string;
  /** The bulk run it belongs to. */
  runId?: string | null;
}

/**
 * Admits one new code into a site's data — rules, duplicate PIN, name, place, the code and its lock operation — or
 * throws the CodedError naming the rule it breaks (`codes.constraint_violated`, `codes.duplicate_pin`,
 * `codes.no_free_slot`). Run inside ONE durable update, so two codes racing on a door never take the same place or
 * PIN; the bulk preview runs it on a copy of the data, so the preview says exactly what the run will do.
 */
export function admitCode(data: SiteCodesData, rules: DoorRules, request: CodeRequest): { code: AccessCode; operation: Operation | null } {
  const { door: d, profile, name, timeBound, now } = request;
  const isCloudScheduled = timeBound?.scheduledBy === 'cloud';
  const pinRules = rules.rulesFor(d, profile, data.accessCodes);
  const pin = request.pin ?? generatePin(pinRules);
  const check = checkPin(pin, pinRules, { isGenerated: request.pin === undefined });
  const names = data.accessCodes.filter((c) => c.door_id === d.id && isActive(c)).map((c) => c.name ?? '');
  const nameCheck = checkCodeName(name, { constraints: profile.codeConstraints, existingNames: names });
  if (!nameCheck.ok) throw new CodedError('codes.constraint_violated', nameCheck.message, { rule: nameCheck.rule });
  if (!check.ok) {
    const errorCode = check.rule === 'duplicate_code_on_device' ? 'codes.duplicate_pin' : 'codes.constraint_violated';
    throw new CodedError(errorCode, check.message, { rule: check.rule });
  }
  // The cloud programs a code it schedules: it picks the slot, and Lockbench sends nothing to the lock. A lock that
  // gives each code its id (Nuki) tells the place when it takes the code.
  const place = isCloudScheduled ? { slot: null } : rules.placeOf(d, profile, data.accessCodes);
  if (place === null) {
    throw new CodedError('codes.no_free_slot', `${d.name}: all ${usableSlotCount(profile)} code places are in use. Remove a code first.`, { rule: 'max_active_codes_supported' });
  }
  const created = newOngoingCode({ id: request.newId(), doorId: d.id, name, pin, slot: place.slot, at: now, runId: request.runId ?? null });
  if (timeBound) {
    Object.assign(created, { type: 'time_bound', starts_at: timeBound.startsAt, ends_at: timeBound.endsAt, scheduled_by: timeBound.scheduledBy, status: timeBound.status });
  }
  // On a linked door the code starts its cloud life at once ("not in the cloud yet" until a sync takes it there).
  if (d.cloud) created.cloud = emptyCloudState(d.cloud.device_id);
  const operation = isCloudScheduled
    ? null
    : newOperation({ id: request.newId(), code: created, kind: 'set_code', reason: timeBound?.reason ?? 'new_code', notBefore: timeBound?.loadAt ?? null, at: now, runId: request.runId ?? null });
  data.accessCodes.push(created);
  if (operation) data.operations.push(operation);
  return { code: created, operation };
}
