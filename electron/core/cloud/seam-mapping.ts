import { codeConstraintSchema, type CodeConstraint } from '../../../shared/domain/code-constraints';
import type { CloudDeviceFacts } from '../../../shared/domain/cloud';
import type { CloudCode, CloudEvent } from './cloud-gateway';

/**
 * Seam objects (devices, access codes, events) → Lockbench's types. Pure and tolerant: Seam adds fields and values
 * over time, and its fake server leaves some out, so every field is read by shape and anything unexpected falls back
 * to null / 'unknown' / nothing instead of throwing. Nothing here imports `@seamapi/http` (see seam-gateway.ts).
 */

/** A JSON object as Seam sends it, before it is read. */
export type SeamObject = Record<string, unknown>;

const CODE_STATUSES = ['unset', 'setting', 'set', 'removing'] as const;

/** True for a device whose capabilities include access codes (the locks Lockbench can sync). */
export function supportsAccessCodes(device: SeamObject): boolean {
  const capabilities = device['capabilities_supported'];
  return Array.isArray(capabilities) && capabilities.includes('access_code');
}

/** A Seam device's facts as the capability check uses them, read at `readAt`. */
export function toDeviceFacts(device: SeamObject, readAt: Date): CloudDeviceFacts {
  const properties = asObject(device['properties']);
  const model = asObject(properties['model']);
  const battery = asObject(properties['battery']);
  const canProgram = device['can_program_online_access_codes'] ?? properties['can_program_online_access_codes'];
  return {
    device_id: str(device['device_id']) ?? '',
    name: str(properties['name']) ?? str(device['display_name']) ?? '',
    manufacturer: str(model['manufacturer_display_name']) ?? str(properties['manufacturer']),
    model: str(model['display_name']),
    serial_number: str(properties['serial_number']),
    online: properties['online'] === true,
    can_program_online_access_codes: canProgram === true,
    supported_code_lengths: arrayOf(properties['supported_code_lengths']).filter(
      (n): n is number => typeof n === 'number' && Number.isInteger(n),
    ),
    max_active_codes_supported: integer(properties['max_active_codes_supported']),
    code_constraints: knownConstraints(properties['code_constraints']),
    battery_level: unitFraction(properties['battery_level'] ?? battery['level']),
    warnings: notices(device['warnings'], 'warning_code'),
    errors: notices(device['errors'], 'error_code'),
    read_at: readAt.toISOString(),
  };
}

/** A Seam access code (managed or unmanaged). */
export function toCloudCode(code: SeamObject): CloudCode {
  const status = code['status'];
  return {
    access_code_id: str(code['access_code_id']) ?? '',
    device_id: str(code['device_id']) ?? '',
    name: str(code['name']),
    code: str(code['code']),
    type: code['type'] === 'time_bound' ? 'time_bound' : 'ongoing',
    starts_at: str(code['starts_at']),
    ends_at: str(code['ends_at']),
    status: CODE_STATUSES.find((s) => s === status) ?? 'unknown',
    is_managed: code['is_managed'] !== false,
    errors: notices(code['errors'], 'error_code'),
    warnings: notices(code['warnings'], 'warning_code'),
    created_at: str(code['created_at']) ?? '',
  };
}

/** A Seam event (its time is `occurred_at`, or `created_at` when Seam leaves that out). */
export function toCloudEvent(event: SeamObject): CloudEvent {
  return {
    event_id: str(event['event_id']) ?? '',
    event_type: str(event['event_type']) ?? '',
    occurred_at: str(event['occurred_at']) ?? str(event['created_at']) ?? '',
    device_id: str(event['device_id']),
    access_code_id: str(event['access_code_id']),
  };
}

/** Access-code events on `deviceIds`, oldest first (Seam's order is not relied on). */
export function accessCodeEventsOn(events: readonly CloudEvent[], deviceIds: readonly string[]): CloudEvent[] {
  const wanted = new Set(deviceIds);
  return events
    .filter((e) => e.event_type.startsWith('access_code.') && e.device_id !== null && wanted.has(e.device_id))
    .sort((a, b) => Date.parse(a.occurred_at) - Date.parse(b.occurred_at));
}

/** The constraints Lockbench understands; types Seam added after this build are dropped here (the schema decides). */
function knownConstraints(raw: unknown): CodeConstraint[] {
  return arrayOf(raw).flatMap((entry) => {
    const parsed = codeConstraintSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** `[{ <codeKey>, message }]` entries with string fields; anything else is skipped. */
function notices<K extends 'error_code' | 'warning_code'>(raw: unknown, codeKey: K): (Record<K, string> & { message: string })[] {
  return arrayOf(raw).flatMap((entry) => {
    const notice = asObject(entry);
    const code = str(notice[codeKey]);
    if (code === null) return [];
    return [{ [codeKey]: code, message: str(notice['message']) ?? '' } as Record<K, string> & { message: string }];
  });
}

function asObject(value: unknown): SeamObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SeamObject) : {};
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function unitFraction(value: unknown): number | null {
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : null;
}
