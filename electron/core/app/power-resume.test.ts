import { describe, expect, it } from 'vitest';
import { createPowerResume } from './power-resume';

describe('createPowerResume', () => {
  it('on wake: timers re-read the wall clock first, each open site catches up then its queue runs, and the sync runs', async () => {
    const steps: string[] = [];
    let watched!: () => void;
    const onWake = createPowerResume({
      clock: { rearm: () => steps.push('rearm') },
      openSiteIds: () => ['house', 'building'],
      watchSite: (siteId) => (steps.push(`watch ${siteId}`), siteId === 'house' ? new Promise<void>((done) => (watched = done)) : Promise.reject(new Error('site closed meanwhile'))),
      kickSite: (siteId) => steps.push(`kick ${siteId}`),
      syncNow: () => steps.push('sync'),
      log: (line) => steps.push(line.startsWith('the computer woke') ? 'logged' : `log: ${line}`),
    });
    onWake();
    expect(steps).toEqual(['logged', 'rearm', 'watch house', 'watch building', 'sync']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A time keeper that failed still lets the queue run; a slow one runs the queue after it caught up.
    expect(steps.slice(5)).toEqual(['log: time keeper after wake: site closed meanwhile', 'kick building']);
    watched();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(steps.at(-1)).toBe('kick house');
  });
});
