import { existsSync } from 'node:fs';
import { CommandClasses, InterviewStage, isZWaveError, ZWaveErrorCodes } from '@zwave-js/core';
import { Driver, UserCodeCCValues, type ZWaveNode } from 'zwave-js';
import type { LockProfile } from '../../../shared/domain/lock';
import { CodedError } from '../../../shared/result';
import { createDriverOptions, describePort, toDriverPort } from './driver-options';
import type { LockNetwork, OpenNetworkOptions, SlotReading } from './lock-network';
import { readLockProfile } from './lock-profile-reader';
import { trackAvailability } from './node-availability';
import { trackNodeReadiness, type NodeReadiness } from './node-readiness';
import { readLockClock, setLockClock } from './clock-ops';
import { createKeypadUnlockFeed } from './keypad-events';
import { clearSchedules, readYearDaySchedule, setYearDaySchedule } from './schedule-ops';
import { cachedSlotReadings, clearUserCode, readUserCode, readUserCodeChecksum, setUserCode } from './user-code-ops';
import { toCodedError } from './zwave-errors';

const DEFAULT_INTERVIEW_TIMEOUT_MS = 120_000;

/** A controller opened up to "driver ready": its lock network, and each lock's interview as it ends. */
export interface StartedNetwork {
  network: LockNetwork;
  readiness: NodeReadiness;
}

/**
 * Opens a Z-Wave controller and resolves at "driver ready", when the nodes are known (from the controller and
 * zwave-js's cache) but their interviews may still run: `readiness` reports each lock as it becomes usable. A command to
 * a lock still being interviewed would race the interview's own reads: wait for its settlement. The only place in
 * Lockbench that creates zwave-js's Driver.
 *
 *   port ──▶ Driver.start() ──"driver ready"──▶ StartedNetwork ──▶ each node "ready" | "dead" | final "interview failed" | timeout
 */
export async function startZWaveNetwork(options: OpenNetworkOptions): Promise<StartedNetwork> {
  const progress = options.onProgress ?? (() => undefined);
  const action = `Opening the controller on ${describePort(options.port)}`;
  // A typo'd device path would otherwise cost ~9 s of zwave-js open retries.
  if (typeof options.port === 'string' && options.port.startsWith('/') && !existsSync(options.port)) {
    throw new CodedError('transport.port_not_found', `There is no serial port at ${options.port}`, { path: options.port });
  }
  let driver: Driver;
  try {
    driver = new Driver(toDriverPort(options.port), createDriverOptions(options));
  } catch (e) {
    throw toCodedError(e, { action, isOpening: true }); // e.g. invalid or duplicate security keys
  }
  progress(`${action}…`);
  try {
    await startDriver(driver);
  } catch (e) {
    await driver.destroy().catch(() => undefined);
    throw toCodedError(e, { action, isOpening: true });
  }
  progress('Controller ready');
  const readiness = trackNodeReadiness(driver, options.interviewTimeoutMs ?? DEFAULT_INTERVIEW_TIMEOUT_MS, progress);
  return { network: createLockNetwork(driver, readiness), readiness };
}

/**
 * Opens a Z-Wave controller and resolves once every lock is interviewed (or given up on as offline): for tests and
 * tools that use the locks at once. The app uses startZWaveNetwork, so doors appear as their interviews finish.
 */
export async function openZWaveNetwork(options: OpenNetworkOptions): Promise<LockNetwork> {
  const { network, readiness } = await startZWaveNetwork(options);
  await readiness.allSettled();
  return network;
}

function startDriver(driver: Driver): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void => {
      if (isZWaveError(e) && e.code === ZWaveErrorCodes.Driver_Failed) reject(e);
    };
    driver.once('driver ready', () => {
      driver.off('error', onError);
      resolve();
    });
    driver.on('error', onError);
    driver.start().catch(reject);
  });
}

function createLockNetwork(driver: Driver, readiness: NodeReadiness): LockNetwork {
  const availability = trackAvailability(driver);
  const keypadUnlocks = createKeypadUnlockFeed(driver);
  // Radio accounting: one per zwave-js CC call Lockbench makes (see LockNetwork.commandsSent).
  let sent = 0;
  const count = (): void => {
    sent++;
  };
  const node = (nodeId: number): ZWaveNode => {
    const found = nodeId === driver.controller.ownNodeId ? undefined : driver.controller.nodes.get(nodeId);
    if (!found) throw new CodedError('lock.not_found', `There is no lock ${nodeId} on this controller`, { nodeId });
    return found;
  };
  let closing: Promise<void> | null = null;

  return {
    homeId: (driver.controller.homeId ?? 0).toString(16).padStart(8, '0'),
    lockNodeIds: () =>
      [...driver.controller.nodes.values()]
        .filter((n) => n.id !== driver.controller.ownNodeId && isLockOrUnknown(n))
        .map((n) => n.id)
        .sort((a, b) => a - b),
    readProfile: async (nodeId: number): Promise<LockProfile> => readLockProfile(driver, node(nodeId), availability.isOnline(nodeId), count),
    cachedSlots: (nodeId: number): SlotReading[] => {
      const n = node(nodeId);
      const count = n.getValue<number>(UserCodeCCValues.supportedUsers.id) ?? 0;
      return cachedSlotReadings(n, count);
    },
    // async so that an unknown node rejects instead of throwing synchronously
    setCode: async (nodeId, slot, pin) => setUserCode(node(nodeId), slot, pin, count),
    readCode: async (nodeId, slot) => readUserCode(node(nodeId), slot, count),
    clearCode: async (nodeId, slot) => clearUserCode(node(nodeId), slot, count),
    setYearDaySchedule: async (nodeId, slot, window) => setYearDaySchedule(node(nodeId), slot, window, count),
    clearSchedules: async (nodeId, slot) => clearSchedules(node(nodeId), slot, count),
    readYearDaySchedule: async (nodeId, slot) => readYearDaySchedule(node(nodeId), slot, count),
    readLockClock: async (nodeId) => readLockClock(node(nodeId), count),
    setLockClock: async (nodeId, setting) => setLockClock(node(nodeId), setting, count),
    readChecksum: async (nodeId) => readUserCodeChecksum(node(nodeId), count),
    ping: async (nodeId) => {
      const n = node(nodeId);
      count();
      return n.ping().catch(() => false);
    },
    onKeypadUnlock: keypadUnlocks.subscribe,
    commandsSent: () => sent,
    onLockAvailability: availability.onChange,
    onDisconnected: availability.onDisconnected,
    close() {
      closing ??= (async () => {
        readiness.dispose();
        availability.dispose();
        keypadUnlocks.dispose();
        await driver.destroy();
      })();
      return closing;
    },
  };
}

/**
 * A lock is a node with User Code or Door Lock CC. A node whose interview never completed (it did not answer on the
 * first connection) is listed too, so the installer sees it as an offline door instead of not at all.
 */
function isLockOrUnknown(n: ZWaveNode): boolean {
  if (n.supportsCC(CommandClasses['User Code']) || n.supportsCC(CommandClasses['Door Lock'])) return true;
  return n.interviewStage !== InterviewStage.Complete;
}
