import type { WallClock } from '../ports/wall-clock';

/** What waking up touches. */
export interface PowerResumeDeps {
  /** The app's clock, or null when a test gave its own (a test clock does not sleep). */
  clock: Pick<WallClock, 'rearm'> | null;
  /** Sites whose connections are open. */
  openSiteIds(): string[];
  /** The queue tries what waits on a site's doors now. */
  kickSite(siteId: string): void;
  /** The time keeper catches up on a site's codes whose start or end passed. */
  watchSite(siteId: string): Promise<void>;
  /** The cloud sync runs now (when there is an account). */
  syncNow(): void;
  log(line: string): void;
}

/**
 * After the computer wakes from sleep, everything that waits for a time catches up at once instead of waiting out
 * delays that were counted while it slept:
 *
 *   wake ─▶ clock.rearm() (retries, revival pings, sync timer, time-bound starts/ends that passed: now)
 *        ─▶ per open site: time keeper catches up ─▶ queue tries the site's doors
 *        ─▶ cloud sync now
 */
export function createPowerResume(deps: PowerResumeDeps): () => void {
  return () => {
    deps.log('the computer woke from sleep: timers, the time keeper, the queue and the sync catch up now');
    deps.clock?.rearm();
    for (const siteId of deps.openSiteIds()) {
      void deps
        .watchSite(siteId)
        .catch((error: unknown) => deps.log(`time keeper after wake: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => deps.kickSite(siteId));
    }
    deps.syncNow();
  };
}
