import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import { checkPin, type PinRules } from '../../../shared/codes/pin-rules';
import { generatePin } from '../../../shared/codes/pin-generator';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { LockbenchStore } from '../store/store';
import { applyTransition, isActive, newOngoingCode, type CodeTransition } from './code-records';
import type { DoorQueue } from './door-queue';
import { clearAndVerify, setAndVerify, type RetryPolicy } from './lock-operations';

/** The lowest slot (from 1) not taken, or null when the lock is full. */
function freeSlot(taken: ReadonlySet<number>, slotCount: number): number | null {
  for (let slot = 1; slot <= slotCount; slot++) if (!taken.has(slot)) return slot;
  return null;
}

/** What the code service needs; each part can be faked in tests. */
export interface CodeServiceDeps {
  store: LockbenchStore;
  locks: LockManager;
  queue: DoorQueue;
  policy: RetryPolicy;
  now: () => Date;
  newId: () => string;
  /** Called with the code after every durable change (pushed to the UI as `codes.changed`). */
  onChange: (code: AccessCode) => void;
  /** After this long in `setting`, the code gets the `delay_in_setting_on_device` warning. */
  delayWarningMs: number;
}

/** Creating, removing and verifying access codes on doors. */
export interface CodeService {
  list(doorId: string): AccessCode[];
  create(doorId: string, input: { name?: string; code?: string }): Promise<AccessCode>;
  generate(doorId: string): Promise<string>;
  remove(accessCodeId: string): Promise<AccessCode>;
  /** Picks up work a restart or reconnect interrupted: codes still `setting` or `removing` on the site's doors. */
  resume(siteId: string): void;
}

/**
 * Creates the code service. Pipeline for one code:
 *   validate PIN against the lock ─▶ allocate slot ─▶ store `setting` (fsync) ─▶ ack to UI
 *   ─▶ door queue: Set ─▶ read back ─▶ store `set` + access_code.set_on_device   (or the Seam error)
 */
