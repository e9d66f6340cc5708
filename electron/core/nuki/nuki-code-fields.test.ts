import { describe, expect, it } from 'vitest';
import type { CodePut } from '../ports/lock-port';
import { fitKeypadName, isEntryOfPut, newKeypadCodeFor, slotReadingOf } from './nuki-code-fields';
import type { KeypadCodeEntry } from './protocol/keypad-codes-codec';

const bytes = (s: string): number => new TextEncoder().encode(s).length;
const put = (over: Partial<CodePut> = {}): CodePut => ({ key: 'k', slot: null, pin: '345678', name: 'Guest', window: null, mayBeThere: false, ...over });
const WINDOW = { startsAt: '2025-06-10T14:00:00.999Z', endsAt: '2025-06-14T10:00:00Z', siteTimeZone: 'Europe/Berlin', lockOffsetMinutes: 120 };

describe('fitKeypadName', () => {
  it('keeps a name that fits and cuts a long one to whole characters within 20 bytes', () => {
    expect(fitKeypadName('Front door guest')).toBe('Front door guest');
    expect(fitKeypadName('Ferienwohnung Größe Süd')).toBe('Ferienwohnung Größ');
    expect(fitKeypadName('ééééééééééé')).toBe('éééééééééé'); // 11 × 2 bytes → 10
    expect(fitKeypadName('Family 👨‍👩‍👧 and friends')).toBe('Family ');
    expect(fitKeypadName('日本語の名前です長い')).toBe('日本語の名前'); // 3 bytes each: 6 fit
    for (const name of ['a'.repeat(30), 'ü'.repeat(15), '€'.repeat(9), 'x😀'.repeat(6)]) expect(bytes(fitKeypadName(name))).toBeLessThanOrEqual(20);
  });

  it('drops NULs, which would end the name on the wire', () => {
    expect(fitKeypadName('A\0B')).toBe('AB');
  });
});

describe('newKeypadCodeFor', () => {
  it('makes an always-valid code without a window', () => {
    expect(newKeypadCodeFor(put())).toEqual({ code: '345678', name: 'Guest', schedule: null });
  });

  it('makes a time-limited code from a window: UTC dates in whole seconds, every day, all day', () => {
    expect(newKeypadCodeFor(put({ window: WINDOW })).schedule).toEqual({
      allowedFrom: new Date('2025-06-10T14:00:00Z'),
      allowedUntil: new Date('2025-06-14T10:00:00Z'),
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      fromTime: { hour: 0, minute: 0 },
      untilTime: { hour: 0, minute: 0 },
    });
  });
});

describe('isEntryOfPut', () => {
  const entry = (over: Partial<KeypadCodeEntry> = {}): KeypadCodeEntry => ({
    codeId: 7, code: '345678', name: 'Guest', enabled: true, schedule: null, dateCreated: null, dateLastActive: null, lockCount: 0, ...over,
  });

  it('matches PIN, name and dates', () => {
    expect(isEntryOfPut(entry(), put())).toBe(true);
    expect(isEntryOfPut(entry({ code: '345679' }), put())).toBe(false);
    expect(isEntryOfPut(entry({ name: 'Other' }), put())).toBe(false);
    const scheduled = entry({ schedule: newKeypadCodeFor(put({ window: WINDOW })).schedule });
    expect(isEntryOfPut(scheduled, put({ window: WINDOW }))).toBe(true);
    expect(isEntryOfPut(scheduled, put())).toBe(false);
    expect(isEntryOfPut(entry(), put({ window: WINDOW }))).toBe(false);
    expect(isEntryOfPut(scheduled, put({ window: { ...WINDOW, endsAt: '2025-06-15T10:00:00Z' } }))).toBe(false);
  });

  it('matches a long name by what the lock could keep', () => {
    expect(isEntryOfPut(entry({ name: 'Ferienwohnung Größ' }), put({ name: 'Ferienwohnung Größe Süd' }))).toBe(true);
  });
});

describe('slotReadingOf', () => {
  it('reads the code id as the slot and shows the PIN', () => {
    const base = { code: '345678', name: '', schedule: null, dateCreated: null, dateLastActive: null, lockCount: 0 };
    expect(slotReadingOf({ ...base, codeId: 4, enabled: true })).toEqual({ slot: 4, status: 'enabled', code: '345678' });
    expect(slotReadingOf({ ...base, codeId: 5, enabled: false })).toEqual({ slot: 5, status: 'disabled', code: '345678' });
  });
});
