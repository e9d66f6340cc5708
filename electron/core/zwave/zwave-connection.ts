import type { LockProfile } from '../../../shared/domain/lock';
import type { AttemptGuard, AttemptOutcome, CodePut, CodeRemoval, LockConnection, LockReadiness, PutOptions } from '../ports/lock-port';
import { setBatchWithChecksum } from './checksum-batch';
import type { LockNetwork } from './lock-network';
import { attemptScheduledSet } from './schedule-attempt';
import { attemptClear, attemptSet, type AttemptTarget } from './slot-attempts';

/** What a Z-Wave connection has beside its network: how its locks come up, and what else closes with it. */
export interface ZWaveConnectionParts {
  readiness?: LockReadiness;
  onSiteReady?(): void;
  /** Closes the network and whatever is behind it (the virtual stick); default: the network. */
  close?(): Promise<void>;
}

const failed = (e: unknown): AttemptOutcome => ({ kind: 'transient', message: e instanceof Error ? e.message : String(e), mayHaveReached: true });

/**
 * The lock port over one Z-Wave controller: a lock's address is its node id ("5"), a code's place is a User Code slot
 * Lockbench chose. Codes are proven by reading their slot back, a batch of fresh ongoing codes by two checksum reads,
 * and a time-bound code gets its year-day schedule (in the lock's own time) before its PIN.
 */
export function createZWaveConnection(network: LockNetwork, parts: ZWaveConnectionParts = {}): LockConnection {
  const nodeOf = (address: string): number => Number(address);
  const target = (address: string, keys: readonly string[], guard: AttemptGuard): AttemptTarget => ({
    network,
    nodeId: nodeOf(address),
    onAir: () => guard.onAir(keys),
  });

  async function putOne(address: string, put: CodePut, guard: AttemptGuard): Promise<AttemptOutcome> {
    if (put.slot === null) return { kind: 'permanent', error: 'failed_to_set_on_device', message: 'The code has no slot.' };
    const t = target(address, [put.key], guard);
    if (put.window) return attemptScheduledSet(t, { slot: put.slot, pin: put.pin, window: put.window }, put.mayBeThere);
    return attemptSet(t, put.slot, put.pin, put.mayBeThere);
  }

  /** A batch of fresh ongoing codes proven by checksum; without the proof each is checked by reading its slot. */
  async function putBatch(address: string, puts: readonly CodePut[], guard: AttemptGuard, options: PutOptions): Promise<Map<string, AttemptOutcome>> {
    const items = puts.map((p) => ({ slot: p.slot!, pin: p.pin }));
    const batchTarget = target(address, puts.map((p) => p.key), guard);
    const { proven, sentSlots } = await setBatchWithChecksum(batchTarget, items, options.provenCodes).catch(() => ({
      proven: null,
      sentSlots: new Set(items.map((i) => i.slot)),
    }));
    const outcomes = new Map<string, AttemptOutcome>();
    for (const p of puts) {
      const mayBeThere = sentSlots.has(p.slot!) || p.mayBeThere;
      outcomes.set(p.key, proven?.get(p.slot!) ?? (await attemptSet(target(address, [p.key], guard), p.slot!, p.pin, mayBeThere).catch(failed)));
    }
    return outcomes;
  }

  const isBatchable = (p: CodePut) => p.slot !== null && p.window === null && !p.mayBeThere;

  return {
    protocol: 'zwave',
    readiness: parts.readiness,
    onSiteReady: parts.onSiteReady,
    lockAddresses: () => network.lockNodeIds().map(String),
    readProfile: (address): Promise<LockProfile> => network.readProfile(nodeOf(address)),
    knownCodes: (address) => network.cachedSlots(nodeOf(address)),
    readCode: (address, slot) => network.readCode(nodeOf(address), slot),
    async putCodes(address, puts, guard, options) {
      if (puts.length >= 2 && puts.every(isBatchable)) return putBatch(address, puts, guard, options);
      const outcomes = new Map<string, AttemptOutcome>();
      for (const put of puts) outcomes.set(put.key, await putOne(address, put, guard).catch(failed));
      return outcomes;
    },
    async removeCode(address, removal: CodeRemoval, guard) {
      if (removal.slot === null) return { kind: 'permanent', error: 'failed_to_remove_from_device', message: 'The code has no slot.' };
      const t = target(address, [removal.key], guard);
      const cleared = await attemptClear(t, removal.slot, removal.pin).catch(failed);
      if (cleared.kind !== 'confirmed' || !removal.wasScheduled) return cleared;
      // The year-day schedule goes too, or the next code in the slot would inherit it.
      try {
        await network.clearSchedules(nodeOf(address), removal.slot);
        return cleared;
      } catch {
        return { kind: 'transient', message: "the code is gone but the slot's schedule is not cleared yet", mayHaveReached: false };
      }
    },
    setClock: (address, setting) => network.setLockClock(nodeOf(address), setting),
    ping: (address) => network.ping(nodeOf(address)),
    commandsSent: () => network.commandsSent(),
    onLockAvailability: (listener) => network.onLockAvailability((nodeId, isOnline) => listener(String(nodeId), isOnline)),
    onCodeUsed: (listener) => network.onKeypadUnlock((nodeId, slot, at) => listener(String(nodeId), slot, at)),
    onDisconnected: (listener) => network.onDisconnected(listener),
    close: () => (parts.close ? parts.close() : network.close()),
  };
}
