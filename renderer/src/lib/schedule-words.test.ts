import { describe, expect, it } from 'vitest';
import { describeSchedule, lastUsedWords, lockClockCheck, windowWords } from './schedule-words';
import { sampleTimeBoundCode } from './testing/sample-data';

const base = { startsAt: '2026-03-14T14:00:00.000Z', endsAt: '2026-03-16T10:00:00.000Z', zone: 'Europe/Berlin', doorName: 'Back door' };

describe('describeSchedule', () => {
  it('on a lock with native scheduling: loaded up to 72 h ahead, unset until the start, then set, cleared after the end', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: true, now: new Date('2026-03-01T09:00:00Z') });
    expect(summary.needsLockbenchConfirmation).toBe(false);
    expect(summary.lines.join(' ')).toContain('up to 72 hours before the start (from 15:00 Wed 11 Mar)');
    expect(summary.lines.join(' ')).toContain('Shows “unset” until 15:00 Sat 14 Mar, then “set”.');
    expect(summary.lines.join(' ')).toContain('Cleared after the end (11:00 Mon 16 Mar)');
  });

  it('loads it now when the start is less than 72 hours away, but not while the lock\'s clock is off', () => {
    const soon = new Date('2026-03-13T09:00:00Z');
    expect(describeSchedule({ ...base, nativeScheduling: true, now: soon }).lines[0]).toMatch(/^Loaded into Back door's lock now/);
    expect(describeSchedule({ ...base, nativeScheduling: true, now: soon, isLockClockOff: true }).lines[0]).toMatch(/once the lock's clock is on the site's time/);
  });

  it('without native scheduling: Lockbench puts it on and takes it off, this laptop must reach the lock, and the installer confirms', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: false, now: new Date('2026-03-01T09:00:00Z') });
    expect(summary.needsLockbenchConfirmation).toBe(true);
    expect(summary.lines[0]).toBe('Lockbench puts it on at 15:00 Sat 14 Mar and takes it off at 11:00 Mon 16 Mar – this laptop must reach the lock then.');
    expect(JSON.stringify(summary)).not.toMatch(/cloud/i);
    const started = describeSchedule({ ...base, nativeScheduling: false, now: new Date('2026-03-14T14:05:00Z') });
    expect(started.lines[0]).toBe('Lockbench puts it on now and takes it off at 11:00 Mon 16 Mar – this laptop must reach the lock then.');
  });

  it('on a door linked to a cloud device that programs online: the cloud switches it, no confirmation needed', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: false, cloudSchedules: true, now: new Date('2026-03-01T09:00:00Z') });
    expect(summary.needsLockbenchConfirmation).toBe(false);
    expect(summary.heading).toMatch(/the cloud does it/);
    expect(summary.lines[0]).toBe('The cloud puts it on at 15:00 Sat 14 Mar and takes it off at 11:00 Mon 16 Mar; this laptop need not be there.');
    expect(describeSchedule({ ...base, nativeScheduling: true, cloudSchedules: true, now: new Date('2026-03-01T09:00:00Z') }).heading).toMatch(/by itself$/);
  });
});

describe('lockClockCheck', () => {
  const winter = new Date('2026-01-10T12:00:00Z');
  it('blocks a lock whose clock is on another offset than the site now', () => {
    expect(lockClockCheck({ nativeScheduling: true, clockOffsetMinutes: 0 }, 'Europe/Berlin', winter)).toMatchObject({ blocksSave: true });
    expect(lockClockCheck({ nativeScheduling: true, clockOffsetMinutes: 60 }, 'Europe/Berlin', winter)).toBeNull();
    // Summer: Berlin is UTC+2, a lock left on +1 is off.
    expect(lockClockCheck({ nativeScheduling: true, clockOffsetMinutes: 60 }, 'Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toMatchObject({ blocksSave: true });
  });

  it('advises setting a clock the lock did not report, without blocking; says nothing for a lock that does not schedule', () => {
    expect(lockClockCheck({ nativeScheduling: true, clockOffsetMinutes: null }, 'Europe/Berlin', winter)).toMatchObject({ blocksSave: false });
    expect(lockClockCheck({ nativeScheduling: false, clockOffsetMinutes: 0 }, 'Europe/Berlin', winter)).toBeNull();
    expect(lockClockCheck(null, 'Europe/Berlin', winter)).toBeNull();
  });
});

describe('code row words', () => {
  it('shows the window in site time, and nothing for an ongoing code', () => {
    expect(windowWords(sampleTimeBoundCode(), 'Europe/Berlin')).toBe('16:00 Sat 14 Mar → 12:00 Mon 16 Mar');
    expect(windowWords({ type: 'ongoing', starts_at: null, ends_at: null }, 'Europe/Berlin')).toBeNull();
  });

  it('says when the code was last used on the keypad', () => {
    expect(lastUsedWords({ last_used_at: '2026-03-15T07:12:00Z' }, 'Europe/Berlin')).toBe('Last used on the keypad 08:12 Sun 15 Mar');
    expect(lastUsedWords({ last_used_at: null }, 'Europe/Berlin')).toBeNull();
  });
});
