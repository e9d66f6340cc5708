import type { LockProtocol } from '../../../shared/domain/lock-address';

/**
 * Typical seconds per verified code on each protocol, used only until the run's own locks have shown their speed.
 * Measured on the building demo's virtual locks with `npm run bench -- building-commission` ("measured seconds per
 * code": a lane's last code / its codes): Nuki 0.29–0.30 s; Z-Wave 0.16–0.48 s, median 0.3 s over 10 runs (the
 * flaky locks' dropped frames decide it). Real radios are slower; the first measured door replaces these.
 */
export const TYPICAL_SECONDS_PER_CODE: Record<LockProtocol, number> = { zwave: 0.3, nuki: 0.3 };

/** One connection's share of a run: what is left on it, and what it settled while the run was going. */
export interface LaneProgress {
  protocol: LockProtocol;
  /** Codes still to settle (waiting or on the air now). */
  remaining: number;
  /** Codes settled (done or failed) since the run was last started or resumed. */
  settled: number;
  /** Milliseconds the run has been going since then. */
  activeMs: number;
  /** Milliseconds from then to the last code it settled (codes settle a door's batch at a time). */
  lastSettledMs: number;
}

/**
 * Seconds left for a run: each connection works its doors one at a time and connections run side by side, so the
 * run ends when its slowest connection does. A connection's speed is what it measured in this run: the time to its
 * last settled code over the codes settled (a door's codes settle together, so the time since then is the door in
 * progress, already under way and taken off what is left); before its first door is done, the typical speed of its
 * protocol stands in (`estimated`).
 */
export function estimateSecondsLeft(lanes: readonly LaneProgress[]): { seconds: number | null; basis: 'measured' | 'estimated' | null } {
  const open = lanes.filter((l) => l.remaining > 0);
  if (open.length === 0) return { seconds: null, basis: null };
  let isEstimate = false;
  const perLane = open.map((lane) => {
    if (lane.settled > 0 && lane.lastSettledMs > 0) {
      const perCodeMs = lane.lastSettledMs / lane.settled;
      const underWayMs = Math.max(0, lane.activeMs - lane.lastSettledMs);
      return Math.max(lane.remaining * perCodeMs - underWayMs, perCodeMs) / 1000;
    }
    isEstimate = true;
    return lane.remaining * TYPICAL_SECONDS_PER_CODE[lane.protocol];
  });
  return { seconds: Math.max(...perLane), basis: isEstimate ? 'estimated' : 'measured' };
}
