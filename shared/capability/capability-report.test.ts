import { describe, expect, it } from 'vitest';
import type { LockProfile } from '../domain/lock';
import { sampleLockProfile } from '../testing/samples';
import { withLearnedLengths } from '../codes/learned-lengths';
import { buildCapabilityReport } from './capability-report';
import { formatOffset, zoneOffsetMinutes } from './time-zone';

const winter = new Date('2026-01-15T12:00:00Z');
/** The check began asking the lock at 11:59:58; the lock answered at 11:59:59. */
const checkBegan = new Date('2026-01-15T11:59:58Z');
const answered = '2026-01-15T11:59:59.000Z';
const good: LockProfile = sampleLockProfile({ clockOffsetMinutes: 60, occupiedSlots: [1, 2], readAt: answered, batteryReadAt: answered });
const check = (profile: Partial<LockProfile>, now = winter, readSince = checkBegan) =>
  buildCapabilityReport({ doorId: 'd1', profile: { ...good, ...profile }, siteTimeZone: 'Europe/Berlin', now, readSince });
const item = (report: ReturnType<typeof check>, key: string) => report.items.find((i) => i.key === key)!;

describe('buildCapabilityReport', () => {
  it('passes a healthy S2 lock with native scheduling on every item', () => {
    const report = check({});
    expect(report.overall).toBe('pass');
    expect(report.items.map((i) => i.verdict)).toEqual(Array(10).fill('pass'));
    expect(item(report, 'slots').finding).toContain('28 free');
  });

  it('a Bluetooth lock paired with Lockbench passes security; a lock clock minutes off warns; a low keypad battery warns', () => {
    expect(item(check({ securityClass: 'app_key' }), 'security').verdict).toBe('pass');
    expect(item(check({ lockTime: '2026-01-15T11:59:59.000Z' }), 'clock').verdict).toBe('pass');
    const fast = item(check({ lockTime: '2026-01-15T12:06:59.000Z' }), 'clock');
    expect(fast).toMatchObject({ verdict: 'warn', finding: expect.stringContaining('7 min fast') });
    expect(item(check({ lockTime: '2026-01-15T11:56:00.000Z' }), 'clock').finding).toContain('4 min slow');
    expect(item(check({ isKeypadBatteryLow: true }), 'battery')).toMatchObject({ verdict: 'warn', finding: expect.stringContaining('keypad') });
    expect(item(check({ isKeypadBatteryLow: false }), 'battery').verdict).toBe('pass');
  });

  it('fails a lock without access codes and says what to do', () => {
    const report = check({ supportsAccessCodes: false });
    expect(report.overall).toBe('fail');
    expect(item(report, 'access_codes')).toMatchObject({ verdict: 'fail' });
    expect(item(report, 'access_codes').advice).toBeTruthy();
  });

  it('fails an unreachable lock and warns on low battery, fails on a critical one', () => {
    expect(item(check({ isOnline: false }), 'online').verdict).toBe('fail');
    expect(item(check({ batteryLevel: 15 }), 'battery').verdict).toBe('warn');
    expect(item(check({ batteryLevel: 15, isBatteryLow: true }), 'battery').verdict).toBe('warn');
    expect(item(check({ batteryLevel: 60, isBatteryLow: true }), 'battery').verdict).toBe('warn');
    expect(item(check({ batteryLevel: 5 }), 'battery').verdict).toBe('fail');
    expect(item(check({ batteryLevel: null }), 'battery').verdict).toBe('warn');
  });

  it('warns when the lock cannot schedule natively, and every warn carries advice', () => {
    const report = check({ nativeScheduling: false, securityClass: 'none', clockOffsetMinutes: null });
    expect(report.overall).toBe('warn');
    expect(item(report, 'native_scheduling').verdict).toBe('warn');
    expect(item(report, 'security').verdict).toBe('warn');
    for (const i of report.items.filter((x) => x.verdict !== 'pass')) expect(i.advice).toBeTruthy();
  });

  it('compares the lock time zone with the site zone including DST', () => {
    const summer = new Date('2026-07-15T12:00:00Z');
    const july = { readAt: '2026-07-15T11:59:59.000Z', batteryReadAt: '2026-07-15T11:59:59.000Z' };
    const julyBegan = new Date('2026-07-15T11:59:58Z');
    expect(item(check({ clockOffsetMinutes: 60 }, winter), 'clock').verdict).toBe('pass');
    const offByOne = item(check({ clockOffsetMinutes: 60, ...july }, summer, julyBegan), 'clock');
    expect(offByOne.verdict).toBe('warn');
    expect(offByOne.finding).toContain('UTC+2');
    expect(item(check({ clockOffsetMinutes: 120, ...july }, summer, julyBegan), 'clock').verdict).toBe('pass');
  });

  it('fails when every slot is taken', () => {
    expect(item(check({ slotCount: 2, occupiedSlots: [1, 2] }), 'slots').verdict).toBe('fail');
  });
});

