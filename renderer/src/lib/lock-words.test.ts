import { describe, expect, it } from 'vitest';
import { isLockAnswering, lockReach } from './lock-words';
import { sampleDoor, sampleLock } from './testing/sample-data';

const zone = 'Europe/Berlin';
const now = new Date('2026-03-14T16:00:00Z');

describe('lockReach: one word for a lock that does not answer', () => {
  it('answering', () => {
    expect(lockReach(sampleDoor(), zone, now)).toMatchObject({ isAnswering: true, label: 'Lock answering', next: null });
  });

  it('not answering since when, in the site\'s time', () => {
    const door = sampleDoor({ isConnected: false, lock: sampleLock({ isOnline: false, offlineSince: '2026-03-14T13:05:00Z' }) });
    expect(lockReach(door, zone, now)).toMatchObject({ isAnswering: false, label: 'Lock not answering since 14:05', short: 'Not answering' });
    expect(lockReach(sampleDoor({ lock: sampleLock({ isOnline: false }) }), zone, now).label).toBe('Lock not answering');
  });

  it('not answering because the site is not connected', () => {
    const reach = lockReach(sampleDoor({ isConnected: false }), zone, now);
    expect(reach).toMatchObject({ isAnswering: false, label: 'Lock not answering – the site is not connected' });
    expect(reach.next).toMatch(/Reconnect/);
    expect(isLockAnswering(undefined)).toBe(false);
  });
});
