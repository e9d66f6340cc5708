import { join } from 'node:path';
import type { FieldCipher } from '../../secrets/field-cipher';
import type { NetworkKeys } from '../../zwave/lock-network';
import { createVirtualStick } from '../create-virtual-stick';
import { withDeviceFileParams } from '../device-file-params';
import type { VirtualStick } from '../virtual-stick';
import { BUILDING_HOME_ID, BUILDING_ZWAVE_MEMORY_FILE } from './building-site';
import { BUILDING_ZWAVE_LOCKS } from './building-zwave-locks';

/**
 * Time per frame on the building's virtual radio, in ms (zwave-js's mock default, used by the house demo, is 10).
 * zwave-js's mock has one shared "air": every frame of every lock waits its turn, and a first interview reads every
 * slot (queryAllUserCodes), so 16 locks at 10 ms take about 40 s to interview on the first start; at 1 ms about 10 s.
 */
export const BUILDING_RADIO_DELAY_MS = 1;

/**
 * Starts the building's virtual stick: its own home id and lock memory file in `dataDir`, the real models with the
 * parameters their device files document, every radio steady. The flaky locks' drop rates are switched on by the
 * caller once the site is ready (`BUILDING_ZWAVE_LOCKS[].spec.dropRate`): a first interview over lossy links can take
 * minutes.
 */
export async function createBuildingStick(options: { dataDir: string; securityKeys: NetworkKeys; memoryCipher?: FieldCipher | null; seed?: number }): Promise<VirtualStick> {
  const calm = BUILDING_ZWAVE_LOCKS.map(({ spec }) => ({ ...spec, dropRate: 0, radioDelayMs: BUILDING_RADIO_DELAY_MS }));
  return createVirtualStick({
    stateFile: join(options.dataDir, BUILDING_ZWAVE_MEMORY_FILE),
    locks: await withDeviceFileParams(calm),
    homeId: BUILDING_HOME_ID,
    securityKeys: options.securityKeys,
    memoryCipher: options.memoryCipher,
    seed: options.seed,
  });
}
