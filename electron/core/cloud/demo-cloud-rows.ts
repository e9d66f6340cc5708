import type { createDatabase } from '@seamapi/fake-seam-connect';

/**
 * The demo cloud's view of Seam's fake database. The fake's own row types are written against zod 3 and do not
 * resolve under this project's zod 4 (they read as `any`), so the fields the demo cloud relies on are named here.
 */

/** The fake's database: a zustand store whose state and actions are also hoisted onto it (`db.devices`, `db.addDevice`). */
export type FakeStore = ReturnType<typeof createDatabase>;

/** An access code row (managed or unmanaged). */
export interface FakeCode {
  access_code_id: string;
  device_id: string;
  workspace_id?: string;
  name?: string;
  code?: string;
  type?: string;
  status?: string;
  starts_at?: string | null;
  ends_at?: string | null;
  is_managed?: boolean;
  is_backup?: boolean;
}

/** A device row. */
export interface FakeDevice {
  device_id: string;
  workspace_id: string;
  connected_account_id?: string;
  can_program_online_access_codes?: boolean;
  properties?: { online?: boolean; serial_number?: string; name?: string };
}

/** An event row. */
export interface FakeEvent {
  event_id: string;
  event_type: string;
  created_at?: string;
  occurred_at?: string;
  device_id?: string | null;
  access_code_id?: string;
}

/** The access code rows. */
export const codesOf = (db: FakeStore): FakeCode[] => db.getState().access_codes as FakeCode[];

/** The device rows. */
export const devicesOf = (db: FakeStore): FakeDevice[] => db.getState().devices as FakeDevice[];

/** The event rows. */
export const eventsOf = (db: FakeStore): FakeEvent[] => db.getState().events as FakeEvent[];
