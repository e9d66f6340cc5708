import { accessCodeEventTypeSchema, type AccessCodeEventType } from '../../../shared/domain/access-code';
import type { CloudEvent } from '../cloud/cloud-gateway';
import type { SiteCodesData } from '../store/store-v2';

/** Seam event types as Lockbench records them on a code (`lock.unlocked` with a code is a use on the keypad). */
export function eventTypeOf(event: CloudEvent): AccessCodeEventType | null {
  if (event.event_type === 'lock.unlocked' && event.access_code_id) return 'access_code.used_on_keypad';
  const parsed = accessCodeEventTypeSchema.safeParse(event.event_type);
  return parsed.success ? parsed.data : null;
}

/**
 * Adds the cloud's events to the per-code event log of the codes linked to them (inside a store update). An event
 * already in the log (same type, same instant) is not added twice, so pulling the same window again changes nothing.
 * A use on the keypad also moves `last_used_at`. Returns how many events were added.
 */
export function applyCloudEvents(data: SiteCodesData, events: readonly CloudEvent[]): number {
  const byCloudId = new Map(data.accessCodes.flatMap((c) => (c.cloud?.access_code_id ? [[c.cloud.access_code_id, c] as const] : [])));
  let added = 0;
  for (const event of events) {
    const code = event.access_code_id ? byCloudId.get(event.access_code_id) : undefined;
    const type = eventTypeOf(event);
    if (!code || !type) continue;
    const at = Date.parse(event.occurred_at);
    if (code.events.some((e) => e.event_type === type && Date.parse(e.occurred_at) === at)) continue;
    code.events.push({ event_type: type, occurred_at: event.occurred_at });
    code.events.sort((a, b) => Date.parse(a.occurred_at) - Date.parse(b.occurred_at));
    if (type === 'access_code.used_on_keypad' && (!code.last_used_at || Date.parse(code.last_used_at) < at)) code.last_used_at = event.occurred_at;
    added += 1;
  }
  return added;
}

/** The instant to pull from next time: the latest event seen (the server's `since` may repeat it; see above). */
export function nextSince(previous: string, events: readonly CloudEvent[]): string {
  return events.reduce((latest, e) => (Date.parse(e.occurred_at) > Date.parse(latest) ? e.occurred_at : latest), previous);
}
