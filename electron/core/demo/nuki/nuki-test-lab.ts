import type { FieldCipher } from '../../secrets/field-cipher';
import { createVirtualNukiRadio, type VirtualNukiLockSpec, type VirtualNukiRadio } from './demo-nuki-locks';
import { connectTestClient, type NukiTestClient, type TestPairing } from './nuki-test-client';
import type { VirtualNukiLockHandle } from './virtual-nuki-radio';

/**
 * The bench the virtual Nuki lock's tests share: one lock on a virtual radio, a clock the test moves by hand, and a
 * paired test client. Test support only.
 */

/** The test lock's security PIN. */
export const TEST_PIN = 4321;
/** The test lock's BLE address. */
export const TEST_ADDRESS = 'AA:BB:CC:00:00:01';

/** A Smart Lock 3.0 with a keypad, no codes, nobody paired; `overrides` change any of it. */
export function testSpec(overrides: Partial<VirtualNukiLockSpec> = {}): VirtualNukiLockSpec {
  return {
    label: 'Test door',
    model: 'Nuki Smart Lock 3.0',
    nukiId: 0x1a2b3c4d,
    address: TEST_ADDRESS,
    securityPin: TEST_PIN,
    batteryPercent: 64,
    firmwareVersion: [3, 8, 6],
    hardwareRevision: [7, 2],
    ...overrides,
  };
}

/** A clock the test sets: the real time the lock sees. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock starting at `iso` (a Monday morning by default). */
export function createTestClock(iso = '2026-03-02T09:00:00Z'): TestClock {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (next) => void (at = Date.parse(next)), advance: (ms) => void (at += ms) };
}

/** A running bench. */
export interface TestLab {
  radio: VirtualNukiRadio;
  lock: VirtualNukiLockHandle;
  clock: TestClock;
}

/** Starts one test lock (by `spec`) on a radio; with `stateFile`, its memory lives there. */
export async function startLab(options: { spec?: Partial<VirtualNukiLockSpec>; stateFile?: string; cipher?: FieldCipher; clock?: TestClock } = {}): Promise<TestLab> {
  const clock = options.clock ?? createTestClock();
  const spec = testSpec(options.spec);
  const radio = await createVirtualNukiRadio({ stateFile: options.stateFile ?? null, cipher: options.cipher, locks: [spec], now: clock.now, advertisingIntervalMs: 5 });
  const lock = radio.locks.get(spec.address);
  if (!lock) throw new Error('the test lock is not on the radio');
  return { radio, lock, clock };
}

/** Presses the lock's button, connects and pairs a test client. */
export async function pairedClient(lab: TestLab, name = 'Lockbench test'): Promise<{ client: NukiTestClient; pairing: TestPairing }> {
  lab.lock.pressButton();
  const client = await connectTestClient(lab.radio, lab.lock.address);
  const result = await client.pair({ name });
  if (!result.ok) throw new Error(`pairing refused: 0x${result.refused.errorCode.toString(16)}`);
  return { client, pairing: result.pairing };
}
