import type { CloudDeviceFacts } from '../../../shared/domain/cloud';

/** A cloud access code as Lockbench reads it (Seam's access_code, trimmed to what sync uses). */
export interface CloudCode {
  access_code_id: string;
  device_id: string;
  name: string | null;
  /** The PIN; null when the cloud does not tell it. */
  code: string | null;
  type: 'ongoing' | 'time_bound';
  starts_at: string | null;
  ends_at: string | null;
  /** Seam's status; anything else the cloud says is `unknown`. */
  status: 'unset' | 'setting' | 'set' | 'removing' | 'unknown';
  is_managed: boolean;
  errors: { error_code: string; message: string }[];
  warnings: { warning_code: string; message: string }[];
  created_at: string;
}

/** A cloud event Lockbench reads (Seam's event, trimmed). */
export interface CloudEvent {
  event_id: string;
  event_type: string;
  occurred_at: string;
  device_id: string | null;
  access_code_id: string | null;
}

/** What a create sends: a managed code on one device, ongoing (no window) or time-bound. */
export interface CloudCodeInput {
  device_id: string;
  name: string | null;
  code: string;
  starts_at: string | null;
  ends_at: string | null;
}

/**
 * Everything sync asks of the cloud. The one implementation over Seam's official client is `createSeamGateway`
 * (seam-gateway.ts): the only module that imports `@seamapi/http`.
 *
 * Every method rejects with a CodedError whose code says what to do next, and whose message and details never hold
 * the key or a PIN:
 *   sync.unauthorized  the key was refused (401/403)            stop; ask for a key
 *   sync.offline       no answer (network, DNS, refused, timeout) retry later; `details.timedOut` when it timed out
 *   sync.server_error  5xx or outage                              retry with backoff
 *   sync.duplicate     409 duplicate_access_code                  look the code up and link it
 *   sync.not_found     404 / *_not_found                          per method below
 *   sync.rejected      other 4xx (validation)                     stop; the cloud's message is the error message
 */
export interface CloudGateway {
  /** Checks the key: the workspace it opens. */
  workspace(): Promise<{ workspace_id: string; name: string }>;
  /** The workspace's locks that support access codes. */
  listLocks(): Promise<CloudDeviceFacts[]>;
  /** One device's facts (sync.not_found when it is gone). */
  getDevice(deviceId: string): Promise<CloudDeviceFacts>;
  /** Managed codes on one device (only that device's, whatever the server does with the filter). */
  listCodes(deviceId: string): Promise<CloudCode[]>;
  /** Unmanaged codes the cloud sees on one device. */
  listUnmanaged(deviceId: string): Promise<CloudCode[]>;
  /** One managed code, or null when the cloud has none with this id. */
  getCode(accessCodeId: string): Promise<CloudCode | null>;
  /** Creates a managed code (sync.duplicate when the device already has this PIN). */
  createCode(input: CloudCodeInput): Promise<CloudCode>;
  /** Changes a managed code: its name, PIN or window (only the fields given). */
  updateCode(accessCodeId: string, change: { name?: string | null; code?: string; starts_at?: string; ends_at?: string }): Promise<void>;
  /** Deletes a managed code; resolves too when the cloud no longer has it (already deleted). */
  deleteCode(accessCodeId: string): Promise<void>;
  /** Brings an unmanaged code under cloud management (it keeps its id). */
  convertToManaged(accessCodeId: string): Promise<void>;
  /** Access-code events on the given devices after `since` (oldest first). */
  listEvents(since: string, deviceIds: readonly string[]): Promise<CloudEvent[]>;
}
