import { describe, expect, it } from 'vitest';
import { accessCodeEventsOn, toCloudCode, toCloudEvent, toDeviceFacts } from './seam-mapping';

describe('reading Seam objects', () => {
  it('reads a sparse device without failing, with nulls where Seam says nothing', () => {
    const facts = toDeviceFacts(
      { device_id: 'd1', display_name: 'Lock', properties: { battery: { level: 0.35 }, supported_code_lengths: [4, 'x', 6.5, 6], battery_level: 7 } },
      new Date('2026-03-02T09:00:00.000Z'),
    );
    expect(facts).toMatchObject({ name: 'Lock', manufacturer: null, model: null, online: false, can_program_online_access_codes: false });
    expect(facts).toMatchObject({ supported_code_lengths: [4, 6], max_active_codes_supported: null, code_constraints: [], battery_level: null });
    expect(toDeviceFacts({ properties: { battery: { level: 0.35 } } }, new Date()).battery_level).toBe(0.35);
  });

  it('reads a code status Seam added later as unknown, and a code without PIN as null', () => {
    expect(toCloudCode({ access_code_id: 'a', device_id: 'd', status: 'pending_sync', is_managed: true })).toMatchObject({ status: 'unknown', code: null, type: 'ongoing' });
  });

  it('keeps access-code events on the wanted devices, oldest first', () => {
    const events = [
      { event_id: 'e3', event_type: 'access_code.deleted', occurred_at: '2026-03-02T09:00:03.000Z', device_id: 'd1', access_code_id: 'a' },
      { event_id: 'e1', event_type: 'access_code.created', created_at: '2026-03-02T09:00:01.000Z', device_id: 'd1', access_code_id: 'a' },
      { event_id: 'e2', event_type: 'device.disconnected', occurred_at: '2026-03-02T09:00:02.000Z', device_id: 'd1' },
      { event_id: 'e4', event_type: 'access_code.created', occurred_at: '2026-03-02T09:00:00.000Z', device_id: 'd2', access_code_id: 'b' },
    ].map(toCloudEvent);
    expect(accessCodeEventsOn(events, ['d1']).map((e) => e.event_id)).toEqual(['e1', 'e3']);
  });
});
