import { codesOf, devicesOf, type FakeStore } from './demo-cloud-rows';

/**
 * The demo cloud's "device robot": what Seam and the lock do after a code is accepted, which Seam's fake never does
 * (it leaves every code 'setting'/'unset' forever). Only managed codes on online devices that can be programmed over
 * the network move; the others stay as they are, as a real lock out of reach would.
 *
 *   ongoing     setting/unset ───────────────────────────────▶ set  (+ access_code.set_on_device)
 *   time-bound  unset ─ now ≥ starts_at ─▶ set (+ set_on_device)
 *               set ─ now < starts_at (window moved) ─▶ unset (+ removed_from_device)
 *               any ─ now ≥ ends_at ─▶ deleted (+ removed_from_device if it was set, + access_code.deleted)
 */

/** Moves every code that is due at `now` one step; returns how many codes changed. */
export function runDeviceRobot(db: FakeStore, now: Date): number {
  const t = now.getTime();
  const devices = new Map(devicesOf(db).map((d) => [d.device_id, d]));
  let changed = 0;
  for (const code of codesOf(db)) {
    const device = devices.get(code.device_id);
    if (!device || code.is_managed === false || code.is_backup === true) continue;
    if (device.can_program_online_access_codes !== true || device.properties?.online === false) continue;
    const event = (event_type: string) =>
      db.addEvent({
        event_type,
        workspace_id: code.workspace_id ?? device.workspace_id,
        device_id: code.device_id,
        access_code_id: code.access_code_id,
        connected_account_id: device.connected_account_id,
        created_at: now.toISOString(),
        occurred_at: now.toISOString(),
      });
    const setTo = (status: 'set' | 'unset', event_type: string) => {
      db.updateAccessCode({ access_code_id: code.access_code_id, status });
      event(event_type);
      changed += 1;
    };

    if (code.type !== 'time_bound') {
      if (code.status === 'setting' || code.status === 'unset') setTo('set', 'access_code.set_on_device');
      continue;
    }
    const startsAt = Date.parse(code.starts_at ?? '');
    const endsAt = Date.parse(code.ends_at ?? '');
    if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) continue;
    if (t >= endsAt) {
      if (code.status === 'set') event('access_code.removed_from_device');
      db.deleteAccessCode(code.access_code_id);
      event('access_code.deleted');
      changed += 1;
    } else if (t >= startsAt && code.status !== 'set') {
      setTo('set', 'access_code.set_on_device');
    } else if (t < startsAt && code.status === 'set') {
      setTo('unset', 'access_code.removed_from_device');
    }
  }
  return changed;
}
