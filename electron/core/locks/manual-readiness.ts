import type { LockReadiness, LockSettlement } from '../zwave/node-readiness';

/** Test support: a LockReadiness whose locks settle when the test says so (zwave-js's interviews, scripted). */
export interface ManualReadiness extends LockReadiness {
  /** Ends one lock's interview. */
  settle(nodeId: number, how?: LockSettlement): void;
}

/** Creates a ManualReadiness over `nodeIds`; `allSettled` resolves once each of them has settled. */
export function createManualReadiness(nodeIds: readonly number[]): ManualReadiness {
  const settled = new Map<number, LockSettlement>();
  const listeners = new Set<(nodeId: number, how: LockSettlement) => void>();
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  return {
    settle(nodeId, how = 'ready') {
      if (settled.has(nodeId)) return;
      settled.set(nodeId, how);
      listeners.forEach((l) => l(nodeId, how));
      if (nodeIds.every((id) => settled.has(id))) finish();
    },
    settlement: (nodeId) => settled.get(nodeId) ?? null,
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allSettled: () => all,
    dispose: () => finish(),
  };
}
