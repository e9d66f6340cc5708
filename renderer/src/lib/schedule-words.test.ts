import { describe, expect, it } from 'vitest';
import { describeSchedule, lastUsedWords, scheduleNote, windowWords } from './schedule-words';
import { sampleTimeBoundCode } from './testing/sample-data';

const base = { startsAt: '2026-03-14T14:00:00.000Z', endsAt: '2026-03-16T10:00:00.000Z', zone: 'Europe/Berlin', doorName: 'Back door' };

describe('describeSchedule', () => {
  it('on a lock with native scheduling: loaded up to 72 h ahead, unset until the start, then set, cleared after the end', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: true, now: new Date('2026-03-01T09:00:00Z') });
    expect(summary.needsCloudConfirmation).toBe(false);
    expect(summary.lines.join(' ')).toContain('up to 72 hours before the start (from 15:00 Wed 11 Mar)');
    expect(summary.lines.join(' ')).toContain('Shows “unset” until 15:00 Sat 14 Mar, then “set”.');
    expect(summary.lines.join(' ')).toContain('Cleared after the end (11:00 Mon 16 Mar)');
  });

  it('loads it now when the start is less than 72 hours away', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: true, now: new Date('2026-03-13T09:00:00Z') });
    expect(summary.lines[0]).toMatch(/^Loaded into Back door's lock now/);
  });

  it('without native scheduling: the cloud adds and removes it once synced, and the installer must confirm', () => {
    const summary = describeSchedule({ ...base, nativeScheduling: false, now: new Date('2026-03-01T09:00:00Z') });
    expect(summary.needsCloudConfirmation).toBe(true);
    expect(summary.heading).toBe('This lock cannot switch the code on and off by itself');
    expect(summary.lines[0]).toBe(
      'The cloud will add it at 15:00 Sat 14 Mar and remove it at 11:00 Mon 16 Mar once this laptop syncs; the laptop will not be on site.',
    );
  });
});

describe('code row words', () => {
  it('shows the window in site time, and nothing for an ongoing code', () => {
    expect(windowWords(sampleTimeBoundCode(), 'Europe/Berlin')).toBe('16:00 Sat 14 Mar → 12:00 Mon 16 Mar');
    expect(windowWords({ type: 'ongoing', starts_at: null, ends_at: null }, 'Europe/Berlin')).toBeNull();
  });

  it('says who starts an unset time-bound code', () => {
    const loaded = sampleTimeBoundCode({ events: [{ event_type: 'access_code.scheduled_on_device', occurred_at: '2026-03-12T00:00:00Z' }] });
    expect(scheduleNote(loaded, 'Europe/Berlin')).toBe('Loaded on the lock; starts at 16:00 Sat 14 Mar');
    expect(scheduleNote(sampleTimeBoundCode({ scheduled_by: 'cloud' }), 'Europe/Berlin')).toBe('The cloud adds it at 16:00 Sat 14 Mar');
    expect(scheduleNote(sampleTimeBoundCode({ status: 'set' }), 'Europe/Berlin')).toBeNull();
  });

  it('says when the code was last used on the keypad', () => {
    expect(lastUsedWords({ last_used_at: '2026-03-15T07:12:00Z' }, 'Europe/Berlin')).toBe('Last used on the keypad 08:12 Sun 15 Mar');
    expect(lastUsedWords({ last_used_at: null }, 'Europe/Berlin')).toBeNull();
  });
});
