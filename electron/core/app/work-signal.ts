import type { ShardedStore } from '../store/store-v2';
import type { WorkSignal } from './app-services';

/** A WorkSignal over the store, told by the app whenever a site's queue changed. */
export interface NotedWorkSignal extends WorkSignal {
  /** A queue changed (any site): recount and tell the listeners if the count moved. */
  note(): void;
}

/**
 * Counts the changes waiting or on the air on every door of every site, from the site files (the queue's durable
 * truth), so the updater knows when a restart would cut nothing. Failed and finished changes do not count.
 */
export function createWorkSignal(store: ShardedStore, log: (line: string) => void): NotedWorkSignal {
  const listeners = new Set<(n: number) => void>();
  let last: number | null = null;
  let counting: Promise<void> = Promise.resolve();
  /** A recount is queued and has not started: further changes before it starts are counted by it. */
  let isQueued = false;

  async function changesInProgress(): Promise<number> {
    let total = 0;
    for (const site of store.index.read().sites) {
      const data = (await store.codes(site.id)).read();
      total += data.operations.filter((op) => op.state === 'waiting' || op.state === 'running').length;
    }
    return total;
  }

  return {
    changesInProgress,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    note() {
      // A bulk run changes the queue hundreds of times: one recount waits at a time, not one per change.
      if (listeners.size === 0 || isQueued) return;
      isQueued = true;
      counting = counting
        .then(() => {
          isQueued = false;
          return changesInProgress();
        })
        .then((count) => {
          if (count === last) return;
          last = count;
          listeners.forEach((listener) => listener(count));
        })
        .catch((error: unknown) => log(`could not count the changes in progress: ${error instanceof Error ? error.message : String(error)}`));
    },
  };
}
