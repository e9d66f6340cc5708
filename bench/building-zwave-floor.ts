import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandClasses } from '@zwave-js/core';
import { Driver, InterviewStage, UserCodeCCValues, UserIDStatus, type ZWaveNode } from 'zwave-js';
import { createVirtualStick } from '../electron/core/demo/create-virtual-stick';
import { withDeviceFileParams } from '../electron/core/demo/device-file-params';
import { BUILDING_RADIO_DELAY_MS } from '../electron/core/demo/building/building-stick';
import { BUILDING_HOME_ID } from '../electron/core/demo/building/building-site';
import { BUILDING_ZWAVE_LOCKS } from '../electron/core/demo/building/building-zwave-locks';
import type { VirtualStick } from '../electron/core/demo/virtual-stick';
import { codesForUnit } from './building-plan';
import { createBareDriver } from './zwave-bare';

/** What one floor loop did: its wall time, the radio commands it sent, the tries it had to repeat. */
export interface FloorLoop {
  ms: number;
  commands: number;
  retries: number;
  /** Per lock: ms from its first command to its last, and how its codes were proven. */
  locks: Array<{ lock: string; ms: number; proof: string }>;
}

/** A bare zwave-js Driver on a fresh building stick, interviewed (not timed), ready for one timed loop. */
export interface ZWaveFloor {
  /** Programs and proves the 8 codes on each of the 16 locks, one lock after another. */
  run(): Promise<FloorLoop>;
  close(): Promise<void>;
}

/** Tries of one step (each a zwave-js call, which itself tries its send up to 3 times) before the floor gives up. */
const TRIES = 6;

/**
 * The radio floor on the building's Z-Wave side: the SAME 16 locks as the building demo (its specs with their device
 * files' parameters, its home id, its 1 ms radio, the flaky locks' drop rates switched on after the interview, drops
 * seeded by `seed`), driven by a plain zwave-js Driver with no Lockbench layer. Per lock, one after another, the
 * least radio work that sets the 8 codes SAFELY (never into a slot not proven free) and proves them:
 * - User Code checksum (v2 with the capability; Lockbench's proof there too): checksum Get (proves the 8 chosen slots
 *   empty against zwave-js's cached picture) → 8 × Set → checksum Get, compared with a CRC computed here over the
 *   picture plus what was written. 10 commands. A first checksum that differs → the read-back path below.
 * - Otherwise: per code Get(slot) until a slot says Available → Set → Get(slot) compared. 3 commands per code.
 * A step that fails (a dropped frame after zwave-js's own retries) is tried again at once; a Set that failed is
 * followed by a Get before it is sent again (it may have landed). The interview is not timed.
 */
export async function startZWaveFloor(seed: number): Promise<ZWaveFloor> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-building-floor-'));
  const calm = BUILDING_ZWAVE_LOCKS.map(({ spec }) => ({ ...spec, dropRate: 0, radioDelayMs: BUILDING_RADIO_DELAY_MS }));
  let stick: VirtualStick | null = null;
  let driver: Driver | null = null;
  const close = async () => {
    await driver?.destroy();
    await stick?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    stick = await createVirtualStick({ stateFile: null, locks: await withDeviceFileParams(calm), homeId: BUILDING_HOME_ID, seed });
    driver = await startDriver(stick, dir);
    for (const { spec } of BUILDING_ZWAVE_LOCKS) stick.locks.get(spec.nodeId)!.setDropRate(spec.dropRate);
  } catch (error) {
    await close();
    throw error;
  }
  const ready = driver;
  return {
    async run() {
      const counter = { commands: 0, retries: 0 };
      const locks: FloorLoop['locks'] = [];
      const started = performance.now();
      for (const { door, spec } of BUILDING_ZWAVE_LOCKS) {
        const lockStarted = performance.now();
        const proof = await programLock(ready.controller.nodes.getOrThrow(spec.nodeId), codesForUnit(door.unit).map((c) => c.pin), counter);
        locks.push({ lock: door.name, ms: performance.now() - lockStarted, proof });
      }
      return { ms: performance.now() - started, ...counter, locks };
    },
    close,
  };
}

/** zwave-js on the stick, as bench/zwave-bare.ts makes it; resolves once every lock is interviewed. */
async function startDriver(stick: VirtualStick, dir: string): Promise<Driver> {
  const driver = createBareDriver(stick, dir);
  try {
    await new Promise<void>((resolve, reject) => {
      driver.once('all nodes ready', () => resolve());
      driver.start().catch(reject);
    });
    const pending = BUILDING_ZWAVE_LOCKS.map(({ spec }) => driver.controller.nodes.getOrThrow(spec.nodeId)).filter((n) => n.interviewStage !== InterviewStage.Complete);
    await Promise.all(pending.map((node) => new Promise<void>((resolve) => node.once('interview completed', () => resolve()))));
    return driver;
  } catch (error) {
    await driver.destroy();
    throw error;
  }
}

