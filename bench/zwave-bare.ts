import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Driver, UserIDStatus } from 'zwave-js';
import { createVirtualStick } from '../electron/core/demo/create-virtual-stick';
import { DEMO_LOCKS } from '../electron/core/demo/demo-locks';

/** Options for the bare zwave-js baseline. */
export interface BareOptions {
  /** User code slot to write (default 1). */
  slot?: number;
  /** Makes the i-th PIN (default: 6 digits derived from i). */
  pinFor?: (i: number) => string;
}

/**
 * Baseline for the benchmark: the minimal correct set + read-back loop straight through zwave-js, no Lockbench layers.
 * A plain Driver on a fresh virtual stick with one lock like demo lock (a) (S2 Access Control + Supervision, 30 slots,
 * dropRate 0); for i in 1..count: `userCode.set(slot, Enabled, pin)` then `userCode.get(slot)`, compared.
 * Returns per-code durations in ms (set + read-back). Driver startup and interview are not timed.
 */
export async function bareSetAndReadBack(count: number, options: BareOptions = {}): Promise<number[]> {
  const slot = options.slot ?? 1;
  const pinFor = options.pinFor ?? ((i: number) => String(100000 + ((i * 7919) % 900000)));
  const lockSpec = { ...(DEMO_LOCKS[0] as (typeof DEMO_LOCKS)[number]), dropRate: 0 };
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-bench-'));
  const stick = await createVirtualStick({ stateFile: null, locks: [lockSpec], seed: 1 });
  // The virtual stick's port is always the in-process binding factory (typed opaque in ControllerPort).
  const port = stick.port as { kind: 'binding'; factory: ConstructorParameters<typeof Driver>[0] };
  const driver = new Driver(port.factory, {
    storage: { cacheDir: join(dir, 'cache'), lockDir: join(dir, 'cache') },
    interview: { queryAllUserCodes: true },
    logConfig: { enabled: false },
    features: { softReset: false },
    securityKeys: {
      S0_Legacy: Uint8Array.from(stick.securityKeys.S0_Legacy),
      S2_Unauthenticated: Uint8Array.from(stick.securityKeys.S2_Unauthenticated),
      S2_Authenticated: Uint8Array.from(stick.securityKeys.S2_Authenticated),
      S2_AccessControl: Uint8Array.from(stick.securityKeys.S2_AccessControl),
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      driver.once('all nodes ready', () => resolve());
      driver.start().catch(reject);
    });
    const node = driver.controller.nodes.getOrThrow(lockSpec.nodeId);
    const durations: number[] = [];
    for (let i = 1; i <= count; i++) {
      const pin = pinFor(i);
      const started = performance.now();
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
