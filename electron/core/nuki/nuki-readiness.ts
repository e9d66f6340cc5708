import type { LockReadiness, LockSettlement } from '../ports/lock-port';

/**
 * Per-lock readiness on a Nuki connection: every lock's first contact starts at once, side by side, and each lock
 * settles as its own ends — `ready` when it answered, `not_answering` when it did not (radio off, out of range, its
 * pairing gone). A silent lock never holds up the others.
 */
export function startFirstContacts(
  addresses: readonly string[],
  contact: (address: string) => Promise<boolean>,
  onProgress: (message: string) => void = () => undefined,
): LockReadiness {
  const settled = new Map<string, LockSettlement>();
  const listeners = new Set<(address: string, how: LockSettlement) => void>();
  let finish!: () => void;
  const all = new Promise<void>((resolve) => (finish = resolve));
  let isDisposed = false;

  const settle = (address: string, how: LockSettlement): void => {
    if (settled.has(address) || isDisposed) return;
    settled.set(address, how);
    onProgress(`Lock ${address}: ${how === 'ready' ? 'ready' : 'not answering; Lockbench keeps asking it'} (${settled.size} of ${addresses.length})`);
    for (const listener of [...listeners]) listener(address, how);
    if (settled.size === addresses.length) finish();
  };

  if (addresses.length === 0) finish();
  for (const address of addresses) {
    onProgress(`Connecting to lock ${address}…`);
    contact(address).then(
      (isReady) => settle(address, isReady ? 'ready' : 'not_answering'),
      () => settle(address, 'not_answering'),
    );
  }

  return {
    settlement: (address) => settled.get(address) ?? null,
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allSettled: () => all,
    dispose() {
      isDisposed = true;
      listeners.clear();
      finish();
    },
  };
}
