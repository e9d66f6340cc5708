import type { LockProfile } from '../../../shared/domain/lock';
import type { LockNetwork } from '../zwave/lock-network';
import type { VirtualLockSpec } from './virtual-stick';

/**
 * What a device database would say about the demo site's virtual locks. Z-Wave does not report which PIN lengths a
 * lock takes (some real locks keep it in a configuration parameter, see zwave/device-facts.ts), nor a readable model
 * name for unregistered ids; for the demo locks both come from the lock's spec, the way a real lock's would come from
 * its device file, and the profile says so (source `device_file`, a note naming the spec). A spec for a real device
 * (`spec.device`) gets nothing here: zwave-js and the lock itself describe it.
 */
export function applyVirtualDeviceInfo(profile: LockProfile, spec: VirtualLockSpec | undefined): LockProfile {
  if (!spec || spec.device) return profile;
  const lengths: number[] = [];
  for (let n = spec.minCodeLength; n <= spec.maxCodeLength; n++) lengths.push(n);
  return {
    ...profile,
    manufacturer: 'Lockbench demo',
    model: spec.label,
    supportedCodeLengths: lengths,
    codeLengthsSource: 'device_file',
    codeLengthsNote: "from the demo lock's device information (its virtual lock spec)",
    codeConstraints: spec.codeConstraints ?? [],
  };
}

/** Wraps the demo site's network so every profile carries its virtual lock's device information. */
export function withVirtualDeviceInfo(network: LockNetwork, specs: readonly VirtualLockSpec[]): LockNetwork {
  const byNode = new Map(specs.map((s) => [s.nodeId, s]));
  return {
    get homeId() {
      return network.homeId;
    },
    lockNodeIds: () => network.lockNodeIds(),
    readProfile: async (nodeId) => applyVirtualDeviceInfo(await network.readProfile(nodeId), byNode.get(nodeId)),
    cachedSlots: (nodeId) => network.cachedSlots(nodeId),
    setCode: (nodeId, slot, pin) => network.setCode(nodeId, slot, pin),
    readCode: (nodeId, slot) => network.readCode(nodeId, slot),
    clearCode: (nodeId, slot) => network.clearCode(nodeId, slot),
    setYearDaySchedule: (nodeId, slot, window) => network.setYearDaySchedule(nodeId, slot, window),
    clearSchedules: (nodeId, slot) => network.clearSchedules(nodeId, slot),
    readYearDaySchedule: (nodeId, slot) => network.readYearDaySchedule(nodeId, slot),
    readLockClock: (nodeId) => network.readLockClock(nodeId),
    setLockClock: (nodeId, setting) => network.setLockClock(nodeId, setting),
    readChecksum: (nodeId) => network.readChecksum(nodeId),
    ping: (nodeId) => network.ping(nodeId),
    onKeypadUnlock: (listener) => network.onKeypadUnlock(listener),
    commandsSent: () => network.commandsSent(),
    onLockAvailability: (listener) => network.onLockAvailability(listener),
    onDisconnected: (listener) => network.onDisconnected(listener),
    close: () => network.close(),
  };
}
