import { isZWaveError, ZWaveErrorCodes } from '@zwave-js/core';
import { NodeStatus, type Driver, type ZWaveNode } from 'zwave-js';

/** Online/offline bookkeeping for the locks on one driver, plus the controller's own disconnection. */
export interface AvailabilityTracker {
  isOnline(nodeId: number): boolean;
  onChange(listener: (nodeId: number, isOnline: boolean) => void): () => void;
  onDisconnected(listener: (reason: string) => void): () => void;
  dispose(): void;
}

/**
 * Follows zwave-js's node events: "alive"/"wake up" → online, "dead"/"sleep" → offline, and the driver's "error" event
 * for a closed serial port or a failed reopen (USB stick pulled, TCP connection lost) → disconnected.
 */
export function trackAvailability(driver: Driver): AvailabilityTracker {
  const changeListeners = new Set<(nodeId: number, isOnline: boolean) => void>();
  const disconnectListeners = new Set<(reason: string) => void>();
  const cleanups: (() => void)[] = [];
  let isDisconnected = false;

  const emit = (node: ZWaveNode, isOnline: boolean): void => {
    for (const l of changeListeners) l(node.id, isOnline);
  };
  for (const node of driver.controller.nodes.values()) {
    if (node.id === driver.controller.ownNodeId) continue;
    const online = (n: ZWaveNode): void => emit(n, true);
    const offline = (n: ZWaveNode): void => emit(n, false);
    node.on('alive', online);
    node.on('wake up', online);
    node.on('dead', offline);
    node.on('sleep', offline);
    cleanups.push(() => {
      node.off('alive', online);
      node.off('wake up', online);
      node.off('dead', offline);
      node.off('sleep', offline);
    });
  }
  const onError = (e: Error): void => {
    const isPortGone =
      isZWaveError(e) && (e.code === ZWaveErrorCodes.Driver_Failed || e.code === ZWaveErrorCodes.Driver_SerialPortClosed);
    if (!isPortGone || isDisconnected) return;
    isDisconnected = true;
    for (const l of disconnectListeners) l(`The controller was disconnected: ${e.message}`);
  };
  driver.on('error', onError);
  cleanups.push(() => driver.off('error', onError));

  return {
    isOnline(nodeId) {
      const node = driver.controller.nodes.get(nodeId);
      if (!node || isDisconnected) return false;
      return node.status !== NodeStatus.Dead && node.status !== NodeStatus.Asleep && (node.ready || node.status === NodeStatus.Alive);
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onDisconnected(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    dispose() {
      for (const c of cleanups) c();
      changeListeners.clear();
      disconnectListeners.clear();
    },
  };
}
