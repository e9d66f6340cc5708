import { describe, expect, it } from 'vitest';
import type { LockProfile } from '../domain/lock';
import { sampleLockProfile } from '../testing/samples';
import { buildCapabilityReport } from './capability-report';
import { formatOffset, zoneOffsetMinutes } from './time-zone';

const good: LockProfile = sampleLockProfile({ clockOffsetMinutes: 60, occupiedSlots: [1, 2] });
const winter = new Date('2026-01-15T12:00:00Z');
const check = (profile: Partial<LockProfile>, now = winter) =>
  buildCapabilityReport({ doorId: 'd1', profile: { ...good, ...profile }, siteTimeZone: 'Europe/Berlin', now });
const item = (report: ReturnType<typeof check>, key: string) => report.items.find((i) => i.key === key)!;

describe('buildCapabilityReport', () => {
  it('passes a healthy S2 lock with native scheduling on every item', () => {
    const report = check({});
    expect(report.overall).toBe('pass');
    expect(report.items.map((i) => i.verdict)).toEqual(Array(10).fill('pass'));
    expect(item(report, 'slots').finding).toContain('28 free');
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
    expect(item(check({ clockOffsetMinutes: 60 }, winter), 'clock').verdict).toBe('pass');
    const july = item(check({ clockOffsetMinutes: 60 }, summer), 'clock');
    expect(july.verdict).toBe('warn');
    expect(july.finding).toContain('UTC+2');
    expect(item(check({ clockOffsetMinutes: 120 }, summer), 'clock').verdict).toBe('pass');
  });

  it('fails when every slot is taken', () => {
    expect(item(check({ slotCount: 2, occupiedSlots: [1, 2] }), 'slots').verdict).toBe('fail');
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
