import { CodedError } from '../../../shared/result';
import { join } from 'node:path';
import type { Connection } from '../../../shared/domain/site';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualLockSpec, VirtualStick } from '../demo/virtual-stick';
import { buildingDoorAt } from '../demo/building/building-doors';
import { BUILDING_ZWAVE_LOCKS } from '../demo/building/building-zwave-locks';
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
const loadBuildingStick = () => import('../demo/building/building-stick');

/** The demo site's door names, by the virtual locks' node ids. */
const DEMO_DOOR_NAMES: Record<number, string> = { 2: 'Front door', 3: 'Back door', 4: 'Garage side door' };

/** A door's first name: the demo sites' names (house, building), else "Door <node id>" (Z-Wave) or "Door <address>". */
export function defaultDoorName(connection: Connection, at: LockAddress): string {
  const nodeId = at.protocol === 'zwave' ? Number(at.address) : NaN;
  if (connection.kind === 'demo' && connection.layout === 'building') return buildingDoorAt(at)?.name ?? `Door ${at.address}`;
  return (connection.kind === 'demo' && DEMO_DOOR_NAMES[nodeId]) || `Door ${at.address}`;
}

/** The controller opener plus the demo sticks it started (for the demo's fault simulation). */
export interface ControllerOpener {
  open: OpenConnection;
  /** The virtual stick of a demo site while it is connected (the house demo's, or with `'building'` the building's), else null. */
  demoStick(layout?: 'building'): VirtualStick | null;
}

/** What seals PINs written by the controllers' side: zwave-js's cache and the demo locks' memory (see open-private-data.ts). */
export interface OpenerCiphers {
  cache: FieldCipher;
  demo: FieldCipher;
}

/** One demo site's virtual stick: how it starts, and its locks as the site's device information knows them. */
interface DemoStickKind {
  specs: readonly VirtualLockSpec[];
  start(dataDir: string, keys: NetworkKeys, cipher: FieldCipher | undefined, seed: number | undefined): Promise<VirtualStick>;
}

const DEMO_STICKS: Record<'house' | 'building', DemoStickKind> = {
  house: {
    specs: DEMO_LOCKS,
    async start(dataDir, keys, cipher, seed) {
      // The weak lock's radio drops start once the site is up: a first interview over a 30 % lossy link can take
      // minutes, which is realistic but makes a poor demo. Its faults show when codes are programmed.
      const calm = DEMO_LOCKS.map((spec) => ({ ...spec, dropRate: 0 }));
      const { createVirtualStick } = await loadVirtualStick();
      return createVirtualStick({ stateFile: join(dataDir, 'demo-locks.json'), locks: calm, securityKeys: keys, memoryCipher: cipher, seed });
    },
  },
  building: {
    specs: BUILDING_ZWAVE_LOCKS.map((l) => l.spec),
    async start(dataDir, keys, cipher, seed) {
      const { createBuildingStick } = await loadBuildingStick();
      return createBuildingStick({ dataDir, securityKeys: keys, memoryCipher: cipher, seed });
    },
  },
};

/**
 * Opens controllers for sites: each demo site (the house, the building) gets a fresh virtual stick of its own (own home
 * id, own lock memory in the data folder), closed with its site; serial paths and tcp:// sticks go straight to
 * zwave-js. One zwave-js cache folder per controller home id is kept by zwave-js itself inside `zwave-cache/`.
 */
export function createControllerOpener(dataDir: string, keys: NetworkKeys, ciphers: OpenerCiphers | null = null, options: { demoRadioSeed?: number } = {}): ControllerOpener {
  const sticks = new Map<'house' | 'building', VirtualStick>();
  const cacheDir = join(dataDir, 'zwave-cache');
  return {
    demoStick: (layout) => sticks.get(layout ?? 'house') ?? null,
    async open(_site, connection: Connection, onProgress) {
      const { startZWaveNetwork } = await loadZWave();
      if (connection.kind === 'demo') {
        const layout = connection.layout ?? 'house';
        const kind = DEMO_STICKS[layout];
        onProgress('Starting the virtual stick…');
        const opened = await kind.start(dataDir, keys, ciphers?.demo, options.demoRadioSeed);
        sticks.set(layout, opened);
        const forget = () => void (sticks.get(layout) === opened && sticks.delete(layout));
        try {
          const started = await startZWaveNetwork({ port: opened.port, cacheDir, cacheCipher: ciphers?.cache, securityKeys: keys, onProgress });
          const network = withVirtualDeviceInfo(started.network, kind.specs);
          return createZWaveConnection(network, {
            readiness: asLockReadiness(started.readiness),
            onSiteReady: () => {
              for (const spec of kind.specs) opened.locks.get(spec.nodeId)?.setDropRate(spec.dropRate);
            },
            close: async () => {
              await network.close();
              await opened.close();
              forget();
            },
          });
        } catch (error) {
          await opened.close();
          forget();
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
