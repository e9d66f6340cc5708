import type { AccessCode } from '../domain/access-code';
import type { Door } from '../domain/door';
import type { LockProfile } from '../domain/lock';
import type { Site } from '../domain/site';

const at = '2026-01-01T00:00:00.000Z';

/** Test sample: a healthy S2 keypad lock, 30 slots, 4–8 digits, native scheduling; override any field. */
export function sampleLockProfile(over: Partial<LockProfile> = {}): LockProfile {
  return {
    address: '2',
    codePlaces: 'slots',
    codeProof: 'read_back',
    keepsCodeNames: false,
    manufacturer: 'Virtual',
    model: 'Deadbolt',
    firmwareVersion: '1.0',
    securityClass: 'S2_AccessControl',
    isOnline: true,
    offlineSince: null,
    readAt: at,
    supportsAccessCodes: true,
    slotCount: 30,
    supportedCodeLengths: [4, 5, 6, 7, 8],
    codeLengthsSource: 'device_file',
    codeLengthsNote: null,
    reservedSlots: [],
    deviceIds: null,
    serialNumber: null,
    pinCharset: 'digits',
    nativeScheduling: true,
    supportsChecksum: true,
    batteryLevel: 90,
    batteryReadAt: at,
    isBatteryLow: false,
    isKeypadBatteryLow: null,
    doorState: 'locked',
    clockOffsetMinutes: null,
    lockTime: null,
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
    verified_at: null,
    verified_by: null,
    last_used_at: null,
    cloud: null,
    origin: 'lockbench',
    run_id: null,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

/** Test sample: a site (demo connection, Europe/Berlin, zone confirmed); override any field. */
export function sampleSite(over: Partial<Site> = {}): Site {
  return { id: 'site-1', name: 'Test site', timeZone: 'Europe/Berlin', timeZoneConfirmed: true, connections: [{ kind: 'demo' }], createdAt: at, ...over };
}

/** Test sample: a door on site-1 for node 2, no profile read yet, nothing learned; override any field. */
export function sampleDoor(over: Partial<Door> = {}): Door {
  return { id: 'door-1', siteId: 'site-1', name: 'Front door', lockAddress: { protocol: 'zwave', address: '2' }, createdAt: at, lastProfile: null, learned: { acceptedLengths: [], refusedLengths: [] }, cloud: null, logReadUpTo: null, floor: null, group: null, unit: null, ...over };
}
