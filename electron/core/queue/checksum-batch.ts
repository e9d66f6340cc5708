import type { LockNetwork, SlotReading } from '../zwave/lock-network';
import { expectedUserCodeChecksum } from '../zwave/user-code-checksum';
import type { AttemptOutcome } from './lock-attempts';

/** One code of a batch: its slot and PIN. */
export interface BatchItem {
  slot: number;
  pin: string;
}

const isKnown = (s: SlotReading) => s.status === 'available' || ((s.status === 'enabled' || s.status === 'disabled') && s.code !== null && !/^\*+$/.test(s.code));

/**
 * Sets several codes on one lock and proves them all with ONE checksum read (User Code CC v2) instead of a read-back
 * per code: the lock's checksum over every occupied slot must equal the one computed from what the slots should now
 * hold. Returns null when that proof is not possible or did not hold — any Set unanswered (it may or may not have
 * landed), a slot whose PIN we cannot know (a masking lock, an unread slot), no checksum answer, or a mismatch — and
 * the caller then verifies each code on its own by reading its slot (which also tells which one is wrong).
 */
export async function setBatchWithChecksum(network: LockNetwork, nodeId: number, items: readonly BatchItem[]): Promise<Map<number, AttemptOutcome> | null> {
  const baseline = network.cachedSlots(nodeId);
  if (!baseline.every(isKnown)) return null;
  const expected = new Map(baseline.map((s) => [s.slot, s]));
  for (const item of items) {
    try {
      await network.setCode(nodeId, item.slot, item.pin);
    } catch {
      return null;
    }
    expected.set(item.slot, { slot: item.slot, status: 'enabled', code: item.pin });
  }
  const checksum = await network.readChecksum(nodeId).catch(() => null);
  if (checksum === null || checksum !== expectedUserCodeChecksum([...expected.values()])) return null;
  return new Map(items.map((item) => [item.slot, { kind: 'confirmed', proof: 'checksum' } as const]));
}
