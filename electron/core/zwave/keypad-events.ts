import { CommandClasses } from '@zwave-js/core';
import type { Driver, ZWaveNotificationCallback, ZWaveNotificationCallbackArgs_NotificationCC } from 'zwave-js';

/** Notification CC Access Control and its "Keypad unlock operation" event. */
const ACCESS_CONTROL = 0x06;
const KEYPAD_UNLOCK = 0x06;

/** A keypad unlock by a user slot, as reported by a lock. */
export type KeypadUnlockListener = (nodeId: number, slot: number, at: Date) => void;

/** Subscription to keypad unlocks on every node of a driver; `dispose` detaches from the nodes. */
export interface KeypadUnlockFeed {
  subscribe(listener: KeypadUnlockListener): () => void;
  dispose(): void;
}

/**
 * Follows zwave-js's "notification" events and passes on Access Control → Keypad unlock operation with a user id
 * (zwave-js parses the event parameters, a User Code Report or a bare id byte, into `{ userId }`). The PIN that
 * zwave-js may add to the parameters (lookupUserIdInNotificationEvents) is never read nor passed on.
 * `at` is when the report arrived: Z-Wave notifications carry no timestamp.
 */
export function createKeypadUnlockFeed(driver: Driver, now: () => Date = () => new Date()): KeypadUnlockFeed {
  const listeners = new Set<KeypadUnlockListener>();
  const cleanups: (() => void)[] = [];
  for (const node of driver.controller.nodes.values()) {
    if (node.id === driver.controller.ownNodeId) continue;
    const onNotification: ZWaveNotificationCallback = (endpoint, ccId, args) => {
      if (ccId !== CommandClasses.Notification) return;
      const slot = keypadUnlockSlot(args as ZWaveNotificationCallbackArgs_NotificationCC);
      if (slot === null) return;
      const at = now();
      for (const l of listeners) l(endpoint.nodeId, slot, at);
    };
    node.on('notification', onNotification);
    cleanups.push(() => node.off('notification', onNotification));
  }
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const c of cleanups) c();
      listeners.clear();
    },
  };
}

/** The user slot of a keypad unlock notification, or null for any other notification (or one without a user id). */
export function keypadUnlockSlot(args: Pick<ZWaveNotificationCallbackArgs_NotificationCC, 'type' | 'event' | 'parameters'>): number | null {
  if (args.type !== ACCESS_CONTROL || args.event !== KEYPAD_UNLOCK) return null;
  const params = args.parameters;
  if (!params || typeof params !== 'object' || params instanceof Uint8Array || !('userId' in params)) return null;
  const userId = (params as { userId?: unknown }).userId;
  return typeof userId === 'number' && Number.isInteger(userId) && userId > 0 ? userId : null;
}
