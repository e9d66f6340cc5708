import type { DoorGroup } from '../../../../shared/domain/door-placement';
import type { Connection } from '../../../../shared/domain/site';

/**
 * The building demo: a second demo site beside the house demo, 24 virtual locks on floors, flats and common doors.
 * Its own virtual Z-Wave stick (own home id, own lock memory file) and its own virtual Bluetooth radio (own memory
 * file), so the house demo never sees its locks and the other way round.
 */

/** The building demo site's id (the house demo's is `demo`). */
export const BUILDING_SITE_ID = 'demo-building';
/** The building demo site's name as first shown (the installer may rename it). */
export const BUILDING_SITE_NAME = 'Building demo';
/** Its connections: the building's virtual stick (16 Z-Wave locks) and its virtual Bluetooth radio (8 Nuki locks). */
export const BUILDING_CONNECTIONS: readonly Connection[] = [
  { kind: 'demo', layout: 'building' },
  { kind: 'bluetooth', radio: 'demo', layout: 'building' },
];

/**
 * Home id of the building's virtual stick ("LKBB"). It must differ from the house stick's: zwave-js keeps its cache per
 * home id in the one `zwave-cache` folder, so two sticks with one home id would read each other's nodes.
 */
export const BUILDING_HOME_ID = 0x4c4b4242;

/** The building's virtual Z-Wave locks' memory, in the data folder (the house's is `demo-locks.json`). */
export const BUILDING_ZWAVE_MEMORY_FILE = 'demo-building-locks.json';
/** The building's virtual Nuki locks' memory, in the data folder (the house's is `demo-nuki-locks.json`). */
export const BUILDING_NUKI_MEMORY_FILE = 'demo-building-nuki-locks.json';

/** A door of the building as it is first given to the installer: its name and place. */
export interface BuildingDoorPlace {
  name: string;
  /** "G", "-1", "1"… "Roof". */
  floor: string;
  group: DoorGroup;
  /** The flat's unit ("1.01"); null for common and service doors. */
  unit: string | null;
}

/** A flat's front door on `floor`, unit `<floor>.<nn>`. */
export function flat(floor: number, n: number): BuildingDoorPlace {
  const unit = `${floor}.${String(n).padStart(2, '0')}`;
  return { name: `Flat ${unit}`, floor: String(floor), group: 'flat', unit };
}
