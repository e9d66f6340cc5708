import type { DemoCloud } from './demo-cloud';
import { codesOf, type FakeCode } from './demo-cloud-rows';

/**
 * What a person does in Seam's console, done to the demo cloud: rename or delete a code, add one Lockbench did not
 * create. Each records the event Seam would (the fake's database calls record none), so a sync sees it as a change
 * made in the cloud. Used by the demo's "change it in the cloud" controls and by the tests.
 */
export interface DemoCloudConsole {
  rename(accessCodeId: string, name: string): void;
  remove(accessCodeId: string): void;
  /** A code made in the cloud (managed unless said otherwise: an unmanaged one is what Seam read off the lock). */
  add(deviceId: string, code: { code: string; name: string; starts_at?: string; ends_at?: string; managed?: boolean }): string;
  /** Every code the cloud has on the device, managed or not. */
  codesOn(deviceId: string): FakeCode[];
}

/** The console of a running demo cloud; `now` stamps the events. */
export function demoCloudConsole(cloud: DemoCloud, now: () => Date = () => new Date()): DemoCloudConsole {
  const db = cloud.database;
  const codeOf = (id: string) => {
    const code = codesOf(db).find((c) => c.access_code_id === id);
    if (!code) throw new Error(`The demo cloud has no code ${id}.`);
    return code;
  };
  const event = (event_type: string, code: FakeCode) =>
    db.addEvent({ event_type, workspace_id: cloud.workspaceId, device_id: code.device_id, access_code_id: code.access_code_id, created_at: now().toISOString(), occurred_at: now().toISOString() });
  return {
    rename(id, name) {
      db.updateAccessCode({ access_code_id: id, name });
      event('access_code.changed', codeOf(id));
    },
    remove(id) {
      const code = codeOf(id);
      db.deleteAccessCode(id);
      event('access_code.deleted', code);
    },
    add(deviceId, { code, name, starts_at, ends_at, managed = true }) {
      const window = starts_at && ends_at ? { type: 'time_bound', starts_at, ends_at } : { type: 'ongoing' };
      const state = managed ? { is_managed: true } : { is_managed: false, status: 'set' };
      const added = db.addAccessCode({ workspace_id: cloud.workspaceId, device_id: deviceId, code, name, created_at: now().toISOString(), ...window, ...state });
      event('access_code.created', added as FakeCode);
      return added.access_code_id as string;
    },
    codesOn: (deviceId) => codesOf(db).filter((c) => c.device_id === deviceId),
  };
}
