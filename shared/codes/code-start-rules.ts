import { hasConstraint, type CodeConstraint } from '../domain/code-constraints';

/** Outcome of checking when a time-bound code starts. */
export type CodeStartCheck = { ok: true } | { ok: false; rule: 'start_date_in_future'; message: string };

/**
 * Seam's `start_date_in_future`: "For time-bound codes, the start date must be in the future." Ongoing codes
 * (no start) pass. `now` is passed in so the caller's clock decides, and tests can fix it.
 */
export function checkCodeStart(startsAt: Date | null, now: Date, constraints: readonly CodeConstraint[] | undefined): CodeStartCheck {
  if (startsAt === null || !hasConstraint(constraints, 'start_date_in_future')) return { ok: true };
  if (startsAt.getTime() > now.getTime()) return { ok: true };
  return {
    ok: false,
    rule: 'start_date_in_future',
    message: 'This lock only takes time-bound codes that start in the future. Move the start later, or make the code ongoing.',
  };
}
