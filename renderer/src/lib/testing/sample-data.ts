import type { AccessCode } from '../../../../shared/domain/access-code';
import type { CapabilityReport } from '../../../../shared/domain/capability';
import type { DoorView } from '../../../../shared/domain/door';
import type { LockProfile } from '../../../../shared/domain/lock';
import type { SiteView } from '../../../../shared/domain/site';
import { sampleAccessCode, sampleLockProfile } from '../../../../shared/testing/samples';

/** Test data shaped like the contract's values (tests only). */

const at = '2025-01-01T10:00:00.000Z';

/** A demo site; override any field. */
export function sampleSite(over: Partial<SiteView> = {}): SiteView {
  return {
    id: 'site-1',
    name: 'Demo site',
    timeZone: 'Europe/London',
    connection: { kind: 'demo' },
    createdAt: at,
    state: 'ready',
    stateMessage: null,
    ...over,
  };
}

/** A keypad lock profile: 4–8 digits, 30 slots. */
export function sampleLock(over: Partial<LockProfile> = {}): LockProfile {
  return sampleLockProfile({ nodeId: 5, manufacturer: 'Schlage', model: 'BE469ZP', firmwareVersion: '1.2', batteryLevel: 80, clockOffsetMinutes: 0, occupiedSlots: [1], ...over });
}

/** A door on site-1 with a lock; override any field. */
export function sampleDoor(over: Partial<DoorView> = {}): DoorView {
  return {
    id: 'door-1',
    siteId: 'site-1',
    name: 'Front door',
    nodeId: 5,
    createdAt: at,
    isConnected: true,
    lock: sampleLock(),
    ...over,
  };
}

/** An access code on door-1; override any field. */
export function sampleCode(over: Partial<AccessCode> = {}): AccessCode {
  return sampleAccessCode({ name: 'Resident', code: '4829', slot: 2, created_at: at, updated_at: at, ...over });
}

/** A capability report for door-1 with one warning. */
export function sampleReport(): CapabilityReport {
  return {
    door_id: 'door-1',
    checked_at: at,
    overall: 'warn',
    items: [
      { key: 'access_codes', label: 'Access codes', verdict: 'pass', finding: 'Supported', advice: null },
      { key: 'battery', label: 'Battery', verdict: 'warn', finding: '15 %', advice: 'Replace the batteries.' },
    ],
  };
}
