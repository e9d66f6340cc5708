import { describe, expect, it } from 'vitest';
import type { CloudDeviceFacts } from '../domain/cloud';
import { sampleLockProfile } from '../testing/samples';
import { buildCapabilityReport } from './capability-report';
import { mergeCloudFacts } from './cloud-lines';

const facts = (over: Partial<CloudDeviceFacts> = {}): CloudDeviceFacts => ({
  device_id: 'dev', name: 'Back door', manufacturer: 'Kwikset', model: 'Lever', serial_number: null, online: true, can_program_online_access_codes: true,
  supported_code_lengths: [4, 5, 6], max_active_codes_supported: 10, code_constraints: [{ constraint_type: 'no_zeros' }], battery_level: 0.75, warnings: [], errors: [], read_at: '2026-11-30T10:00:00Z', ...over,
});

describe('mergeCloudFacts', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const lock = sampleLockProfile({ nativeScheduling: false, supportedCodeLengths: [4, 5, 6], isOnline: true, readAt: now.toISOString() });
  const report = buildCapabilityReport({ doorId: 'door-1', profile: lock, siteTimeZone: 'UTC', now, readSince: now });

  it('leaves an unlinked door as the lock said, every line from the lock', () => {
    expect(mergeCloudFacts(report, null, false)).toBe(report);
    expect(report.items.find((i) => i.key === 'online')!.verdict).toBe('pass');
    expect(report.items.every((i) => i.source === 'lock')).toBe(true);
  });

  it('marks the lines the cloud adds to, and lets the cloud schedule what the lock cannot', () => {
    const merged = mergeCloudFacts(report, facts(), false);
    expect(merged.items.find((i) => i.key === 'native_scheduling')).toMatchObject({ verdict: 'pass', source: 'lock_and_cloud' });
    expect(merged.items.find((i) => i.key === 'pin_rules')!.finding).toContain('no_zeros');
    expect(merged.items.find((i) => i.key === 'characters')!.source).toBe('lock');
  });

  it('warns when the cloud cannot reach the lock or cannot program it online', () => {
    const merged = mergeCloudFacts(report, facts({ online: false, can_program_online_access_codes: false }), false);
    expect(merged.items.find((i) => i.key === 'online')).toMatchObject({ verdict: 'warn', source: 'lock_and_cloud' });
    expect(merged.items.find((i) => i.key === 'access_codes')!.verdict).toBe('warn');
    expect(merged.items.find((i) => i.key === 'native_scheduling')!.verdict).toBe('warn');
    expect(merged.overall).not.toBe('pass');
  });
});
