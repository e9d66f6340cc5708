import { NUKI_ID_TYPE } from '../../nuki/protocol/command-ids';
import type { VirtualNukiLockSpec } from '../nuki/demo-nuki-locks';
import { flat, type BuildingDoorPlace } from './building-site';

/** One virtual Nuki lock of the building and the door it is fitted to. */
export interface BuildingNukiLock {
  door: BuildingDoorPlace;
  spec: VirtualNukiLockSpec;
}

const SMART_LOCK_4_PRO: Pick<VirtualNukiLockSpec, 'model' | 'firmwareVersion' | 'hardwareRevision'> = {
  model: 'Nuki Smart Lock 4.0 Pro with Keypad 2',
  firmwareVersion: [4, 2, 1],
  hardwareRevision: [8, 1],
};
const SMART_LOCK_3_PRO: Pick<VirtualNukiLockSpec, 'model' | 'firmwareVersion' | 'hardwareRevision'> = {
  model: 'Nuki Smart Lock 3.0 Pro with Keypad 2',
  firmwareVersion: [3, 8, 6],
  hardwareRevision: [7, 2],
};

/** The building manager's Nuki app, paired with the common doors before Lockbench came. */
const MANAGER_APP = { name: 'Nuki App (building manager)', idType: NUKI_ID_TYPE.APP, appId: 0x51c0a3e9 };

/**
 * The building's virtual Nuki locks (Keypad 2 each: 100 codes, the driver's default). They start paired with
 * Lockbench (building-demo.ts pairs them through the app's own pairing at the first start), each with its own security
 * PIN. Weak: the cleaner's store. Codes made elsewhere (the Nuki app): the bike store's and Flat 3.01's.
 */
export const BUILDING_NUKI_LOCKS: readonly BuildingNukiLock[] = [
  {
    door: { name: 'Bike store', floor: 'G', group: 'common', unit: null },
    spec: {
      ...SMART_LOCK_3_PRO, label: 'Bike store', nukiId: 0x3c9a1b01, address: '54:D2:72:9A:1B:01', securityPin: 4711, batteryPercent: 72, rssi: -70,
      otherAuthorizations: [MANAGER_APP],
      factoryCodes: [{ code: '246813', name: 'Caretaker', createdAt: '2025-02-03T09:12:44Z' }],
    },
  },
  {
    door: { name: "Cleaner's store", floor: 'G', group: 'service', unit: null },
    spec: { ...SMART_LOCK_3_PRO, label: "Cleaner's store", nukiId: 0x3c9a1b02, address: '54:D2:72:9A:1B:02', securityPin: 5820, batteryPercent: 15, rssi: -78 },
  },
  {
    door: { name: 'Car park door', floor: '-1', group: 'common', unit: null },
    spec: {
      ...SMART_LOCK_4_PRO, label: 'Car park door', nukiId: 0x4d1e7c03, address: 'E8:3F:B4:1E:7C:03', securityPin: 3391, batteryPercent: 88, rssi: -81,
      otherAuthorizations: [MANAGER_APP],
    },
  },
  { door: flat(1, 2), spec: { ...SMART_LOCK_4_PRO, label: 'Flat 1.02', nukiId: 0x4d1e7c04, address: 'E8:3F:B4:1E:7C:04', securityPin: 1902, batteryPercent: 94, rssi: -66 } },
  { door: flat(2, 3), spec: { ...SMART_LOCK_3_PRO, label: 'Flat 2.03', nukiId: 0x3c9a1b05, address: '54:D2:72:9A:1B:05', securityPin: 8064, batteryPercent: 61, rssi: -69 } },
  {
    door: flat(3, 1),
    spec: {
      ...SMART_LOCK_4_PRO, label: 'Flat 3.01', nukiId: 0x4d1e7c06, address: 'E8:3F:B4:1E:7C:06', securityPin: 2457, batteryPercent: 83, rssi: -72,
      otherAuthorizations: [{ name: 'Nuki App (tenant)', idType: NUKI_ID_TYPE.APP, appId: 0x19e2d7b4 }],
      factoryCodes: [{ code: '918273', name: 'Cleaner', createdAt: '2025-05-20T16:30:00Z' }],
    },
  },
  { door: flat(3, 4), spec: { ...SMART_LOCK_3_PRO, label: 'Flat 3.04', nukiId: 0x3c9a1b07, address: '54:D2:72:9A:1B:07', securityPin: 6138, batteryPercent: 57, rssi: -74 } },
  { door: flat(4, 2), spec: { ...SMART_LOCK_4_PRO, label: 'Flat 4.02', nukiId: 0x4d1e7c08, address: 'E8:3F:B4:1E:7C:08', securityPin: 7725, batteryPercent: 79, rssi: -77 } },
];
