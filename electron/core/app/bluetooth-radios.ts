import { join } from 'node:path';
import type { BleRadio } from '../ble/ble-radio';
import type { VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import type { BluetoothRadioKind } from '../ports/lock-pairing';
import type { FieldCipher } from '../secrets/field-cipher';

/** The virtual radio's timing in the demo: about one BLE connection event per 20-byte indication, a short connect. */
export const DEMO_BLE_TIMING = { indicationDelayMs: 15, connectDelayMs: 150 } as const;

/** The Bluetooth radios the app may use, each started on first use and kept until the app closes. */
export interface BluetoothRadios {
  radioOf(kind: BluetoothRadioKind): Promise<BleRadio>;
  /** The demo's virtual radio once started (its locks' button and faults), else null. */
  demoRadio(): VirtualNukiRadio | null;
  close(): Promise<void>;
}

/**
 * This computer's radio (noble, loaded only when a site uses Bluetooth, so a machine without it never loads it) and
 * the demo's virtual radio with its Nuki lock, whose memory lives in `demo-nuki-locks.json` (PINs and keys sealed).
 */
export function createBluetoothRadios(deps: { dataDir: string; demoCipher: FieldCipher | null }): BluetoothRadios {
  let system: Promise<BleRadio> | null = null;
  let demo: Promise<VirtualNukiRadio> | null = null;
  let demoStarted: VirtualNukiRadio | null = null;
  return {
    radioOf(kind) {
      if (kind === 'system') {
        system ??= import('../ble/noble-radio').then((m) => m.createNobleRadio());
        return system;
      }
      demo ??= import('../demo/nuki/demo-nuki-locks')
        .then((m) => m.createVirtualNukiRadio({ stateFile: join(deps.dataDir, 'demo-nuki-locks.json'), cipher: deps.demoCipher, locks: m.DEMO_NUKI_LOCKS, ...DEMO_BLE_TIMING }))
        .then((radio) => (demoStarted = radio))
        .catch((error: unknown) => {
          demo = null;
          throw error;
        });
      return demo;
    },
    demoRadio: () => demoStarted,
    async close() {
      await Promise.all([system?.then((r) => r.close()).catch(() => undefined), demo?.then((r) => r.close()).catch(() => undefined)]);
    },
  };
}
