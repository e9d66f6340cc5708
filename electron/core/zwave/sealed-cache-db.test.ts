import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualStick } from '../demo/create-virtual-stick';
import { DEMO_LOCKS } from '../demo/demo-locks';
import type { VirtualStick } from '../demo/virtual-stick';
import { randomNetworkKeys } from './random-network-keys';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher } from '../secrets/field-cipher';
import type { LockNetwork } from './lock-network';
import { openZWaveNetwork } from './open-network';
import { isSecretValueKey } from './sealed-cache-db';
import { createTempDir } from './test-support';

/** One secure lock with a revealed-PIN keypad: its User Code values are what zwave-js caches. */
const LOCK = { ...DEMO_LOCKS[0]!, dropRate: 0, factoryCodes: {} };
const PINS = { 3: '40718293', 4: '55190366' } as const;
const LATER_PIN = '66120478';

/** Every file under the cache folder, as text. */
async function cacheText(cacheDir: string): Promise<string> {
  const names = await readdir(cacheDir, { recursive: true, withFileTypes: true });
  const files = names.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('zwave-js cache with sealed PINs, on the virtual stick', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick | null = null;
  let network: LockNetwork | null = null;
  let cacheDir: string;
  const cacheCipher = createFieldCipher(createDataKey(), 'zwave cache');
  const securityKeys = randomNetworkKeys();
  /** A fresh virtual stick (as at every app start; its lock memory outside the cache folder) and a driver on it. */
  const open = async (withCipher: boolean) => {
    stick = await createVirtualStick({ stateFile: join(dir.path, 'lock-memory.json'), locks: [LOCK], seed: 1, securityKeys });
    network = await openZWaveNetwork({ port: stick.port, cacheDir, securityKeys, cacheCipher: withCipher ? cacheCipher : null });
    return network;
  };
  const close = async () => {
    await network?.close();
    await stick?.close();
    network = null;
    stick = null;
  };
  /**
   * Reads the slot, sets the code and reads it back, as Lockbench does: the read-back is what zwave-js caches. (The
   * first read also re-synchronises S2 after a restart: a first S2 frame carries a nonce extension that leaves no
   * room for an 8-digit User Code Set on the mock.)
   */
  const program = async (net: LockNetwork, slot: number, pin: string) => {
    await net.readCode(LOCK.nodeId, slot);
    await net.setCode(LOCK.nodeId, slot, pin);
    expect(await net.readCode(LOCK.nodeId, slot)).toMatchObject({ code: pin });
  };

  beforeAll(async () => {
    dir = await createTempDir('sealed-cache');
    cacheDir = join(dir.path, 'zwave-cache');
  });
  afterEach(close);
  afterAll(async () => {
    await dir?.remove();
  });

  it('upgrades a cache written in clear: after one open with the key, no PIN is left in any cache file', async () => {
    const net = await open(false);
    for (const [slot, pin] of Object.entries(PINS)) await program(net, Number(slot), pin);
    await close();
    expect(await cacheText(cacheDir)).toContain(PINS[3]); // what zwave-js writes on its own

    const sealed = await open(true);
    expect(sealed.cachedSlots(LOCK.nodeId).filter((s) => s.code).map((s) => [s.slot, s.code])).toEqual([[3, PINS[3]], [4, PINS[4]]]);
    const text = await cacheText(cacheDir);
    for (const pin of Object.values(PINS)) expect(text).not.toContain(pin);
    await close();
  });

  it('never writes a new PIN in clear, and gives every PIN back from the cache after a restart', async () => {
    const net = await open(true);
    await program(net, 5, LATER_PIN);
    await close();
    const text = await cacheText(cacheDir);
    for (const pin of [...Object.values(PINS), LATER_PIN]) expect(text).not.toContain(pin);
    expect(text).toContain('"lb1:'); // the values are there, sealed

    const reopened = await open(true);
    expect(reopened.cachedSlots(LOCK.nodeId).filter((s) => s.code).map((s) => [s.slot, s.code])).toEqual([
      [3, PINS[3]], [4, PINS[4]], [5, LATER_PIN],
    ]);
    await close();
  });

  it('with another key (or none), ignores the sealed PINs instead of showing ciphertext as a code', async () => {
    const net = await open(false);
    expect(net.cachedSlots(LOCK.nodeId).filter((s) => s.code)).toEqual([]);
    await close();
  });

  it('seals exactly the values that hold PINs or credentials', () => {
    const key = (commandClass: number, property: string, propertyKey?: number) =>
      JSON.stringify({ nodeId: 2, commandClass, endpoint: 0, property, ...(propertyKey === undefined ? {} : { propertyKey }) });
    expect(isSecretValueKey(key(99, 'userCode', 3))).toBe(true);
    expect(isSecretValueKey(key(99, 'adminCode'))).toBe(true);
    expect(isSecretValueKey(key(131, 'credential', 65537))).toBe(true);
    expect(isSecretValueKey(key(99, 'userIdStatus', 3))).toBe(false);
    expect(isSecretValueKey(key(128, 'level'))).toBe(false);
    expect(isSecretValueKey('node.2.interviewStage')).toBe(false);
  });
});
