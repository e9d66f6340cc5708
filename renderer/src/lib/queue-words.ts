import type { DoorView } from '../../../shared/domain/door';
import type { OperationReason, QueueItem } from '../../../shared/domain/operation';
import { wordsForQueueError } from './error-words';
import { isLockAnswering } from './lock-words';
import { formatSiteMoment } from './site-time';
import type { Tone } from './status-words';

/**
 * A queued change in words: what it does and why it exists (its reason), and why it has not happened yet.
 *
 *   running                        → "On its way"
 *   failed                         → "Failed: The lock is not answering"
 *   waiting, lock not answering    → "Waiting: Back door's lock is not answering"
 *   waiting, not_before later      → "Next try at 15:00 Sat 14 Mar" (or "Waits until …" for a scheduled change)
 *   waiting                        → "Waiting its turn"
 */

/** Why a queue item stands where it does (also data-why on its row). */
export type QueueWhy = 'running' | 'failed' | 'door_offline' | 'scheduled' | 'queued';

/** One queue line as shown. */
export interface QueueItemView {
  why: QueueWhy;
  tone: Tone;
  /** What the change does and why it exists: "Clear its slot: the cancelled code may have reached the lock". */
  what: string;
  state: string;
  /** The last failure's detail and what to do, when there is one. */
  detail: string | null;
  /** Said before "Yes, cancel": what cancelling leaves on the lock. */
  cancelWarning: string;
  canRetry: boolean;
  canCancel: boolean;
}

/** Why each change exists, in words (a removal after a cancel says why it appears). */
export const reasonWords: Record<OperationReason, string> = {
  new_code: 'Put the new code on the lock',
  window_start: 'Put the code on the lock at its start (Lockbench switches it on)',
  preload: 'Load the code ahead of its start (the lock then switches it on by its own schedule)',
  installer_removed: 'Remove the code from the lock, as asked',
  cancelled_set: 'Clear its slot: the cancelled code may have reached the lock',
  window_end: 'Take the code off the lock: its end has passed',
  clear_unmanaged: 'Clear a code Lockbench did not create from its slot',
  cloud_removed: 'Remove a code the cloud deleted from the lock',
  renamed: 'Give the code its new name on the lock (it keeps working meanwhile)',
};

/** What a change does, by its reason (older changes without one: by their kind); names the slot when known. */
export function queueWhat(item: Pick<QueueItem, 'kind' | 'reason'> & { slot?: number | null }): string {
  const words = item.reason ? reasonWords[item.reason] : item.kind === 'set_code' ? 'Put the code on the lock' : 'Remove the code from the lock';
  return typeof item.slot === 'number' ? words.replace('its slot', `slot ${item.slot}`) : words;
}

function cancelWarning(item: QueueItem): string {
  if (item.kind === 'set_code') {
    return item.is_ambiguous
      ? 'It may already be on the lock: Lockbench then clears its slot (you will see that change here).'
      : 'The code will not be put on the lock.';
  }
  return item.reason === 'window_end' ? 'The PIN stays on the lock past its end: it keeps opening the door.' : 'The code stays on the lock.';
}

/** Words and allowed actions for one item; `door` is the item's door (undefined when not loaded). */
export function queueItemView(item: QueueItem, door: DoorView | undefined, zone: string, now: Date): QueueItemView {
  const what = queueWhat(item);
  const canCancel = item.state === 'waiting' || item.state === 'failed';
  const canRetry = (item.state === 'waiting' || item.state === 'failed') && !item.is_running;
  const error = item.last_error ? wordsForQueueError(item.last_error) : null;
  const detail = error && item.last_error ? `${withStop(item.last_error.message)} ${error.next}` : null;
  const base = { what, detail, cancelWarning: cancelWarning(item), canRetry, canCancel };
  if (item.is_running || item.state === 'running') {
    return { ...base, why: 'running', tone: 'pending', state: 'On its way', canRetry: false, canCancel: false };
  }
  if (item.state === 'failed') {
    return { ...base, why: 'failed', tone: 'fail', state: `Failed: ${error?.title ?? 'the lock did not confirm it'}` };
  }
  if (door && !isLockAnswering(door)) {
    const state = door.lock && !door.lock.isOnline ? `Waiting: ${item.door_name}’s lock is not answering` : `Waiting for ${item.door_name}’s site to be connected`;
    return { ...base, why: 'door_offline', tone: 'warn', state };
  }
  if (item.not_before && Date.parse(item.not_before) > now.getTime()) {
    const when = formatSiteMoment(item.not_before, zone);
    const state = item.attempts > 0 ? `Next try at ${when}` : `Waits until ${when}`;
    return { ...base, why: 'scheduled', tone: 'idle', state };
  }
  return { ...base, why: 'queued', tone: 'pending', state: 'Waiting its turn' };
}

function withStop(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const sentence = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
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
