import type { DoorView } from '../../../shared/domain/door';
import { formatSiteNear } from './site-time';

/**
 * Whether a door's lock can be reached now, in the one set of words every screen uses: a lock that does not answer is
 * "not answering" (door header, door list, queue, connect wizard, error words), never "offline" or "unreachable".
 *
 *   answers                       → "Lock answering"
 *   marked dead since 14:05       → "Lock not answering since 14:05"
 *   the site's stick not connected → "Lock not answering – the site is not connected"
 */
export interface LockReach {
  isAnswering: boolean;
  /** For the door header: "Lock not answering since 14:05". */
  label: string;
  /** For lists: "Answering", "Not answering". */
  short: string;
  /** What to do about it, or null while it answers. */
  next: string | null;
}

/** True when the door's lock can be reached now (its site is connected and the lock answers). */
export function isLockAnswering(door: Pick<DoorView, 'isConnected' | 'lock'> | undefined): boolean {
  return !!door && door.isConnected && door.lock?.isOnline !== false;
}

/** The door's lock reach in words; `since` is shown in the site's time. */
export function lockReach(door: Pick<DoorView, 'isConnected' | 'lock'>, zone: string, now: Date): LockReach {
  if (isLockAnswering(door)) return { isAnswering: true, label: 'Lock answering', short: 'Answering', next: null };
  if (door.lock && !door.lock.isOnline) {
    const since = door.lock.offlineSince ? ` since ${formatSiteNear(door.lock.offlineSince, zone, now)}` : '';
    return {
      isAnswering: false,
      label: `Lock not answering${since}`,
      short: 'Not answering',
      next: 'Wake the lock (press a key on the keypad) or check its batteries. Lockbench keeps trying and sends what waits once it answers.',
    };
  }
  return {
    isAnswering: false,
    label: 'Lock not answering – the site is not connected',
    short: 'Not answering',
    next: 'Reconnect the site’s stick. Codes typed in are kept and sent once it is back.',
  };
}
