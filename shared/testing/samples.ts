import type { AccessCode } from '../domain/access-code';
import type { LockProfile } from '../domain/lock';

const at = '2026-01-01T00:00:00.000Z';

/** Test sample: a healthy S2 keypad lock, 30 slots, 4–8 digits, native scheduling; override any field. */
export function sampleLockProfile(over: Partial<LockProfile> = {}): LockProfile {
  return {
    nodeId: 2,
    manufacturer: 'Virtual',
    model: 'Deadbolt',
    firmwareVersion: '1.0',
    securityClass: 'S2_AccessControl',
    isOnline: true,
    supportsAccessCodes: true,
    slotCount: 30,
    supportedCodeLengths: [4, 5, 6, 7, 8],
    pinCharset: 'digits',
    nativeScheduling: true,
    supportsChecksum: true,
    batteryLevel: 90,
    isBatteryLow: false,
    doorState: 'locked',
    clockOffsetMinutes: null,
    occupiedSlots: [],
    codeConstraints: [],
    ...over,
  };
}

/** Test sample: an ongoing access code on door-1, `setting` in slot 1; override any field. */
export function sampleAccessCode(over: Partial<AccessCode> = {}): AccessCode {
  return {
    access_code_id: 'code-1',
    door_id: 'door-1',
    name: null,
    code: '482913',
    type: 'ongoing',
    starts_at: null,
    ends_at: null,
    slot: 1,
    status: 'setting',
    is_removed: false,
    errors: [],
    warnings: [],
    events: [],
    scheduled_by: null,
    last_used_at: null,
    created_at: at,
    updated_at: at,
    ...over,
  };
}
