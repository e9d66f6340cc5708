import type { LockReadiness, LockSettlement } from '../ports/lock-port';

/** Test support: a LockReadiness whose locks settle when the test says so (interviews or first contacts, scripted). */
export interface ManualReadiness extends LockReadiness {
  /** Ends one lock's first contact. */
  settle(address: string, how?: LockSettlement): void;
}

/** Creates a ManualReadiness over `addresses`; `allSettled` resolves once each of them has settled. */
export function createManualReadiness(addresses: readonly string[]): ManualReadiness {
  const settled = new Map<string, LockSettlement>();
  const listeners = new Set<(address: string, how: LockSettlement) => void>();
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  return {
    settle(address, how = 'ready') {
      if (settled.has(address)) return;
      settled.set(address, how);
      listeners.forEach((l) => l(address, how));
      if (addresses.every((a) => settled.has(a))) finish();
    },
    settlement: (address) => settled.get(address) ?? null,
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allSettled: () => all,
    dispose: () => finish(),
  };
}
