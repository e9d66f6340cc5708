import { REAL_LOCK_MODELS } from '../real-lock-models';
import type { VirtualLockSpec } from '../virtual-stick';
import { flat, type BuildingDoorPlace } from './building-site';

/** One virtual Z-Wave lock of the building and the door it is fitted to. */
export interface BuildingZWaveLock {
  door: BuildingDoorPlace;
  spec: VirtualLockSpec;
}

/**
 * The building's virtual Z-Wave locks (nodes 2–17 on the building's stick). Most run as neutral "Virtual …-style"
 * locks; the main entrance, the plant room and two flats run as real models (zwave-js applies their device files:
 * the Schlage's fixed PIN length, the Yale module's scheduling quirk). Weak: Flat 2.04 and the lift motor room.
 * Flaky (`dropRate`, switched on once the site is ready, like the house demo's weak lock): the plant room, the roof
 * terrace and Flat 4.04 lose 4–8 % of their frames — a poor link in a real building, where zwave-js's retries and
 * Lockbench's show (slower, the odd retry); at 15–20 % a secure lock's exchanges (nonces, Supervision) failed so often
 * that a door took minutes. Codes made elsewhere: the main entrance (the managing agent's), the post room (the postman's)
 * and Flat 3.03 (a previous tenant's).
 */
export const BUILDING_ZWAVE_LOCKS: readonly BuildingZWaveLock[] = [
  { door: common('Main entrance', 'G'), spec: { ...real('Schlage BE469', 2), batteryLevel: 85, factoryCodes: { 1: '419263' } } },
  { door: common('Post room', 'G'), spec: { ...lever(3, 10), factoryCodes: { 1: '7391' } } },
  { door: service('Plant room', 'G'), spec: { ...real('Kwikset 916', 4), batteryLevel: 70, dropRate: 0.04 } },
  { door: common('Roof terrace', 'Roof'), spec: { ...secureLever(5, 20), batteryLevel: 64, dropRate: 0.08 } },
  { door: service('Lift motor room', 'Roof'), spec: { ...lever(6, 10), batteryLevel: 18 } },
  { door: flat(1, 1), spec: deadbolt(7) },
  { door: flat(1, 3), spec: secureLever(8, 20) },
  { door: flat(1, 4), spec: { ...real('Yale P-KFCON-MOD', 9), batteryLevel: 77 } },
  { door: flat(2, 1), spec: secureLever(10, 20) },
  { door: flat(2, 2), spec: deadbolt(11) },
  { door: flat(2, 4), spec: { ...secureLever(12, 20), batteryLevel: 12 } },
  { door: flat(3, 2), spec: { ...real('Schlage BE469', 13), configValues: { 16: 4 } } },
  { door: flat(3, 3), spec: { ...lever(14, 10), factoryCodes: { 5: '1357' } } },
  { door: flat(4, 1), spec: secureLever(15, 20) },
  { door: flat(4, 3), spec: deadbolt(16) },
  { door: flat(4, 4), spec: { ...deadbolt(17), dropRate: 0.06 } },
];

function common(name: string, floor: string): BuildingDoorPlace {
  return { name, floor, group: 'common', unit: null };
}

function service(name: string, floor: string): BuildingDoorPlace {
  return { name, floor, group: 'service', unit: null };
}

/** A real model from real-lock-models.ts on node `nodeId` (its device file applies; its parameters come from it). */
function real(label: string, nodeId: number): VirtualLockSpec {
  const model = REAL_LOCK_MODELS.find((m) => m.label === label);
  if (!model) throw new Error(`No real lock model "${label}"`);
  return { ...model, nodeId, batteryLevel: 80 };
}

/** Like the house demo's deadbolt: S2, 30 codes, 4–8 digits, year-day schedules, PINs readable. */
function deadbolt(nodeId: number): VirtualLockSpec {
  return {
    nodeId,
    label: 'Virtual Schlage-style deadbolt (S2, 30 codes)',
    reportedName: 'Virtual deadbolt',
    slotCount: 30,
    minCodeLength: 4,
    maxCodeLength: 8,
    nativeScheduling: true,
    secure: true,
    batteryLevel: 90,
    dropRate: 0,
    revealsCodes: true,
  };
}

/** Like the house demo's Yale-style lever: S2, 4–8 digits with PIN rules, no scheduling. */
function secureLever(nodeId: number, slotCount: number): VirtualLockSpec {
  return {
    nodeId,
    label: `Virtual Yale-style lever (S2, ${slotCount} codes)`,
    reportedName: 'Virtual lever S2',
    slotCount,
    minCodeLength: 4,
    maxCodeLength: 8,
    nativeScheduling: false,
    secure: true,
    batteryLevel: 82,
    codeConstraints: [{ constraint_type: 'no_triple_consecutive_ints' }, { constraint_type: 'at_least_three_unique_digits' }],
    dropRate: 0,
    revealsCodes: true,
  };
}

/** Like the house demo's budget lever: no security, User Code v1 (no checksum), 4–6 digits. */
function lever(nodeId: number, slotCount: number): VirtualLockSpec {
  return {
    nodeId,
    label: `Virtual budget keypad lever (no security, ${slotCount} codes)`,
    reportedName: 'Virtual lever',
    slotCount,
    minCodeLength: 4,
    maxCodeLength: 6,
    nativeScheduling: false,
    secure: false,
    batteryLevel: 75,
    dropRate: 0,
    revealsCodes: true,
    userCodeVersion: 1,
  };
}
