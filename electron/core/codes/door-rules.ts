import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { LockProfile } from '../../../shared/domain/lock';
import { pinLengthRules } from '../../../shared/codes/learned-lengths';
import type { PinRules } from '../../../shared/codes/pin-rules';
import { placeForNewCode } from '../../../shared/codes/slot-choice';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import { hidesPin } from '../ports/lock-port';
import { isActive } from '../records/code-records';

/** A door's PIN rules with the places already taken on its lock. */
export type DoorPinRules = PinRules & { takenSlots: Set<number> };

/**
 * What a door's lock allows right now, for a new code: its profile (live while connected, else as last read), its
 * PIN rules (the lock's, a linked cloud device's, and every PIN already there), and where a new code would go. One
 * place for the single code form and the bulk run alike.
 */
export interface DoorRules {
  /** The lock's rules: live while its site is connected, else as last read (changes then wait in the queue). */
  profileOf(door: Door): Promise<LockProfile>;
  rulesFor(door: Door, profile: LockProfile, codes: readonly AccessCode[]): DoorPinRules;
  /** Where a new code would go on this door now (see placeForNewCode); null when the lock is full. */
  placeOf(door: Door, profile: LockProfile, codes: readonly AccessCode[]): { slot: number | null } | null;
  /**
   * Before a full lock refuses a code: the picture of the slots other codes hold may be stale (a crash right after a
   * removal, before the cache was written), so those places are read again — radio only when the lock looks full.
   */
  rereadIfFull(door: Door, profile: LockProfile, codes: readonly AccessCode[]): Promise<void>;
}

/** Creates the door rules over the lock manager. */
export function createDoorRules(locks: LockManager): DoorRules {
  /** Slots in use on the lock: the driver's picture while connected, the last-read list otherwise. */
  function lockSlots(d: Door, profile: LockProfile): Array<{ slot: number; code: string | null }> {
    if (locks.isLockReady(d.siteId, d.lockAddress)) {
      return locks.connection(d.siteId, d.lockAddress.protocol).knownCodes(d.lockAddress.address).filter((s) => s.status === 'enabled' || s.status === 'disabled');
    }
    return profile.occupiedSlots.map((slot) => ({ slot, code: null }));
  }

  function rulesFor(d: Door, profile: LockProfile, all: readonly AccessCode[]): DoorPinRules {
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

  function placeOf(d: Door, profile: LockProfile, codes: readonly AccessCode[]): { slot: number | null } | null {
    const waitingForPlace = codes.filter((c) => c.door_id === d.id && isActive(c) && c.slot === null && c.scheduled_by !== 'cloud').length;
    const { takenSlots } = rulesFor(d, profile, codes);
    return placeForNewCode({ slotCount: profile.slotCount, reservedSlots: profile.reservedSlots, taken: takenSlots, codePlaces: profile.codePlaces, waitingForPlace });
  }

  return {
    async profileOf(d) {
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
    },
    rulesFor,
    placeOf,
    async rereadIfFull(d, profile, codes) {
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
    },
  };
}
