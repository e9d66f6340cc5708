import type { AccessCode } from '../../../shared/domain/access-code';
import type { EventHub } from '../ipc/event-hub';

/** Resolves with the first code pushed as `codes.changed` that matches (subscribe before the action that causes it). */
export function nextCodeChange(events: EventHub, predicate: (code: AccessCode) => boolean): Promise<AccessCode> {
  return new Promise<AccessCode>((resolve) => {
    const off = events.subscribe((channel, payload) => {
      if (channel === 'codes.changed' && predicate(payload as AccessCode)) {
        off();
        resolve(payload as AccessCode);
      }
    });
  });
}
