import type { DoorView } from '../../../shared/domain/door';
import type { QueueItem } from '../../../shared/domain/operation';
import { formatSiteMoment } from './site-time';
import type { Tone } from './status-words';

/**
 * A queued change in words: what it does, and why it has not happened yet.
 *
 *   running                      → "on its way"
 *   failed                       → "failed: <last error>"
 *   waiting, door offline        → "waiting for Back door to be connected"
 *   waiting, not_before later    → "next try at 15:00 Sat 14 Mar" (or "loaded at …" for a preload)
 *   waiting                      → "waiting its turn"
 */

/** Why a queue item stands where it does (also data-why on its row). */
export type QueueWhy = 'running' | 'failed' | 'door_offline' | 'scheduled' | 'queued';

/** One queue line as shown. */
export interface QueueItemView {
  why: QueueWhy;
  tone: Tone;
  what: string;
  state: string;
  canRetry: boolean;
  canCancel: boolean;
}

/** True when the door's lock can be reached now. */
export function isDoorOnline(door: DoorView | undefined): boolean {
  return !!door && door.isConnected && door.lock?.isOnline !== false;
}

/** Words and allowed actions for one item; `door` is the item's door (undefined when not loaded). */
export function queueItemView(item: QueueItem, door: DoorView | undefined, zone: string, now: Date): QueueItemView {
  const what = item.kind === 'set_code' ? 'Set the code on the lock' : 'Remove the code from the lock';
  const canCancel = item.state === 'waiting' || item.state === 'failed';
  const canRetry = (item.state === 'waiting' || item.state === 'failed') && !item.is_running;
  if (item.is_running || item.state === 'running') {
    return { why: 'running', tone: 'pending', what, state: 'On its way', canRetry: false, canCancel: false };
  }
  if (item.state === 'failed') {
    const reason = item.last_error?.message ?? 'the lock did not confirm it';
    return { why: 'failed', tone: 'fail', what, state: `Failed: ${reason}`, canRetry, canCancel };
  }
  if (!isDoorOnline(door)) {
    return { why: 'door_offline', tone: 'warn', what, state: `Waiting for ${item.door_name} to be connected`, canRetry, canCancel };
  }
  if (item.not_before && Date.parse(item.not_before) > now.getTime()) {
    const when = formatSiteMoment(item.not_before, zone);
    const state = item.attempts > 0 ? `Next try at ${when}` : `Waits until ${when}`;
    return { why: 'scheduled', tone: 'idle', what, state, canRetry, canCancel };
  }
  return { why: 'queued', tone: 'pending', what, state: 'Waiting its turn', canRetry, canCancel };
}

/** "3 changes waiting for Back door", "1 change failed on Back door", or null when nothing is queued for it. */
export function doorQueueSummary(items: readonly QueueItem[], door: Pick<DoorView, 'id' | 'name'>): string | null {
  const mine = items.filter((item) => item.door_id === door.id);
  if (mine.length === 0) return null;
  const failed = mine.filter((item) => item.state === 'failed').length;
  const waiting = mine.length - failed;
  const changes = (n: number) => `${n} change${n === 1 ? '' : 's'}`;
  const parts = [];
  if (waiting > 0) parts.push(`${changes(waiting)} waiting for ${door.name}`);
  if (failed > 0) parts.push(`${changes(failed)} failed on ${door.name}`);
  return parts.join(', ');
}
