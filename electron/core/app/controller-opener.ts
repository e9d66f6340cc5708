import { join } from 'node:path';
import type { Connection } from '../../../shared/domain/site';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualStick } from '../demo/virtual-stick';
import { withVirtualDeviceInfo } from '../demo/virtual-device-info';
import type { OpenController } from '../locks/controller';
import type { NetworkKeys } from '../zwave/lock-network';
import { openZWaveNetwork } from '../zwave/open-network';

/** The demo site's door names, by the virtual locks' node ids. */
const DEMO_DOOR_NAMES: Record<number, string> = { 2: 'Front door', 3: 'Back door', 4: 'Garage side door' };

/** A door's first name: the demo site's names, else "Door <node id>". */
export function defaultDoorName(connection: Connection, nodeId: number): string {
  return (connection.kind === 'demo' && DEMO_DOOR_NAMES[nodeId]) || `Door ${nodeId}`;
}

/** The controller opener plus the demo stick it started (for the demo's fault simulation). */
export interface ControllerOpener {
  open: OpenController;
  /** The virtual stick while the demo site is connected, else null. */
  demoStick(): VirtualStick | null;
}

/**
 * Opens controllers for sites: the demo site gets a fresh virtual stick whose lock memory lives in the data folder;
 * serial paths and tcp:// sticks go straight to zwave-js. One zwave-js cache folder per controller home id is kept by
 * zwave-js itself inside `zwave-cache/`.
 */
export function createControllerOpener(dataDir: string, keys: NetworkKeys): ControllerOpener {
  let stick: VirtualStick | null = null;
  const cacheDir = join(dataDir, 'zwave-cache');
  return {
    demoStick: () => stick,
    async open(connection: Connection, onProgress) {
      if (connection.kind === 'demo') {
        onProgress('Starting the virtual stick…');
        // The weak lock's radio drops start once the site is up: a first interview over a 30 % lossy link can take
        // minutes, which is realistic but makes a poor demo. Its faults show when codes are programmed.
        const calm = DEMO_LOCKS.map((spec) => ({ ...spec, dropRate: 0 }));
        const opened = await createVirtualStick({ stateFile: join(dataDir, 'demo-locks.json'), locks: calm, securityKeys: keys });
        stick = opened;
        try {
          const raw = await openZWaveNetwork({ port: opened.port, cacheDir, securityKeys: keys, onProgress });
          const network = withVirtualDeviceInfo(raw, DEMO_LOCKS);
          for (const spec of DEMO_LOCKS) opened.locks.get(spec.nodeId)?.setDropRate(spec.dropRate);
          return {
            network,
            close: async () => {
              await network.close();
              await opened.close();
              if (stick === opened) stick = null;
            },
          };
        } catch (error) {
          await opened.close();
          stick = null;
          throw error;
        }
      }
      const port = connection.kind === 'serial' ? connection.path : connection.url;
      const network = await openZWaveNetwork({ port, cacheDir, securityKeys: keys, onProgress });
      return { network, close: () => network.close() };
    },
  };
}