/** What a slot holds in zwave-js's cache (from the interview's read of every slot). */
function cachedSlot(node: ZWaveNode, slot: number): { status: number; code: string } {
  const status = node.getValue<number>(UserCodeCCValues.userIdStatus(slot).id) ?? UserIDStatus.Available;
  const raw = node.getValue<unknown>(UserCodeCCValues.userCode(slot).id);
  const code = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('ascii') : '';
  return { status, code };
}

/** Sets and proves `pins` on one lock; returns the proof used ("checksum" or "read-back"). */
async function programLock(node: ZWaveNode, pins: readonly string[], counter: { commands: number; retries: number }): Promise<string> {
  const api = node.commandClasses['User Code'];
  const slotCount = node.getValue<number>(UserCodeCCValues.supportedUsers.id) ?? 0;
  const send = async <T>(what: string, call: () => Promise<T | undefined>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      counter.commands++;
      try {
        const result = await call();
        if (result !== undefined) return result;
      } catch (error) {
        if (attempt >= TRIES) throw error;
      }
      if (attempt >= TRIES) throw new Error(`node ${node.id}: ${what} unanswered after ${TRIES} tries`);
      counter.retries++;
    }
  };
  const read = (slot: number) => send(`Get slot ${slot}`, () => api.get(slot));
  /** Set, and if zwave-js reports a failure, read the slot before sending it again (it may have landed). */
  const set = async (slot: number, pin: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      counter.commands++;
      try {
        await api.set(slot, UserIDStatus.Enabled, pin);
        return;
      } catch (error) {
        if (attempt >= TRIES) throw error;
        counter.retries++;
        const now = await read(slot);
        if (now.userIdStatus === UserIDStatus.Enabled && now.userCode === pin) return;
        if (now.userIdStatus !== UserIDStatus.Available) throw new Error(`node ${node.id}: slot ${slot} was taken meanwhile`, { cause: error });
      }
    }
  };
  /** Reads the slot back; a Set the lock did not keep (a dropped frame: the slot still empty) is sent again. */
  const readBack = async (slot: number, pin: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const after = await read(slot);
      if (after.userIdStatus === UserIDStatus.Enabled && after.userCode === pin) return;
      if (after.userIdStatus !== UserIDStatus.Available || attempt >= TRIES) throw new Error(`node ${node.id}: slot ${slot} did not read back the code`);
      counter.retries++;
      await set(slot, pin);
    }
  };

  const free = Array.from({ length: slotCount }, (_, i) => i + 1).filter((slot) => cachedSlot(node, slot).status === UserIDStatus.Available);
  const hasChecksum = node.getCCVersion(CommandClasses['User Code']) >= 2 && node.getValue<boolean>(UserCodeCCValues.supportsUserCodeChecksum.id) === true;
  if (hasChecksum && free.length >= pins.length) {
    const slots = free.slice(0, pins.length);
    const picture = new Map<number, { status: number; code: string }>();
    for (let slot = 1; slot <= slotCount; slot++) {
      const held = cachedSlot(node, slot);
      if (held.status !== UserIDStatus.Available) picture.set(slot, held);
    }
    const checksum = () => send('checksum Get', () => api.getUserCodeChecksum());
    if ((await checksum()) === userCodeChecksum(picture)) {
      for (const [i, slot] of slots.entries()) {
        await set(slot, pins[i]!);
        picture.set(slot, { status: UserIDStatus.Enabled, code: pins[i]! });
      }
      if ((await checksum()) === userCodeChecksum(picture)) return 'checksum';
      for (const [i, slot] of slots.entries()) await readBack(slot, pins[i]!);
      return 'checksum (mismatch: read-back)';
    }
  }
  // Read-back per code, each into a slot the lock itself just said is free.
  let next = 0;
  for (const pin of pins) {
    let slot: number;
    for (;;) {
      slot = free[next++]!;
      if (slot === undefined) throw new Error(`node ${node.id}: no free slot left`);
      if ((await read(slot)).userIdStatus === UserIDStatus.Available) break;
    }
    await set(slot, pin);
    await readBack(slot, pin);
  }
  return 'read-back';
}

/**
 * The User Code Checksum of these occupied slots (User Code CC v2): CRC-16/AUG-CCITT (poly 0x1021, initial 0x1D0F)
 * over slot (2 bytes, big-endian), status (1 byte), code (ASCII) in slot order; 0 when nothing is held. Written here
 * from the spec, not taken from Lockbench, so the floor proves the codes on its own.
 */
function userCodeChecksum(picture: ReadonlyMap<number, { status: number; code: string }>): number {
  const bytes: number[] = [];
  for (const [slot, { status, code }] of [...picture].sort((a, b) => a[0] - b[0])) {
    if (status === UserIDStatus.Available || code === '') continue;
    bytes.push(slot >> 8, slot & 0xff, status, ...Array.from(code, (ch) => ch.charCodeAt(0) & 0xff));
  }
  if (bytes.length === 0) return 0;
  let crc = 0x1d0f;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
