import { join } from 'node:path';
import type { BleRadio } from '../ble/ble-radio';
import { BUILDING_NUKI_MEMORY_FILE } from '../demo/building/building-site';
import type { VirtualNukiLockSpec, VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import type { BluetoothRadioKind } from '../ports/lock-pairing';
import type { FieldCipher } from '../secrets/field-cipher';

/** The virtual radio's timing in the demo: about one BLE connection event per 20-byte indication, a short connect. */
export const DEMO_BLE_TIMING = { indicationDelayMs: 15, connectDelayMs: 150 } as const;

/** The Bluetooth radios the app may use, each started on first use and kept until the app closes. */
export interface BluetoothRadios {
  radioOf(kind: BluetoothRadioKind): Promise<BleRadio>;
  /** A demo site's virtual radio once started (its locks' button and faults): the house's, or with `'building'` the building's; else null. */
  demoRadio(layout?: 'building'): VirtualNukiRadio | null;
  close(): Promise<void>;
}

type DemoRadioKind = Exclude<BluetoothRadioKind, 'system'>;

/** Each demo site's virtual radio: its memory file in the data folder and its locks (loaded with the radio). */
const DEMO_RADIOS: Record<DemoRadioKind, { file: string; locks: () => Promise<readonly VirtualNukiLockSpec[]> }> = {
  demo: { file: 'demo-nuki-locks.json', locks: async () => (await import('../demo/nuki/demo-nuki-locks')).DEMO_NUKI_LOCKS },
  'demo-building': {
    file: BUILDING_NUKI_MEMORY_FILE,
    locks: async () => (await import('../demo/building/building-nuki-locks')).BUILDING_NUKI_LOCKS.map((l) => l.spec),
  },
};

/**
 * This computer's radio (noble, loaded only when a site uses Bluetooth, so a machine without it never loads it) and
 * the demo sites' virtual radios: the house's with its Nuki lock, memory in `demo-nuki-locks.json`, and the building's
 * with its 8 Nuki locks, memory in `demo-building-nuki-locks.json` (PINs and keys sealed). Two radios, so a scan on one
 * demo site never hears the other's locks.
 */
export function createBluetoothRadios(deps: { dataDir: string; demoCipher: FieldCipher | null }): BluetoothRadios {
  let system: Promise<BleRadio> | null = null;
  const demos = new Map<DemoRadioKind, Promise<VirtualNukiRadio>>();
  const started = new Map<DemoRadioKind, VirtualNukiRadio>();
  const startDemo = async (kind: DemoRadioKind): Promise<VirtualNukiRadio> => {
    const { createVirtualNukiRadio } = await import('../demo/nuki/demo-nuki-locks');
    const { file, locks } = DEMO_RADIOS[kind];
    return createVirtualNukiRadio({ stateFile: join(deps.dataDir, file), cipher: deps.demoCipher, locks: await locks(), ...DEMO_BLE_TIMING });
  };
  return {
    radioOf(kind) {
      if (kind === 'system') {
        system ??= import('../ble/noble-radio').then((m) => m.createNobleRadio());
        return system;
      }
      let radio = demos.get(kind);
      if (!radio) {
        radio = startDemo(kind)
          .then((r) => (started.set(kind, r), r))
          .catch((error: unknown) => {
            demos.delete(kind);
            throw error;
          });
        demos.set(kind, radio);
      }
      return radio;
    },
    demoRadio: (layout) => started.get(layout === 'building' ? 'demo-building' : 'demo') ?? null,
    async close() {
      await Promise.all([system, ...demos.values()].map((r) => r?.then((radio) => radio.close()).catch(() => undefined)));
    },
  };
}
