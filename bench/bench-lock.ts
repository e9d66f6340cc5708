import { DEMO_LOCKS } from '../electron/core/demo/demo-locks';
import type { VirtualLockSpec } from '../electron/core/demo/virtual-stick';

/** The lock both benchmark paths program: the demo's S2 deadbolt, with enough slots for the run and a steady radio. */
export function benchLockSpec(codes: number): VirtualLockSpec {
  const front = DEMO_LOCKS.find((l) => l.nodeId === 2)!;
  return { ...front, slotCount: Math.max(front.slotCount, codes + 5), dropRate: 0 };
}

/** Distinct valid PINs for the run (6 digits, no runs or repeats). */
export function benchPins(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(135790 + i * 7919).slice(0, 6));
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