export function createCodeService(deps: CodeServiceDeps): CodeService {
  const { store, locks, queue } = deps;

  const door = (doorId: string): Door => {
    const found = store.read().doors.find((d) => d.id === doorId);
    if (!found) throw new CodedError('door.not_found', 'This door does not exist (any more).');
    return found;
  };
  const codesOf = (doorId: string) => store.read().accessCodes.filter((c) => c.door_id === doorId);

  async function profileOf(d: Door): Promise<LockProfile> {
    if (locks.status(d.siteId).state !== 'ready') {
      throw new CodedError('door.not_connected', `${d.name}: the site's controller is not connected. Connect it first.`);
    }
    let profile = locks.profile(d.siteId, d.nodeId);
    if (!profile || !profile.isOnline || profile.slotCount === 0) {
      profile = await locks.refreshProfile(d.siteId, d.nodeId).catch(() => profile);
    }
    if (!profile || profile.slotCount === 0) {
      throw new CodedError('zwave.no_answer', `${d.name}: the lock has not told us its code slots yet. Wake it (press a key) and try again.`);
    }
    if (!profile.supportsAccessCodes) throw new CodedError('codes.unsupported', `${d.name}: this lock cannot hold access codes.`);
    return profile;
  }

  function rulesFor(d: Door, profile: LockProfile, all: readonly AccessCode[]): PinRules & { takenSlots: Set<number> } {
    const slots = locks.network(d.siteId).cachedSlots(d.nodeId).filter((s) => s.status === 'enabled' || s.status === 'disabled');
    const ours = all.filter((c) => c.door_id === d.id && isActive(c));
    return {
      supportedCodeLengths: profile.supportedCodeLengths,
      pinCharset: profile.pinCharset,
      existingPins: [...slots.flatMap((s) => (s.code ? [s.code] : [])), ...ours.map((c) => c.code)],
      takenSlots: new Set([...slots.map((s) => s.slot), ...ours.flatMap((c) => (c.slot === null ? [] : [c.slot]))]),
    };
  }

  async function transition(id: string, t: CodeTransition): Promise<AccessCode> {
    const updated = await store.update((data) => {
      const code = data.accessCodes.find((c) => c.access_code_id === id);
      if (!code) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
      return structuredClone(applyTransition(code, t, deps.now()));
    });
    deps.onChange(updated);
    return updated;
  }

  function program(code: AccessCode): void {
    const d = door(code.door_id);
    const timer = setTimeout(() => {
      void transition(code.access_code_id, {
        event: 'access_code.delay_in_setting_on_device',
        warning: { code: 'delay_in_setting_on_device', message: 'The lock is taking longer than usual to confirm this code.' },
      }).catch(() => {});
    }, deps.delayWarningMs);
    void queue
      .run(d.id, async () => {
        const outcome = await setAndVerify(locks.network(d.siteId), d.nodeId, code.slot!, code.code, deps.policy);
        clearTimeout(timer);
        await transition(
          code.access_code_id,
          outcome.ok
            ? { status: 'set', event: 'access_code.set_on_device', clearIssues: true }
            : { status: 'unset', event: 'access_code.failed_to_set_on_device', error: { code: outcome.error, message: outcome.message } },
        );
      })
      .catch(() => clearTimeout(timer));
  }

  function unprogram(code: AccessCode): void {
    const d = door(code.door_id);
    void queue
      .run(d.id, async () => {
        const outcome = await clearAndVerify(locks.network(d.siteId), d.nodeId, code.slot!, deps.policy);
        await transition(
          code.access_code_id,
          outcome.ok
            ? { status: 'unset', isRemoved: true, event: 'access_code.removed_from_device', clearIssues: true }
            : { status: 'set', event: 'access_code.failed_to_remove_from_device', error: { code: outcome.error, message: outcome.message } },
        );
      })
      .catch(() => {});
  }

  return {
    list: (doorId) => (door(doorId), codesOf(doorId).map((c) => structuredClone(c))),

    async create(doorId, input) {
      const d = door(doorId);
      const profile = await profileOf(d);
      const name = input.name?.trim() || null;
      // Rules, duplicate check and slot allocation run inside the serialised store update, so two creates racing
      // on one door can never take the same slot or the same PIN.
      const record = await store.update((data) => {
        const rules = rulesFor(d, profile, data.accessCodes);
        const pin = input.code ?? generatePin(rules);
        const check = checkPin(pin, rules);
        if (!check.ok) {
          const code = check.rule === 'duplicate_code_on_device' ? 'codes.duplicate_pin' : 'codes.constraint_violated';
          throw new CodedError(code, check.message, { rule: check.rule });
        }
        const slot = freeSlot(rules.takenSlots, profile.slotCount);
        if (slot === null) {
          throw new CodedError('codes.no_free_slot', `${d.name}: all ${profile.slotCount} code slots are in use. Remove a code first.`, { rule: 'max_active_codes_supported' });
        }
        const created = newOngoingCode({ id: deps.newId(), doorId, name, pin, slot, at: deps.now() });
        data.accessCodes.push(created);
        return structuredClone(created);
      });
      deps.onChange(record);
      program(record);
      return record;
    },

    async generate(doorId) {
      const d = door(doorId);
      const profile = await profileOf(d);
      return generatePin(rulesFor(d, profile, store.read().accessCodes));
    },

    async remove(accessCodeId) {
      const code = store.read().accessCodes.find((c) => c.access_code_id === accessCodeId);
      if (!code || code.is_removed) throw new CodedError('codes.not_found', 'This access code does not exist (any more).');
      if (code.status === 'removing') return structuredClone(code);
      const d = door(code.door_id);
      await profileOf(d);
      const updated = await transition(accessCodeId, { status: 'removing' });
      unprogram(updated);
      return updated;
    },

    resume(siteId) {
      const doorIds = new Set(store.read().doors.filter((d) => d.siteId === siteId).map((d) => d.id));
      for (const code of store.read().accessCodes) {
        if (!doorIds.has(code.door_id) || code.is_removed || code.slot === null) continue;
        if (code.status === 'setting') program(structuredClone(code));
        if (code.status === 'removing') unprogram(structuredClone(code));
      }
    },
  };
}
