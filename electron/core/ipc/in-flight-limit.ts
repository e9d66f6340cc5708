import { fail, type Result } from '../../../shared/result';

/** Requests one window or socket may have in flight at once; more are answered `ipc.busy` without being dispatched. */
export const MAX_IN_FLIGHT = 64;

/**
 * Caps the requests one renderer (Electron window or browser-host socket) has in flight: a renderer is untrusted, and
 * one that floods must not queue unbounded work in main. Over the cap, `run` answers `ipc.busy` (nothing was done, try
 * again) without calling the handler.
 */
export interface InFlightLimit {
  run(handle: () => Promise<Result<unknown>>): Promise<Result<unknown>>;
  inFlight(): number;
}

/** A fresh limit (one per window or socket). */
export function createInFlightLimit(max = MAX_IN_FLIGHT): InFlightLimit {
  let inFlight = 0;
  return {
    async run(handle) {
      if (inFlight >= max) return fail('ipc.busy', `Too many requests at once (more than ${max}); nothing was done. Try again.`);
      inFlight += 1;
      try {
        return await handle();
      } finally {
        inFlight -= 1;
      }
    },
    inFlight: () => inFlight,
  };
}
