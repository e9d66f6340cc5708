import type { DemoCloudFrontHooks } from './demo-cloud-front';
import { codesOf, eventsOf, type FakeStore } from './demo-cloud-rows';

/**
 * Where Seam's fake differs from Seam on a route the sync uses, the demo cloud corrects it, so the demo shows what the
 * real cloud would:
 * - access_codes/update without a window turns a time-bound code into an ongoing one; Seam keeps the window.
 * - access_codes/delete records its access_code.deleted event without the device; Seam names it.
 * - access_codes/unmanaged/update (convert to managed) records no event; Seam records
 *   access_code.unmanaged.converted_to_managed.
 */

/** The hooks the demo cloud's front runs around each write; `now` stamps the events added here. */
export function createFidelityHooks(db: FakeStore, now: () => Date): DemoCloudFrontHooks {
  /** Device of each code being deleted, read before the fake forgets the code. */
  const deleting = new Map<string, string>();
  const codeOf = (id: unknown) => codesOf(db).find((c) => c.access_code_id === id);

  return {
    before(path, body) {
      const code = codeOf(body['access_code_id']);
      if (path === '/access_codes/update' && code?.type === 'time_bound') {
        const hasWindow = body['starts_at'] !== undefined || body['ends_at'] !== undefined || body['type'] !== undefined;
        if (!hasWindow) return { ...body, starts_at: code.starts_at, ends_at: code.ends_at };
      }
      if (path === '/access_codes/delete' && code) deleting.set(code.access_code_id, code.device_id);
      return body;
    },

    after(path, body, status) {
      const id = typeof body['access_code_id'] === 'string' ? body['access_code_id'] : null;
      if (id === null) return;
      if (path === '/access_codes/delete') {
        const deviceId = deleting.get(id);
        deleting.delete(id);
        if (status !== 200 || deviceId === undefined) return;
        // Fills in the device on the event the fake just recorded (events are plain state: setState is the way in).
        const events = eventsOf(db).map((e) =>
          e.event_type === 'access_code.deleted' && e.access_code_id === id && e.device_id == null ? { ...e, device_id: deviceId } : e,
        );
        db.setState({ events });
      }
      if (path === '/access_codes/unmanaged/update' && status === 200 && body['is_managed'] === true) {
        const code = codeOf(id);
        if (!code) return;
        db.addEvent({
          event_type: 'access_code.unmanaged.converted_to_managed',
          workspace_id: code.workspace_id,
          device_id: code.device_id,
          access_code_id: id,
          created_at: now().toISOString(),
          occurred_at: now().toISOString(),
        });
      }
    },
  };
}
