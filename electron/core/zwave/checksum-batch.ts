import { hidesPin, type AttemptOutcome } from '../ports/lock-port';
import { expectedUserCodeChecksum, type ChecksumSlot } from './user-code-checksum';
import type { AttemptTarget } from './slot-attempts';

/** One code of a batch: its slot and PIN. */
export interface BatchItem {
  slot: number;
  pin: string;
}


/**
 * Sets several codes on one lock and proves them all with a checksum (User Code CC v2) instead of a read-back per
 * code: 2 checksum reads for the whole batch.
 *
 *   what the slots hold now (zwave-js's cache + the codes Lockbench confirmed earlier; never-read slots as empty)
 *     ─▶ checksum read 1 proves that picture — the batch's slots among it, EMPTY: a code typed at the keypad since
 *        the last read makes it differ, and then nothing is sent ─▶ Set × N ─▶ checksum read 2 = picture + batch
 *
 * `proven` is null when the proof is not possible or did not hold — a masking lock, a first checksum that differs
 * (the picture is wrong), any Set unanswered, no checksum answer, a final mismatch — and the caller then verifies each
 * code on its own by reading its slot (which also tells which one is wrong). `sentSlots`: the slots a Set went to
 * (only those codes may already be on the lock).
 */
export async function setBatchWithChecksum(
  target: AttemptTarget,
  items: readonly BatchItem[],
  confirmed: readonly BatchItem[],
): Promise<{ proven: Map<number, AttemptOutcome> | null; sentSlots: Set<number> }> {
  const { network, nodeId } = target;
  const sentSlots = new Set<number>();
  const unproven = { proven: null, sentSlots };
  const picture = new Map<number, ChecksumSlot>();
  for (const s of network.cachedSlots(nodeId)) {
    if (s.status !== 'enabled' && s.status !== 'disabled') continue;
    if (hidesPin(s.code)) return unproven;
    picture.set(s.slot, { slot: s.slot, status: s.status, code: s.code });
  }
  for (const c of confirmed) picture.set(c.slot, { slot: c.slot, status: 'enabled', code: c.pin });
  for (const item of items) picture.delete(item.slot);
  const checksum = () => network.readChecksum(nodeId).catch(() => null);
  if ((await checksum()) !== expectedUserCodeChecksum([...picture.values()])) return unproven;
  if (!(await target.onAir())) return unproven;
  for (const item of items) {
    sentSlots.add(item.slot);
    try {
      await network.setCode(nodeId, item.slot, item.pin);
    } catch {
      return unproven;
    }
    picture.set(item.slot, { slot: item.slot, status: 'enabled', code: item.pin });
  }
  if ((await checksum()) !== expectedUserCodeChecksum([...picture.values()])) return unproven;
  return { proven: new Map(items.map((item) => [item.slot, { kind: 'confirmed', proof: 'checksum' } as const])), sentSlots };
}
