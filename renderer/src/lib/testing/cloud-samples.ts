import type { CodeCloudState } from '../../../../shared/domain/access-code';
import type { CloudAccount, CloudDeviceFacts, CloudForeignCode, CodeConflict, SyncStatus } from '../../../../shared/domain/cloud';

/** Cloud-shaped test data for the renderer's sync tests (tests only). */

const at = '2026-03-14T13:02:00.000Z';

/** A Seam API-key account, checked at 13:02 UTC; override any field. */
export function sampleAccount(over: Partial<CloudAccount> = {}): CloudAccount {
  return { kind: 'api_key', workspaceId: 'ws-1', workspaceName: 'Harbour Street', endpoint: 'https://connect.getseam.com', checkedAt: at, ...over };
}

/** Sync is idle with an account, nothing pending, last success 13:02 UTC; override any field. */
export function sampleSyncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    account: sampleAccount(),
    state: 'idle',
    progress: null,
    pending: 0,
    conflicts: 0,
    lastSuccessAt: at,
    lastError: null,
    nextAt: null,
    ...over,
  };
}

/** A cloud lock that takes access codes, online; override any field. */
export function sampleDevice(over: Partial<CloudDeviceFacts> = {}): CloudDeviceFacts {
  return {
    device_id: 'dev-1',
    name: 'Front door lock',
    manufacturer: 'Schlage',
    model: 'BE469ZP',
    serial_number: 'SN-1',
    online: true,
    can_program_online_access_codes: true,
    supported_code_lengths: [4, 5, 6, 7, 8],
    max_active_codes_supported: 30,
    code_constraints: [],
    battery_level: 0.8,
    warnings: [],
    errors: [],
    read_at: at,
    ...over,
  };
}

/** A linked code's cloud state: created in the cloud as "Resident" 4829, set, synced at 13:02 UTC; override any field. */
export function sampleCloudState(over: Partial<CodeCloudState> = {}): CodeCloudState {
  return {
    access_code_id: 'cloud-code-1',
    device_id: 'dev-1',
    base: { name: 'Resident', code: '4829', starts_at: null, ends_at: null },
    status: 'set',
    errors: [],
    warnings: [],
    synced_at: at,
    removed_in_cloud: false,
    conflict: null,
    ...over,
  };
}

/** A conflict on guest-1 at Front door: the laptop renamed it, the cloud moved its end; override any field. */
export function sampleConflict(over: Partial<CodeConflict> = {}): CodeConflict {
  return {
    access_code_id: 'guest-1',
    door_id: 'door-1',
    door_name: 'Front door',
    time_zone: 'Europe/Berlin',
    laptop: { name: 'Guest Smith', code: '4829', starts_at: '2026-03-14T15:00:00.000Z', ends_at: '2026-03-16T11:00:00.000Z' },
    cloud: { name: 'Guest', code: '4829', starts_at: '2026-03-14T15:00:00.000Z', ends_at: '2026-03-17T11:00:00.000Z' },
    seen_at: at,
    ...over,
  };
}

/** A code on door-1's cloud device made in the cloud; override any field. */
export function sampleForeignCode(over: Partial<CloudForeignCode> = {}): CloudForeignCode {
  return {
    door_id: 'door-1',
    cloud_access_code_id: 'cloud-other-1',
    name: 'Cleaner',
    type: 'time_bound',
    starts_at: '2026-03-15T08:00:00.000Z',
    ends_at: '2026-03-15T12:00:00.000Z',
    status: 'set',
    is_managed: true,
    seen_at: at,
    ...over,
  };
}
