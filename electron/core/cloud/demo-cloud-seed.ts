import { randomBytes } from 'node:crypto';
import type { CodeConstraint } from '../../../shared/domain/code-constraints';
import { devicesOf, type FakeStore } from './demo-cloud-rows';

/**
 * What the demo cloud's workspace holds at first start: one workspace ("Demo property"), one API key, one connected
 * account per lock brand, and one device per demo lock, with the properties Seam reports for such a lock.
 */

/** One lock the demo cloud shows, described as Seam would report it. */
export interface DemoCloudDevice {
  name: string;
  /** Display name, e.g. "Schlage"; also picks Seam's device type (schlage_lock, yale_lock, kwikset_lock). */
  manufacturer: string;
  /** Model display name, e.g. "BE469". */
  model: string;
  /** Also how a restart finds the device again (device ids are kept; see demo-cloud-state.ts). */
  serialNumber: string;
  supportedCodeLengths: number[];
  maxActiveCodes: number | null;
  /** Seam can program codes on it over the network; only then does the device robot move code statuses. */
  canProgramOnline: boolean;
  codeConstraints?: CodeConstraint[];
  /** 0..1 (default 0.8). */
  batteryLevel?: number;
  /** Default true. */
  online?: boolean;
  /** Seam's device_type, when the manufacturer does not say it (default: by brand, else smartthings_lock). */
  deviceType?: string;
}

/** The ids a client needs, and that a restart must keep. */
export interface DemoCloudIdentity {
  workspaceId: string;
  apiKey: string;
}

/** The seed's connected accounts sign in as this (nothing is sent anywhere). */
const DEMO_ACCOUNT_EMAIL = 'installer@demo.invalid';

/** Seeds an empty fake database; returns the workspace and its (random, local-only) API key. */
export function seedDemoWorkspace(db: FakeStore, devices: readonly DemoCloudDevice[], now: Date): DemoCloudIdentity {
  const workspace = db.addWorkspace({ name: 'Demo property', company_name: 'Lockbench demo', is_sandbox: true, created_at: now.toISOString() });
  const apiKey = db.addApiKey({
    workspace_id: workspace.workspace_id,
    name: 'Lockbench demo',
    token: `seam_demo_${randomBytes(16).toString('hex')}`,
    created_at: now.toISOString(),
  });
  addMissingDevices(db, workspace.workspace_id, devices, now);
  return { workspaceId: workspace.workspace_id as string, apiKey: apiKey.token as string };
}

/** Adds the devices whose serial number the workspace does not have yet (a demo lock added since the last start). */
export function addMissingDevices(db: FakeStore, workspaceId: string, devices: readonly DemoCloudDevice[], now: Date): void {
  const known = new Set(
    devicesOf(db)
      .filter((d) => d.workspace_id === workspaceId)
      .map((d) => d.properties?.serial_number),
  );
  for (const device of devices.filter((d) => !known.has(d.serialNumber))) {
    const deviceType = device.deviceType ?? deviceTypeOf(device.manufacturer);
    const battery = device.batteryLevel ?? 0.8;
    db.addDevice({
      workspace_id: workspaceId,
      connected_account_id: connectedAccountFor(db, workspaceId, deviceType.replace(/_lock$/, ''), now),
      device_type: deviceType,
      display_name: device.name,
      name: device.name,
      can_program_online_access_codes: device.canProgramOnline,
      can_remotely_lock: device.canProgramOnline,
      can_remotely_unlock: device.canProgramOnline,
      created_at: now.toISOString(),
      properties: {
        online: device.online ?? true,
        manufacturer: deviceType.replace(/_lock$/, ''),
        serial_number: device.serialNumber,
        supported_code_lengths: [...device.supportedCodeLengths],
        max_active_codes_supported: device.maxActiveCodes ?? undefined,
        code_constraints: device.codeConstraints ?? [],
        model: { display_name: device.model, manufacturer_display_name: device.manufacturer },
        battery_level: battery,
        battery: { level: battery, status: battery > 0.6 ? 'full' : battery > 0.2 ? 'good' : 'low' },
      },
    });
  }
}

/** Seam's device type for a brand (the types its fake accepts for locks). */
function deviceTypeOf(manufacturer: string): string {
  const brand = manufacturer.toLowerCase();
  for (const known of ['schlage', 'yale', 'kwikset']) if (brand.includes(known)) return `${known}_lock`;
  return 'smartthings_lock';
}

/** The workspace's connected account for one provider, made on first need (as a sign-in through Seam would). */
function connectedAccountFor(db: FakeStore, workspaceId: string, provider: string, now: Date): string {
  const accounts = db.connected_accounts as { connected_account_id: string; workspace_id: string; provider: string }[];
  const existing = accounts.find((a) => a.workspace_id === workspaceId && a.provider === provider);
  if (existing) return existing.connected_account_id;
  return db.addConnectedAccount({
    provider,
    workspace_id: workspaceId,
    user_identifier: { email: DEMO_ACCOUNT_EMAIL },
    display_name: DEMO_ACCOUNT_EMAIL,
    created_at: now.toISOString(),
  }).connected_account_id as string;
}
