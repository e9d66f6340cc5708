import type { LockNetwork } from '../zwave/lock-network';
import { expectedUserCodeChecksum, type ChecksumSlot } from '../zwave/user-code-checksum';
import type { AttemptOutcome } from './lock-attempts';

/** One code of a batch: its slot and PIN. */
export interface BatchItem {
  slot: number;
  pin: string;
}

const isMasked = (code: string | null) => code !== null && /^\*+$/.test(code);

/**
 * Sets several codes on one lock and proves them all with a checksum (User Code CC v2) instead of a read-back per
 * code: 2 checksum reads for the whole batch.
 *
 *   what the slots hold now (zwave-js's cache + the codes Lockbench confirmed earlier; never-read slots as empty)
 *     ─▶ checksum read 1 proves that picture ─▶ Set × N ─▶ checksum read 2 must equal picture + batch
 *
 * Returns null when the proof is not possible or did not hold — a masking lock, a first checksum that differs (the
 * picture is wrong), any Set unanswered, no checksum answer, a final mismatch — and the caller then verifies each
 * code on its own by reading its slot (which also tells which one is wrong).
 */
export async function setBatchWithChecksum(
  network: LockNetwork,
  nodeId: number,
  items: readonly BatchItem[],
  confirmed: readonly BatchItem[],
): Promise<Map<number, AttemptOutcome> | null> {
  const picture = new Map<number, ChecksumSlot>();
  for (const s of network.cachedSlots(nodeId)) {
    if (s.status !== 'enabled' && s.status !== 'disabled') continue;
    if (s.code === null || isMasked(s.code)) return null;
    picture.set(s.slot, { slot: s.slot, status: s.status, code: s.code });
  }
  for (const c of confirmed) picture.set(c.slot, { slot: c.slot, status: 'enabled', code: c.pin });
  for (const item of items) picture.delete(item.slot);
  const checksum = () => network.readChecksum(nodeId).catch(() => null);
  if ((await checksum()) !== expectedUserCodeChecksum([...picture.values()])) return null;
  for (const item of items) {
    try {
      await network.setCode(nodeId, item.slot, item.pin);
    } catch {
      return null;
    }
    picture.set(item.slot, { slot: item.slot, status: 'enabled', code: item.pin });
  }
  if ((await checksum()) !== expectedUserCodeChecksum([...picture.values()])) return null;
  return new Map(items.map((item) => [item.slot, { kind: 'confirmed', proof: 'checksum' } as const]));
}
