import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { ReservedSlot } from '../../../shared/domain/lock';
import type { UnmanagedCode } from '../../../shared/domain/unmanaged-code';
import { hidesPin, type SlotReading } from '../ports/lock-port';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from '../queue/operation-queue';
import { newOperation } from '../queue/operation-records';
import type { ShardedStore } from '../store/store-v2';
import { applyTransition, emptyCloudState, isActive, newOngoingCode } from '../records/code-records';
import { requireDoor } from '../store/find-door';

/** What the unmanaged-codes service needs. */
export interface UnmanagedDeps {
  store: ShardedStore;
  locks: LockManager;
  queue: OperationQueue;
  clock: Clock;
  newId: () => string;
  onChange: (code: AccessCode) => void;
}

/** Codes on a lock that Lockbench did not create: listed, adopted, or cleared on request — never overwritten. */
export interface UnmanagedCodes {
  list(doorId: string): Promise<UnmanagedCode[]>;
  adopt(doorId: string, slot: number, name?: string): Promise<AccessCode>;
  clear(doorId: string, slot: number): Promise<AccessCode>;
}

/**
 * The slots of one door's lock that hold a code Lockbench does not manage, in the lock's picture as last read: occupied,
 * not one of this door's active codes, not a slot the lock keeps for itself (its admin code: never offered for clearing).
 */
export function slotsFromElsewhere(
  readings: readonly SlotReading[],
  codes: readonly AccessCode[],
  doorId: string,
  reservedSlots: readonly ReservedSlot[],
): SlotReading[] {
  const notElsewhere = new Set<number | null>(codes.filter((c) => c.door_id === doorId && isActive(c)).map((c) => c.slot));
  for (const r of reservedSlots) notElsewhere.add(r.slot);
  return readings.filter((s) => (s.status === 'enabled' || s.status === 'disabled') && !notElsewhere.has(s.slot));
}

/** Creates the service over zwave-js's cached slots (no radio) and the site's stored codes. */
export function createUnmanagedCodes(deps: UnmanagedDeps): UnmanagedCodes {
  const { store, locks } = deps;
  const door = (doorId: string): Door => requireDoor(store.index, doorId);

  async function list(doorId: string): Promise<UnmanagedCode[]> {
    const d = door(doorId);
    if (!locks.isLockReady(d.siteId, d.lockAddress)) return []; // zwave-js's slot cache is incomplete during an interview
    const codes = (await store.codes(d.siteId)).read().accessCodes;
    const reserved = (locks.profile(d.siteId, d.lockAddress) ?? d.lastProfile)?.reservedSlots ?? [];
    return slotsFromElsewhere(locks.connection(d.siteId, d.lockAddress.protocol).knownCodes(d.lockAddress.address), codes, doorId, reserved).map((s) => ({
      door_id: doorId,
      slot: s.slot,
      status: s.status as 'enabled' | 'disabled',
      code: s.code,
      is_masked: hidesPin(s.code),
    }));
  }

  /** Adopting takes the code as the lock holds it NOW: one fresh read of the slot, which is also its proof. */
  async function readNow(d: Door, slot: number): Promise<UnmanagedCode> {
    const reading = await locks.connection(d.siteId, d.lockAddress.protocol).readCode(d.lockAddress.address, slot);
    if (!reading) throw new CodedError('lock.no_answer', `${d.name}: the lock is not answering, so slot ${slot} could not be read. Try again when it answers.`);
    if (reading.status !== 'enabled' && reading.status !== 'disabled') throw new CodedError('codes.not_found', `Slot ${slot} is empty now: the code was removed at the lock.`);
    return { door_id: d.id, slot, status: reading.status, code: reading.code, is_masked: hidesPin(reading.code) };
  }

  async function take(doorId: string, slot: number, name: string | null, andClear: boolean): Promise<AccessCode> {
    const listed = (await list(doorId)).find((u) => u.slot === slot);
    if (!listed) throw new CodedError('codes.not_found', `Slot ${slot} holds no code Lockbench does not already manage.`);
    const d = door(doorId);
    const found = andClear ? listed : await readNow(d, slot);
    const doc = await store.codes(d.siteId);
    const now = deps.clock.now();
    const { code, opId } = await doc.update((data) => {
      if (data.accessCodes.some((c) => c.door_id === doorId && c.slot === slot && isActive(c))) {
        throw new CodedError('codes.busy', `Slot ${slot} was just taken over; refresh the list.`);
      }
      const adopted = newOngoingCode({ id: deps.newId(), doorId, name, pin: found.code ?? '', slot, at: now });
      applyTransition(adopted, { status: 'set', event: 'access_code.set_on_device' }, now);
      adopted.origin = andClear ? 'cleared' : 'adopted';
      if (!andClear) Object.assign(adopted, { verified_at: now.toISOString(), verified_by: found.is_masked ? 'slot_status' : 'read_back' });
      if (d.cloud) adopted.cloud = emptyCloudState(d.cloud.device_id);
      data.accessCodes.push(adopted);
      if (!andClear) return { code: structuredClone(adopted), opId: null };
      const op = newOperation({ id: deps.newId(), code: adopted, kind: 'remove_code', reason: 'clear_unmanaged', notBefore: null, at: now });
      data.operations.push(op);
      return { code: structuredClone(applyTransition(adopted, { status: 'removing' }, now)), opId: op.operation_id };
    });
    if (opId) {
      deps.queue.markFresh(opId);
      deps.queue.kickDoor(doorId);
    }
    deps.onChange(code);
    return code;
  }

  return {
    list,
    adopt: (doorId, slot, name) => take(doorId, slot, name?.trim() || null, false),
    clear: (doorId, slot) => take(doorId, slot, null, true),
  };
}
