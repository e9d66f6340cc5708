import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import { generatePin } from '../../../shared/codes/pin-generator';
import { checkCodeName } from '../../../shared/codes/code-name-rules';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from '../queue/operation-queue';
import { newOperation } from '../queue/operation-records';
import type { DurableDoc, ShardedStore, SiteCodesData } from '../store/store-v2';
import { isActive, mayBeOnLock, wasConfirmedOnLock } from '../records/code-records';
import { createDoorRules } from './door-rules';
import { admitCode, pruneFinished } from './code-admission';
import { decideTimeBound, type WindowInput } from './time-bound-input';
import { requireDoor } from '../store/find-door';
import { endCode } from './code-ending';

/** What the code service needs; each part can be faked in tests. */
export interface CodeServiceDeps {
  store: ShardedStore;
  locks: LockManager;
  queue: OperationQueue;
  clock: Clock;
  newId: () => string;
  /** Called with the code after every durable change (pushed to the UI as `codes.changed`). */
  onChange: (code: AccessCode) => void;
}

/** Creating and removing access codes on doors: validated, stored with their lock operation, then queued. */
export interface CodeService {
  list(doorId: string): Promise<AccessCode[]>;
  create(doorId: string, input: { name?: string; code?: string } & Partial<WindowInput>): Promise<AccessCode>;
  generate(doorId: string): Promise<string>;
  remove(doorId: string, accessCodeId: string): Promise<AccessCode>;
  /** Renames a code (nothing changes on the lock; a linked code's new name goes to the cloud through the outbox). */
  rename(doorId: string, accessCodeId: string, name: string): Promise<AccessCode>;
}

/**
 * Creates the code service. One code, from the installer's click to the lock:
 *   validate PIN against the lock ─▶ allocate slot ─▶ ONE durable write: code `setting` + its set_code operation
 *   ─▶ ack to the UI ─▶ operation queue (Set, read back, `set`) whenever the door's lock is connected.
 */
export function createCodeService(deps: CodeServiceDeps): CodeService {
  const { store, locks, queue, clock } = deps;

  const door = (doorId: string): Door => requireDoor(store.index, doorId);
  const codesDoc = (d: Door): Promise<DurableDoc<SiteCodesData>> => store.codes(d.siteId);

  const rules = createDoorRules(locks);

  return {
    async list(doorId) {
      const d = door(doorId);
      return (await codesDoc(d)).read().accessCodes.filter((c) => c.door_id === doorId).map((c) => structuredClone(c));
    },

    async create(doorId, input) {
      const d = door(doorId);
      const profile = await rules.profileOf(d);
      const doc = await codesDoc(d);
      const name = input.name?.trim() || null;
      const zone = store.index.read().sites.find((s) => s.id === d.siteId)?.timeZone ?? 'UTC';
      const cloudSchedules = d.cloud?.facts?.can_program_online_access_codes === true;
      const timeBound = input.window ? decideTimeBound({ window: input.window, confirmLockbenchScheduling: input.confirmLockbenchScheduling, cloudSchedules }, profile, zone, clock.now()) : null;
      const isCloudScheduled = timeBound?.scheduledBy === 'cloud';
      if (!isCloudScheduled) await rules.rereadIfFull(d, profile, doc.read().accessCodes);
      // Rules, duplicate check, place, the code and its operation all happen inside one serialised durable update:
      // two creates racing on one door can never take the same slot or the same PIN.
      const { code, operation } = await doc.update((data) => {
        data.operations = pruneFinished(data.operations, clock.now());
        const admitted = admitCode(data, rules, { door: d, profile, name, pin: input.code, timeBound, now: clock.now(), newId: deps.newId });
        return { code: structuredClone(admitted.code), operation: admitted.operation };
      });
      if (operation) queue.markFresh(operation.operation_id);
      deps.onChange(code);
      queue.kickDoor(doorId);
      return code;
    },

    async generate(doorId) {
      const d = door(doorId);
      const profile = await rules.profileOf(d);
      return generatePin(rules.rulesFor(d, profile, (await codesDoc(d)).read().accessCodes));
    },

    async rename(doorId, accessCodeId, name) {
      const d = door(doorId);
      const doc = await codesDoc(d);
      const profile = (locks.isLockReady(d.siteId, d.lockAddress) ? locks.profile(d.siteId, d.lockAddress) : null) ?? d.lastProfile;
      const { updated, renaming } = await doc.update((data) => {
        const code = data.accessCodes.find((c) => c.access_code_id === accessCodeId && c.door_id === doorId);
        if (!code || code.is_removed) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
        const trimmed = name.trim() || null;
        const others = data.accessCodes.filter((c) => c.door_id === doorId && isActive(c) && c.access_code_id !== accessCodeId).map((c) => c.name ?? '');
        const constraints = [...(profile?.codeConstraints ?? []), ...(d.cloud?.facts?.code_constraints ?? [])];
        const check = checkCodeName(trimmed, { constraints, existingNames: others });
        if (!check.ok) throw new CodedError('codes.constraint_violated', check.message, { rule: check.rule });
        const isSameName = code.name === trimmed;
        code.name = trimmed;
        code.updated_at = clock.now().toISOString();
        // A lock that keeps code names (Nuki) gets the new one. A Set still waiting carries the name when it runs;
        // otherwise a name-only Set goes out, read first (the code is on the lock), never touching the code's status.
        const isWaiting = data.operations.some((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code' && o.state === 'waiting');
        const needsLock = !isSameName && profile?.keepsCodeNames === true && code.scheduled_by !== 'cloud' && wasConfirmedOnLock(code) && !isWaiting;
        const op = needsLock ? newOperation({ id: deps.newId(), code, kind: 'set_code', reason: 'renamed', notBefore: null, at: clock.now() }) : null;
        if (op) {
          op.is_ambiguous = true;
          data.operations.push(op);
        }
        return { updated: structuredClone(code), renaming: op };
      });
      if (renaming) {
        queue.markFresh(renaming.operation_id);
        queue.kickDoor(doorId);
      }
      deps.onChange(updated);
      return updated;
    },

    async remove(doorId, accessCodeId) {
      const d = door(doorId);
      const doc = await codesDoc(d);
      const { updated, removal } = await doc.update((data) => {
        const code = data.accessCodes.find((c) => c.access_code_id === accessCodeId && c.door_id === doorId);
        if (!code || code.is_removed) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
        if (code.status === 'removing') return { updated: structuredClone(code), removal: null };
        // A code that never reached the lock (also after a crash: the on-air mark says so) needs no radio at all; a code
        // the cloud schedules is the cloud's to take off the lock (its deletion goes out through the outbox).
        const isOnLock = code.scheduled_by !== 'cloud' && mayBeOnLock(code, data.operations, queue.isRunning);
        const removal = endCode(data, code, { isOnLock, reason: 'installer_removed', newId: deps.newId, now: clock.now() });
        return { updated: structuredClone(code), removal };
      });
      if (removal) queue.markFresh(removal);
      deps.onChange(updated);
      queue.kickDoor(doorId);
      return updated;
    },
  };
}
