import type { AccessCode } from '../../../../shared/domain/access-code';
import type { CapabilityReport } from '../../../../shared/domain/capability';
import type { DoorView } from '../../../../shared/domain/door';
import type { LockProfile } from '../../../../shared/domain/lock';
import type { QueueItem } from '../../../../shared/domain/operation';
import type { UnmanagedCode } from '../../../../shared/domain/unmanaged-code';
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
    timeZoneConfirmed: true,
    connections: [{ kind: 'demo' }],
    createdAt: at,
    state: 'ready',
    stateMessage: null,
    pastEndOnLock: [],
    ...over,
  };
}

/** A keypad lock profile: 4–8 digits, 30 slots. */
export function sampleLock(over: Partial<LockProfile> = {}): LockProfile {
  return sampleLockProfile({ address: '5', manufacturer: 'Schlage', model: 'BE469ZP', firmwareVersion: '1.2', batteryLevel: 80, clockOffsetMinutes: 0, occupiedSlots: [1], ...over });
}

/** A door on site-1 with a lock; override any field. */
export function sampleDoor(over: Partial<DoorView> = {}): DoorView {
  return {
    id: 'door-1',
    siteId: 'site-1',
    name: 'Front door',
    lockAddress: { protocol: 'zwave', address: '5' },
    createdAt: at,
    learned: { acceptedLengths: [], refusedLengths: [] },
    demoFault: null,
    cloud: null,
    logReadUpTo: null,
    floor: null,
    group: null,
    unit: null,
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
    codes_from_elsewhere: 0,
    items: [
      { key: 'access_codes', label: 'Access codes', verdict: 'pass', finding: 'Supported', advice: null, source: 'lock' },
      { key: 'battery', label: 'Battery', verdict: 'warn', finding: '15 %', advice: 'Replace the batteries.', source: 'lock' },
    ],
  };
}

/** A time-bound code on door-1, 15:00 14 Mar → 11:00 16 Mar 2026 UTC, loaded by the lock itself; override any field. */
export function sampleTimeBoundCode(over: Partial<AccessCode> = {}): AccessCode {
  return sampleCode({
    access_code_id: 'guest-1',
    name: 'Guest',
    type: 'time_bound',
    starts_at: '2026-03-14T15:00:00.000Z',
    ends_at: '2026-03-16T11:00:00.000Z',
    status: 'unset',
    scheduled_by: 'lock',
    ...over,
  });
}

/** A queue item: set Resident's code on Front door, waiting; override any field. */
export function sampleQueueItem(over: Partial<QueueItem> = {}): QueueItem {
  return {
    operation_id: 'op-1',
    access_code_id: 'code-1',
    door_id: 'door-1',
    kind: 'set_code',
    state: 'waiting',
    attempts: 0,
    reason: 'new_code',
    run_id: null,
    slot: null,
    not_before: null,
    is_ambiguous: false,
    last_error: null,
    created_at: at,
    updated_at: at,
    door_name: 'Front door',
    code_name: 'Resident',
    is_running: false,
    ...over,
  };
}

/** A code on door-1's lock that Lockbench did not create, slot 7; override any field. */
export function sampleUnmanaged(over: Partial<UnmanagedCode> = {}): UnmanagedCode {
  return { door_id: 'door-1', slot: 7, status: 'enabled', code: '8642', is_masked: false, ...over };
}
