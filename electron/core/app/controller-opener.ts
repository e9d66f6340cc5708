import { CodedError } from '../../../shared/result';
import { join } from 'node:path';
import type { Connection } from '../../../shared/domain/site';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualStick } from '../demo/virtual-stick';
import { withVirtualDeviceInfo } from '../demo/virtual-device-info';
import type { OpenConnection } from '../locks/controller';
import type { LockAddress } from '../../../shared/domain/lock-address';
import { asLockReadiness } from '../zwave/node-readiness';
import { createZWaveConnection } from '../zwave/zwave-connection';
import type { FieldCipher } from '../secrets/field-cipher';
import type { NetworkKeys } from '../zwave/lock-network';

/**
 * zwave-js takes most of a second to load: it is loaded when the first controller opens, after the browser host already
 * serves the page (which then shows the site connecting).
 */
const loadZWave = () => import('../zwave/open-network');
const loadVirtualStick = () => import('../demo/create-virtual-stick');

/** The demo site's door names, by the virtual locks' node ids. */
const DEMO_DOOR_NAMES: Record<number, string> = { 2: 'Front door', 3: 'Back door', 4: 'Garage side door' };

/** A door's first name: the demo site's names, else "Door <node id>" (Z-Wave) or "Door <address>". */
export function defaultDoorName(connection: Connection, at: LockAddress): string {
  const nodeId = at.protocol === 'zwave' ? Number(at.address) : NaN;
  return (connection.kind === 'demo' && DEMO_DOOR_NAMES[nodeId]) || `Door ${at.address}`;
}

/** The controller opener plus the demo stick it started (for the demo's fault simulation). */
export interface ControllerOpener {
  open: OpenConnection;
  /** The virtual stick while the demo site is connected, else null. */
  demoStick(): VirtualStick | null;
}

/** What seals PINs written by the controllers' side: zwave-js's cache and the demo locks' memory (see open-private-data.ts). */
export interface OpenerCiphers {
  cache: FieldCipher;
  demo: FieldCipher;
}

/**
 * Opens controllers for sites: the demo site gets a fresh virtual stick whose lock memory lives in the data folder;
 * serial paths and tcp:// sticks go straight to zwave-js. One zwave-js cache folder per controller home id is kept by
 * zwave-js itself inside `zwave-cache/`.
 */
export function createControllerOpener(dataDir: string, keys: NetworkKeys, ciphers: OpenerCiphers | null = null): ControllerOpener {
  let stick: VirtualStick | null = null;
  const cacheDir = join(dataDir, 'zwave-cache');
  return {
    demoStick: () => stick,
    async open(_site, connection: Connection, onProgress) {
      const { startZWaveNetwork } = await loadZWave();
      if (connection.kind === 'demo') {
        onProgress('Starting the virtual stick…');
        // The weak lock's radio drops start once the site is up: a first interview over a 30 % lossy link can take
        // minutes, which is realistic but makes a poor demo. Its faults show when codes are programmed.
        const calm = DEMO_LOCKS.map((spec) => ({ ...spec, dropRate: 0 }));
        const { createVirtualStick } = await loadVirtualStick();
        const opened = await createVirtualStick({ stateFile: join(dataDir, 'demo-locks.json'), locks: calm, securityKeys: keys, memoryCipher: ciphers?.demo });
        stick = opened;
        try {
          const started = await startZWaveNetwork({ port: opened.port, cacheDir, cacheCipher: ciphers?.cache, securityKeys: keys, onProgress });
          const network = withVirtualDeviceInfo(started.network, DEMO_LOCKS);
          return createZWaveConnection(network, {
            readiness: asLockReadiness(started.readiness),
            onSiteReady: () => {
              for (const spec of DEMO_LOCKS) opened.locks.get(spec.nodeId)?.setDropRate(spec.dropRate);
            },
            close: async () => {
              await network.close();
              await opened.close();
              if (stick === opened) stick = null;
            },
          });
        } catch (error) {
          await opened.close();
          stick = null;
          throw error;
        }
      }
      if (connection.kind === 'bluetooth') throw new CodedError('ble.unavailable', 'This opener reaches Z-Wave sticks only.');
      const port = connection.kind === 'serial' ? connection.path : connection.url;
      const { network, readiness } = await startZWaveNetwork({ port, cacheDir, cacheCipher: ciphers?.cache, securityKeys: keys, onProgress });
      return createZWaveConnection(network, { readiness: asLockReadiness(readiness) });
    },
  };
}
