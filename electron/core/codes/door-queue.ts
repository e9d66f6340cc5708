/**
 * Runs lock jobs one at a time per door (a lock handles one command exchange at a time; interleaving Sets and
 * read-backs for one lock only makes them slower and their verification ambiguous). Doors run in parallel.
 */
export interface DoorQueue {
  run<T>(doorId: string, job: () => Promise<T>): Promise<T>;
  /** Resolves when every queued job has finished. */
  idle(): Promise<void>;
}

/** Creates a per-door serial job runner. */
export function createDoorQueue(): DoorQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(doorId, job) {
      const previous = tails.get(doorId) ?? Promise.resolve();
      const next = previous.catch(() => {}).then(job);
      tails.set(doorId, next);
      void next.finally(() => {
        if (tails.get(doorId) === next) tails.delete(doorId);
      }).catch(() => {});
      return next;
    },
    async idle() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
