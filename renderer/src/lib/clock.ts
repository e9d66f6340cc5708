/**
 * The wall clock for state classes, passed in so tests can fix it. Kept out of the `*.svelte.ts` files: a Date made
 * there looks like mutable reactive state to the linter; these Dates are only ever replaced, never mutated.
 */

/** A clock: the current instant. */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();

/** A clock made from an epoch-milliseconds source (AppState's `now`). */
export function clockFrom(nowMs: () => number): Clock {
  return () => new Date(nowMs());
}
