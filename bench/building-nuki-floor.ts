import { DEMO_BLE_TIMING } from '../electron/core/app/bluetooth-radios';
import { BUILDING_NUKI_LOCKS } from '../electron/core/demo/building/building-nuki-locks';
import { createVirtualNukiRadio, type VirtualNukiRadio } from '../electron/core/demo/nuki/demo-nuki-locks';
import { connectNuki, pairNuki } from '../electron/core/nuki/client/nuki-connect';
import type { NukiCredentials } from '../electron/core/nuki/client/nuki-session';
import { codesForUnit } from './building-plan';
import type { FloorLoop } from './building-zwave-floor';

/** The building's Nuki locks on a fresh virtual radio, paired (not timed), ready for one timed loop. */
export interface NukiFloor {
  /** Programs and proves the 8 codes on each of the 8 locks, one connection at a time. */
  run(): Promise<FloorLoop>;
  close(): Promise<void>;
}

/**
 * The radio floor on the building's Bluetooth side: the building's 8 Nuki locks (same specs: codes made elsewhere
 * included) on a new virtual radio with the app's building-radio timing (DEMO_BLE_TIMING), each paired with
 * `pairNuki` after its button is held (not timed). Per lock, one after another: connectNuki → 8 × Add Keypad Code →
 * one list, every added code checked in it (id, PIN, name) → disconnect. The protocol code alone: no store, queue,
 * lock manager or driver.
 */
export async function startNukiFloor(): Promise<NukiFloor> {
  const radio: VirtualNukiRadio = await createVirtualNukiRadio({ stateFile: null, locks: BUILDING_NUKI_LOCKS.map((l) => l.spec), ...DEMO_BLE_TIMING });
  const paired: Array<{ name: string; address: string; securityPin: number; unit: string | null; credentials: NukiCredentials }> = [];
  try {
    for (const { door, spec } of BUILDING_NUKI_LOCKS) {
      radio.locks.get(spec.address)!.pressButton();
      const pairing = await pairNuki(radio, spec.address, { name: 'Lockbench bench', nukiId: spec.nukiId });
      paired.push({ name: door.name, address: spec.address, securityPin: spec.securityPin, unit: door.unit, credentials: { authId: pairing.authId, sharedKey: pairing.sharedKey } });
    }
  } catch (error) {
    await radio.close();
    throw error;
  }
  return {
    async run() {
      const locks: FloorLoop['locks'] = [];
      let commands = 0;
      const started = performance.now();
      for (const lock of paired) {
        const lockStarted = performance.now();
        const connection = await connectNuki(radio, lock.address, { credentials: lock.credentials, securityPin: lock.securityPin });
        try {
          const added: Array<{ codeId: number; code: string; name: string }> = [];
          for (const { pin, name } of codesForUnit(lock.unit)) {
            const code = { code: pin, name, schedule: null };
            added.push({ ...code, codeId: (await connection.client.addKeypadCode(code)).codeId });
          }
          const listed = await connection.client.listKeypadCodes();
          const missing = added.filter((a) => !listed.some((e) => e.codeId === a.codeId && e.code === a.code && e.name === a.name));
          if (missing.length > 0) throw new Error(`Nuki floor: ${missing.length} codes not listed on ${lock.name}`);
          commands += connection.client.commandsSent();
        } finally {
          await connection.disconnect();
        }
        locks.push({ lock: lock.name, ms: performance.now() - lockStarted, proof: 'list' });
      }
      return { ms: performance.now() - started, commands, retries: 0, locks };
    },
    close: () => radio.close(),
  };
}
