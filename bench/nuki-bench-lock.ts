import { DEMO_NUKI_LOCKS, createVirtualNukiRadio, type VirtualNukiRadio } from '../electron/core/demo/nuki/demo-nuki-locks';
import type { VirtualNukiLockHandle } from '../electron/core/demo/nuki/virtual-nuki-radio';
import type { BleRadio } from '../electron/core/ble/ble-radio';
import { pairNuki } from '../electron/core/nuki/client/nuki-connect';
import type { NukiCredentials } from '../electron/core/nuki/client/nuki-session';
import { NUKI_COMMAND } from '../electron/core/nuki/protocol/command-ids';

/**
 * The lock both Nuki benchmark paths program: the demo's side gate (Smart Lock 3.0 Pro, Keypad 2, two codes made
 * elsewhere), fresh for every run with no state file, on a virtual radio with the same BLE timing for both paths.
 */

/** BLE timing of the virtual radio, the same for both paths: one 20-byte indication per connection event. */
export const NUKI_BENCH_TIMING = { indicationDelayMs: 15, connectDelayMs: 200 } as const;

/** A fresh virtual Nuki lock, paired the way an installer pairs one (button held, then pairNuki). */
export interface PairedNukiLock {
  radio: VirtualNukiRadio;
  handle: VirtualNukiLockHandle;
  address: string;
  securityPin: number;
  credentials: NukiCredentials;
  close(): Promise<void>;
}

/** Starts the lock on its radio and pairs with it (not timed by the benchmark). */
export async function startPairedNukiLock(): Promise<PairedNukiLock> {
  const spec = DEMO_NUKI_LOCKS[0]!;
  const radio = await createVirtualNukiRadio({ stateFile: null, locks: [spec], ...NUKI_BENCH_TIMING });
  try {
    const handle = radio.locks.get(spec.address)!;
    handle.pressButton();
    const pairing = await pairNuki(radio, spec.address, { name: 'Lockbench bench', nukiId: spec.nukiId });
    const credentials = { authId: pairing.authId, sharedKey: pairing.sharedKey };
    return { radio, handle, address: spec.address, securityPin: spec.securityPin, credentials, close: () => radio.close() };
  } catch (error) {
    await radio.close();
    throw error;
  }
}

/** The radio with its `connect` timed: `connectMs` is the time spent connecting since the last `reset`. */
export function timeConnects(radio: BleRadio): { radio: BleRadio; connectMs(): number; reset(): void } {
  let spent = 0;
  const timed: BleRadio = {
    availability: () => radio.availability(),
    scan: (options, onFound) => radio.scan(options, onFound),
    async connect(address, options) {
      const started = performance.now();
      try {
        return await radio.connect(address, options);
      } finally {
        spent += performance.now() - started;
      }
    },
    close: () => radio.close(),
  };
  return { radio: timed, connectMs: () => spent, reset: () => void (spent = 0) };
}

/** What the lock itself counted: commands, and the challenge requests (Request Data) each PIN command starts with. */
export interface LockCount {
  commands: number;
  challenges: number;
}

/** The lock's own count so far (a window is the difference of two). */
export function lockCount(handle: VirtualNukiLockHandle): LockCount {
  const requests = handle.commandsReceived(NUKI_COMMAND.REQUEST_DATA);
  return { commands: handle.commandsReceived() - requests, challenges: requests };
}

/** The lock's count between two readings. */
export const lockCountSince = (handle: VirtualNukiLockHandle, before: LockCount): LockCount => {
  const now = lockCount(handle);
  return { commands: now.commands - before.commands, challenges: now.challenges - before.challenges };
};

/** True when the lock holds every PIN (read from its memory, not over the protocol). */
export function lockHoldsAll(handle: VirtualNukiLockHandle, pins: readonly string[]): boolean {
  const held = new Set(handle.lock.keypadCodes().map((c) => c.code));
  return pins.every((pin) => held.has(pin));
}

/** The demo lock's own codes: a bench PIN must not repeat them (a Nuki lock keeps each PIN once). */
const TAKEN = new Set((DEMO_NUKI_LOCKS[0]!.factoryCodes ?? []).map((c) => c.code));

/** Distinct valid Nuki keypad PINs: 6 digits 1–9, never starting with 12, none already on the lock. */
export function nukiBenchPins(count: number): string[] {
  const pins: string[] = [];
  for (let n = 31_337; pins.length < count; n += 7_919) {
    let rest = n % 9 ** 6;
    let pin = '';
    for (let d = 0; d < 6; d++, rest = Math.floor(rest / 9)) pin += String((rest % 9) + 1);
    if (!pin.startsWith('12') && !TAKEN.has(pin) && !pins.includes(pin)) pins.push(pin);
  }
  return pins;
}

/** The name each bench code gets (both paths send the same names). */
export const benchCodeName = (i: number): string => `Guest ${i + 1}`;
