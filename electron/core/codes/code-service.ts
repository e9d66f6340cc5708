import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import type { Operation } from '../../../shared/domain/operation';
import { pinLengthRules } from '../../../shared/codes/learned-lengths';
import { checkPin, type PinRules } from '../../../shared/codes/pin-rules';
import { generatePin } from '../../../shared/codes/pin-generator';
import { checkCodeName } from '../../../shared/codes/code-name-rules';
import { placeForNewCode, usableSlotCount } from '../../../shared/codes/slot-choice';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from '../queue/operation-queue';
import { newOperation } from '../queue/operation-records';
import type { DurableDoc, ShardedStore, SiteCodesData } from '../store/store-v2';
import { emptyCloudState, isActive, mayBeOnLock, newOngoingCode, wasConfirmedOnLock } from '../records/code-records';
import { hidesPin } from '../ports/lock-port';
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

/** Done and cancelled operations are history once a day old (the code's own events keep the story). */
function prune(operations: Operation[], now: Date): Operation[] {
  const cutoff = now.getTime() - 86_400_000;
  return operations.filter((o) => (o.state !== 'done' && o.state !== 'cancelled') || new Date(o.updated_at).getTime() > cutoff);
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

  /** The lock's rules: live while its site is connected, else as last read (the change then waits in the queue). */
  async function profileOf(d: Door): Promise<LockProfile> {
    let profile = locks.isLockReady(d.siteId, d.lockAddress) ? locks.profile(d.siteId, d.lockAddress) : null;
    if (locks.isLockReady(d.siteId, d.lockAddress) && (!profile || !profile.isOnline || profile.slotCount === 0)) {
      profile = await locks.refreshProfile(d.siteId, d.lockAddress).catch(() => profile);
    }
    profile ??= d.lastProfile;
    if (!profile) {
      throw new CodedError('door.not_connected', `${d.name}: connect this door's lock once so Lockbench knows its rules; codes can then be queued for it while it is not connected.`);
    }
    if (profile.slotCount === 0) {
      throw new CodedError('lock.no_answer', `${d.name}: the lock has not told us its code slots yet. Wake it (press a key) and try again.`);
    }
    if (!profile.supportsAccessCodes) throw new CodedError('codes.unsupported', `${d.name}: this lock cannot hold access codes.`);
    return profile;
  }

  /** Slots in use on the lock: zwave-js's cache while connected, the last-read list otherwise. */
  function lockSlots(d: Door, profile: LockProfile): Array<{ slot: number; code: string | null }> {
    if (locks.isLockReady(d.siteId, d.lockAddress)) {
      return locks.connection(d.siteId, d.lockAddress.protocol).knownCodes(d.lockAddress.address).filter((s) => s.status === 'enabled' || s.status === 'disabled');
    }
    return profile.occupiedSlots.map((slot) => ({ slot, code: null }));
  }

  function rulesFor(d: Door, profile: LockProfile, all: readonly AccessCode[]): PinRules & { takenSlots: Set<number> } {
    const slots = lockSlots(d, profile);
    const ours = all.filter((c) => c.door_id === d.id && isActive(c));
    const lengths = pinLengthRules(profile, d.learned);
    const cloud = d.cloud?.facts ?? null;
    return {
      ...lengths,
      // A linked door's cloud rules count too: a PIN the cloud would refuse is refused here, before anything is sent.
      supportedCodeLengths: cloud && cloud.supported_code_lengths.length > 0 ? lengths.supportedCodeLengths.filter((n) => cloud.supported_code_lengths.includes(n)) : lengths.supportedCodeLengths,
      pinCharset: profile.pinCharset,
      constraints: [...profile.codeConstraints, ...(cloud?.code_constraints ?? [])],
      existingPins: [...slots.flatMap((s) => (s.code !== null && !hidesPin(s.code) ? [s.code] : [])), ...ours.map((c) => c.code)],
      takenSlots: new Set([...slots.map((s) => s.slot), ...ours.flatMap((c) => (c.slot === null ? [] : [c.slot]))]),
    };
  }

  /**
   * Before a full lock refuses a code: zwave-js's picture of the slots other codes hold may be stale (a crash right
   * after a removal, before its cache was written), so those slots are read again — radio only when the lock looks full.
   */
  /** Where a new code would go on this door now (see placeForNewCode); null when the lock is full. */
  function placeOf(d: Door, profile: LockProfile, codes: readonly AccessCode[]): { slot: number | null } | null {
    const waitingForPlace = codes.filter((c) => c.door_id === d.id && isActive(c) && c.slot === null && c.scheduled_by !== 'cloud').length;
    const { takenSlots } = rulesFor(d, profile, codes);
    return placeForNewCode({ slotCount: profile.slotCount, reservedSlots: profile.reservedSlots, taken: takenSlots, codePlaces: profile.codePlaces, waitingForPlace });
  }

  async function rereadIfFull(d: Door, profile: LockProfile, codes: readonly AccessCode[]): Promise<void> {
    if (!locks.isLockReady(d.siteId, d.lockAddress)) return;
    if (placeOf(d, profile, codes) !== null) return;
    if (profile.codePlaces === 'lock_ids') {
      // One list of the lock's codes tells them all.
      await locks.refreshProfile(d.siteId, d.lockAddress).catch(() => null);
      return;
    }
    const ours = new Set(codes.filter((c) => c.door_id === d.id && isActive(c)).flatMap((c) => (c.slot === null ? [] : [c.slot])));
    for (const { slot } of lockSlots(d, profile)) {
      if (!ours.has(slot)) await locks.connection(d.siteId, d.lockAddress.protocol).readCode(d.lockAddress.address, slot).catch(() => null);
    }
  }

  return {
    async list(doorId) {
      const d = door(doorId);
      return (await codesDoc(d)).read().accessCodes.filter((c) => c.door_id === doorId).map((c) => structuredClone(c));
    },

    async create(doorId, input) {
      const d = door(doorId);
      const profile = await profileOf(d);
      const doc = await codesDoc(d);
      const name = input.name?.trim() || null;
      const zone = store.index.read().sites.find((s) => s.id === d.siteId)?.timeZone ?? 'UTC';
      const cloudSchedules = d.cloud?.facts?.can_program_online_access_codes === true;
      const timeBound = input.window ? decideTimeBound({ window: input.window, confirmLockbenchScheduling: input.confirmLockbenchScheduling, cloudSchedules }, profile, zone, clock.now()) : null;
      const isCloudScheduled = timeBound?.scheduledBy === 'cloud';
      if (!isCloudScheduled) await rereadIfFull(d, profile, doc.read().accessCodes);
      // Rules, duplicate check, slot allocation, the code and its operation all happen inside one serialised
      // durable update: two creates racing on one door can never take the same slot or the same PIN.
      const { code, operation } = await doc.update((data) => {
        const rules = rulesFor(d, profile, data.accessCodes);
        const pin = input.code ?? generatePin(rules);
        const check = checkPin(pin, rules, { isGenerated: input.code === undefined });
        const names = data.accessCodes.filter((c) => c.door_id === doorId && isActive(c)).map((c) => c.name ?? '');
        const nameCheck = checkCodeName(name, { constraints: profile.codeConstraints, existingNames: names });
        if (!nameCheck.ok) throw new CodedError('codes.constraint_violated', nameCheck.message, { rule: nameCheck.rule });
        if (!check.ok) {
          const errorCode = check.rule === 'duplicate_code_on_device' ? 'codes.duplicate_pin' : 'codes.constraint_violated';
          throw new CodedError(errorCode, check.message, { rule: check.rule });
        }
        // The cloud programs a code it schedules: it picks the slot, and Lockbench sends nothing to the lock. A lock
        // that gives each code its id (Nuki) tells the place when it takes the code.
        const place = isCloudScheduled ? { slot: null } : placeOf(d, profile, data.accessCodes);
        if (place === null) {
          throw new CodedError('codes.no_free_slot', `${d.name}: all ${usableSlotCount(profile)} code places are in use. Remove a code first.`, { rule: 'max_active_codes_supported' });
        }
        const { slot } = place;
        const now = clock.now();
        const created = newOngoingCode({ id: deps.newId(), doorId, name, pin, slot, at: now });
        if (timeBound) {
          Object.assign(created, { type: 'time_bound', starts_at: timeBound.startsAt, ends_at: timeBound.endsAt, scheduled_by: timeBound.scheduledBy, status: timeBound.status });
        }
        // On a linked door the code starts its cloud life at once ("not in the cloud yet" until a sync takes it there).
        if (d.cloud) created.cloud = emptyCloudState(d.cloud.device_id);
        const op = isCloudScheduled ? null : newOperation({ id: deps.newId(), code: created, kind: 'set_code', reason: timeBound?.reason ?? 'new_code', notBefore: timeBound?.loadAt ?? null, at: now });
        data.accessCodes.push(created);
        data.operations = [...prune(data.operations, now), ...(op ? [op] : [])];
        return { code: structuredClone(created), operation: op };
      });
      if (operation) queue.markFresh(operation.operation_id);
      deps.onChange(code);
      queue.kickDoor(doorId);
      return code;
    },

    async generate(doorId) {
      const d = door(doorId);
      const profile = await profileOf(d);
      return generatePin(rulesFor(d, profile, (await codesDoc(d)).read().accessCodes));
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
