import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver, UserIDStatus } from 'zwave-js';
import { createVirtualStick } from '../electron/core/demo/create-virtual-stick';
import type { VirtualStick } from '../electron/core/demo/virtual-stick';
import { benchLockSpec } from './bench-lock';

/** Options for the bare zwave-js baselines. */
export interface BareOptions {
  /** User code slot to write (default 1); ignored with `readFirst` (each code goes to the next free slot). */
  slot?: number;
  /** Makes the i-th PIN (default: 6 digits derived from i). */
  pinFor?: (i: number) => string;
  /**
   * The minimal SAFE loop: before each Set, read the slot and go on only when the lock says it is free (a code put on
   * the lock behind the controller's back is never overwritten); each code goes to the next slot found free.
   */
  readFirst?: boolean;
}

/**
 * A plain zwave-js Driver on a virtual stick, no Lockbench layer: every slot read at the interview, no logs, the
 * stick's own network keys. Not started.
 */
export function createBareDriver(stick: VirtualStick, dir: string): Driver {
  // The virtual stick's port is always the in-process binding factory (typed opaque in ControllerPort).
  const port = stick.port as { kind: 'binding'; factory: ConstructorParameters<typeof Driver>[0] };
  const keys = stick.securityKeys;
  return new Driver(port.factory, {
    storage: { cacheDir: join(dir, 'cache'), lockDir: join(dir, 'cache') },
    interview: { queryAllUserCodes: true },
    logConfig: { enabled: false },
    features: { softReset: false },
    securityKeys: {
      S0_Legacy: Uint8Array.from(keys.S0_Legacy),
      S2_Unauthenticated: Uint8Array.from(keys.S2_Unauthenticated),
      S2_Authenticated: Uint8Array.from(keys.S2_Authenticated),
      S2_AccessControl: Uint8Array.from(keys.S2_AccessControl),
    },
  });
}

/**
 * Baselines for the benchmark: the minimal loops straight through zwave-js, no Lockbench layers, on a plain Driver on a
 * fresh virtual stick with the same lock the Lockbench path programs (demo lock (a): S2 Access Control + Supervision,
 * enough slots for the run, dropRate 0). For i in 1..count:
 * - set + read-back: `userCode.set(slot, Enabled, pin)` then `userCode.get(slot)`, compared (one slot, overwritten);
 * - with `readFirst` (read + set + read-back): `userCode.get(slot)` until a slot says Available, then the same Set and
 *   read-back, each code in its own slot.
 * Returns per-code durations in ms. Driver startup and interview are not timed.
 */
export async function bareSetAndReadBack(count: number, options: BareOptions = {}): Promise<number[]> {
  const pinFor = options.pinFor ?? ((i: number) => String(100000 + ((i * 7919) % 900000)));
  const lockSpec = benchLockSpec(count);
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-bench-'));
  const stick = await createVirtualStick({ stateFile: null, locks: [lockSpec], seed: 1 });
  const driver = createBareDriver(stick, dir);
  try {
    await new Promise<void>((resolve, reject) => {
      driver.once('all nodes ready', () => resolve());
      driver.start().catch(reject);
    });
    const node = driver.controller.nodes.getOrThrow(lockSpec.nodeId);
    const durations: number[] = [];
    let nextSlot = 1;
    for (let i = 1; i <= count; i++) {
      const pin = pinFor(i);
      const started = performance.now();
      let slot = options.slot ?? 1;
      if (options.readFirst) {
        // The next slot the lock itself says is free (a slot holding a code from elsewhere is skipped, never written).
        for (slot = nextSlot; ; slot++) {
          if (slot > lockSpec.slotCount) throw new Error(`No free slot left for code #${i}`);
          const before = await node.commandClasses['User Code'].get(slot);
          if (before?.userIdStatus === UserIDStatus.Available) break;
        }
        nextSlot = slot + 1;
      }
      await node.commandClasses['User Code'].set(slot, UserIDStatus.Enabled, pin);
      const report = await node.commandClasses['User Code'].get(slot);
      durations.push(performance.now() - started);
      if (report?.userIdStatus !== UserIDStatus.Enabled || report.userCode !== pin) {
        throw new Error(`Read-back mismatch for code #${i} in slot ${slot}`); // never print the PIN
      }
    }
    return durations;
  } finally {
    await driver.destroy();
    await stick.close();
    await rm(dir, { recursive: true, force: true });
  }
}