describe('what the lock says about PIN lengths', () => {
  const schlage = { supportedCodeLengths: [6], codeLengthsSource: 'lock_setting' as const, codeLengthsNote: 'the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6' };

  it('passes lengths read from the lock, naming where they were read', () => {
    const lengths = item(check(schlage), 'code_lengths');
    expect(lengths.verdict).toBe('pass');
    expect(lengths.finding).toBe('PINs of 6 digits: the lock\'s "User Code PIN Length" setting, configuration parameter 16, is 6.');
  });

  it('never passes unknown lengths: warns with what Lockbench will do', () => {
    const lengths = item(check({ supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10], codeLengthsSource: 'unknown', codeLengthsNote: null }), 'code_lengths');
    expect(lengths.verdict).toBe('warn');
    expect(lengths.finding).toContain('4–10 digits');
    expect(lengths.finding).toContain("learns from the lock's first refusal");
    expect(lengths.advice).toBeTruthy();
  });

  it('shows what was learned, and refused lengths are no longer offered', () => {
    const unknown = { ...good, supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10], codeLengthsSource: 'unknown' as const, codeLengthsNote: null };
    const profile = withLearnedLengths(unknown, { acceptedLengths: [6], refusedLengths: [4] });
    const lengths = item(check(profile), 'code_lengths');
    expect(lengths.verdict).toBe('warn');
    expect(lengths.finding).toContain('5–10 digits');
    expect(lengths.finding).toContain('Learned from this lock: kept 6-digit PINs; refused 4-digit PINs.');
  });
});

describe('reserved slots', () => {
  it("counts the Yale's admin-code slot out of the free slots and names it", () => {
    const yale = { slotCount: 251, reservedSlots: [{ slot: 251, reason: "the lock's admin (master) code" }], occupiedSlots: [1, 251] };
    const slots = item(check(yale), 'slots');
    expect(slots.verdict).toBe('pass');
    expect(slots.finding).toContain('250 slots for codes, 1 in use, 249 free.');
    expect(slots.finding).toContain("Slot 251 holds the lock's admin (master) code");
  });

  it('a lock whose usable slots are all taken fails, though its admin slot is "free"', () => {
    const full = { slotCount: 3, reservedSlots: [{ slot: 3, reason: "the lock's admin (master) code" }], occupiedSlots: [1, 2] };
    expect(item(check(full), 'slots')).toMatchObject({ verdict: 'fail' });
    expect(item(check(full), 'slots').finding).toContain('2 slots for codes, 2 in use, 0 free.');
  });
});

describe('a lock that did not answer this check', () => {
  const earlier = '2026-01-15T09:30:00.000Z'; // 10:30 in Berlin
  const silent = { isOnline: false, offlineSince: '2026-01-15T10:00:00.000Z', readAt: earlier, batteryReadAt: earlier, batteryLevel: 80 };

  it('is "not answering", with since when and its last answer in the site\'s zone', () => {
    const online = item(check(silent), 'online');
    expect(online.verdict).toBe('fail');
    expect(online.finding).toContain('not answering since Thu 15 Jan, 11:00 CET');
    expect(online.finding).toContain('last answered Thu 15 Jan, 10:30 CET');
  });

  it('never passes what it could not read now: slots and clock from the last read, with its time', () => {
    const report = check(silent);
    for (const key of ['slots', 'clock']) {
      expect(item(report, key).verdict).toBe('warn');
      expect(item(report, key).finding).toMatch(/^Last read Thu 15 Jan, 10:30 CET: .* Not confirmed now: the lock is not answering\.$/);
      expect(item(report, key).advice).toBeTruthy();
    }
  });

  it('shows the last known battery level with its time instead of "did not report"', () => {
    const battery = item(check(silent), 'battery');
    expect(battery.verdict).toBe('warn');
    expect(battery.finding).toContain('Last read Thu 15 Jan, 10:30 CET: Battery at 80%.');
    expect(battery.finding).not.toContain('did not report');
  });

  it('a lock that answers but whose battery reading is old shows that reading as old', () => {
    const battery = item(check({ batteryReadAt: earlier, batteryLevel: 70 }), 'battery');
    expect(battery.verdict).toBe('warn');
    expect(battery.finding).toContain('Last read Thu 15 Jan, 10:30 CET: Battery at 70%.');
  });

  it('a lock zwave-js still thinks alive but which answered nothing now is not answering either', () => {
    expect(item(check({ readAt: earlier }), 'online')).toMatchObject({ verdict: 'fail' });
  });

  it('carries codes from elsewhere only when given (null when the slots were not read now)', () => {
    expect(check({}).codes_from_elsewhere).toBeNull();
    expect(buildCapabilityReport({ doorId: 'd1', profile: good, siteTimeZone: 'UTC', now: winter, readSince: checkBegan, codesFromElsewhere: 2 }).codes_from_elsewhere).toBe(2);
  });
});

describe('time zones', () => {
  it('knows offsets across DST', () => {
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-01-10T00:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-07-10T00:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(formatOffset(330)).toBe('UTC+5:30');
    expect(formatOffset(-300)).toBe('UTC−5');
  });
});
