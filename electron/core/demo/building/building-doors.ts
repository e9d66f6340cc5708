import type { LockAddress } from '../../../../shared/domain/lock-address';
import { BUILDING_NUKI_LOCKS } from './building-nuki-locks';
import type { BuildingDoorPlace } from './building-site';
import { BUILDING_ZWAVE_LOCKS } from './building-zwave-locks';

/** A door of the building with the address of its lock (a node on the building's stick, or a Nuki lock's BLE address). */
export interface BuildingDoor extends BuildingDoorPlace {
  lockAddress: LockAddress;
}

/**
 * The building's 24 doors in the order a caretaker would walk them: ground floor, basement, flats floor by floor,
 * roof. 16 Z-Wave and 8 Nuki locks, mixed across common, service and flat doors.
 */
export const BUILDING_DOORS: readonly BuildingDoor[] = [
  ...BUILDING_ZWAVE_LOCKS.map(({ door, spec }) => ({ ...door, lockAddress: { protocol: 'zwave' as const, address: String(spec.nodeId) } })),
  ...BUILDING_NUKI_LOCKS.map(({ door, spec }) => ({ ...door, lockAddress: { protocol: 'nuki' as const, address: spec.address } })),
].sort((a, b) => walkOrder(a) - walkOrder(b) || a.name.localeCompare(b.name));

/** The building's door for a lock, or null for a lock the building does not have. */
export function buildingDoorAt(at: LockAddress): BuildingDoor | null {
  return BUILDING_DOORS.find((d) => d.lockAddress.protocol === at.protocol && d.lockAddress.address === at.address) ?? null;
}

/** Ground floor first, then the basement, then the flats' floors upwards, the roof last. */
function walkOrder(door: BuildingDoorPlace): number {
  if (door.floor === 'G') return 0;
  if (door.floor === 'Roof') return 100;
  const floor = Number(door.floor);
  return floor < 0 ? 1 - floor : 10 + floor;
}
