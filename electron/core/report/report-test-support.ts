// Sample data for the report's tests (not used by the app): a building of doors with codes, checks and operations.
import type { AccessCode } from '../../../shared/domain/access-code';
import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import type { UnmanagedCode } from '../../../shared/domain/unmanaged-code';
import { sampleAccessCode, sampleDoor, sampleLockProfile, sampleSite } from '../../../shared/testing/samples';
import type { ReportDataInput } from './report-data';

/** The instant every sample report is produced at (10:00 in Berlin). */
export const REPORT_NOW = new Date('2026-11-30T09:00:00.000Z');

/** The PIN of sample code `c` on door `d`: distinct 6 digits, so a test can look for each one in the output. */
export const samplePin = (d: number, c: number): string => String(700000 + d * 100 + c);

/** A stored check for a door; override any field. */
export function sampleCheck(doorId: string, over: Partial<CapabilityReport> = {}): CapabilityReport {
  return {
    door_id: doorId,
    checked_at: '2026-11-29T14:00:00.000Z',
    overall: 'pass',
    items: [
      { key: 'access_codes', label: 'Access codes', verdict: 'pass', finding: 'The lock holds keypad codes.', advice: null, source: 'lock' },
      { key: 'clock', label: 'Clock', verdict: 'pass', finding: 'The lock time zone matches the site.', advice: null, source: 'lock' },
    ],
    codes_from_elsewhere: 0,
    ...over,
  };
}

/** A queued operation for a code; override any field. */
export function sampleOperation(code: AccessCode, over: Partial<Operation> = {}): Operation {
  return {
    operation_id: `op-${code.access_code_id}`,
    access_code_id: code.access_code_id,
    door_id: code.door_id,
    kind: 'set_code',
    state: 'waiting',
    attempts: 0,
    reason: 'new_code',
    not_before: null,
    is_ambiguous: false,
    last_error: null,
    created_at: code.created_at,
    updated_at: code.created_at,
    run_id: null,
    ...over,
  };
}

/** A proven code on a door (proven `minutes` after 15:00 UTC on 29 Nov), used at the keypad when its slot is even. */
export function provenCode(doorId: string, id: string, pin: string, slot: number, name: string | null, minutes = 0): AccessCode {
  const at = (base: string) => new Date(Date.parse(base) + minutes * 60_000).toISOString();
  return sampleAccessCode({
    access_code_id: id,
    door_id: doorId,
    code: pin,
    slot,
    name,
    status: 'set',
    verified_by: 'read_back',
    verified_at: at('2026-11-29T15:00:00.000Z'),
    last_used_at: slot % 2 === 0 ? at('2026-11-30T07:30:00.000Z') : null,
  });
}

/**
 * A building: `doorCount` doors over floors (flats and a few common doors), each with `codesPerDoor` proven codes (every
 * third one time-bound), a stored check, a battery here and there low, and one code left on the first lock.
 */
export function sampleBuilding(doorCount = 24, codesPerDoor = 10, over: Partial<ReportDataInput> = {}): ReportDataInput {
  const site = sampleSite({ id: 'site-1', name: 'Harbour View Apartments', timeZone: 'Europe/Berlin' });
  const doors: Door[] = [];
  const codes: AccessCode[] = [];
  const checks: CapabilityReport[] = [];
  for (let d = 0; d < doorCount; d++) {
    const floor = String(Math.floor(d / 4));
    const id = `door-${d}`;
    doors.push(
      sampleDoor({
        id,
        siteId: site.id,
        name: d % 4 === 0 ? `Entrance stairwell ${floor}` : `Flat ${floor}.${String(d % 4).padStart(2, '0')}`,
        lockAddress: { protocol: 'zwave', address: String(d + 2) },
        floor,
        group: d % 4 === 0 ? 'common' : 'flat',
        unit: d % 4 === 0 ? null : `${floor}.${String(d % 4).padStart(2, '0')}`,
        lastProfile: sampleLockProfile({ address: String(d + 2), serialNumber: `SN-${1000 + d}`, batteryLevel: d % 7 === 3 ? 12 : 88, isBatteryLow: d % 7 === 3 }),
      }),
    );
    checks.push(sampleCheck(id));
    for (let c = 0; c < codesPerDoor; c++) {
      const code = provenCode(id, `${id}-code-${c}`, samplePin(d, c), c + 1, `Resident ${d}-${c}`, (d * codesPerDoor + c) * 7);
      if (c % 3 === 2) Object.assign(code, { type: 'time_bound', starts_at: '2026-12-01T14:00:00.000Z', ends_at: '2026-12-03T10:00:00.000Z', scheduled_by: 'lock' });
      codes.push(code);
    }
  }
  const unmanaged: Record<string, UnmanagedCode[]> = { 'door-0': [{ door_id: 'door-0', slot: 20, status: 'enabled', code: '135790', is_masked: false }] };
  return { site, doors, doorIds: null, codes, operations: [], checks, unmanaged, installerName: 'Alex Installer', now: REPORT_NOW, appVersion: '0.1.0', showPins: false, ...over };
}
