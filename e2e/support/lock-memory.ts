import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadLockMemory, saveLockMemory, type LockMemoryFile } from '../../electron/core/demo/lock-memory';
import { loadDataKey } from '../../electron/core/secrets/data-key';
import { createFieldCipher, type FieldCipher } from '../../electron/core/secrets/field-cipher';
import { createHostKeyVault } from '../../electron/host/host-key-vault';

/**
 * The virtual locks' memory as the demo keeps it (`demo-locks.json`, PINs sealed): opened the way the host opens it,
 * with the host's key file next to the data folder (see host-process.ts). What a real keypad would accept.
 */
async function demoCipher(dataDir: string): Promise<FieldCipher> {
  const vault = createHostKeyVault({ dataDir, env: { LOCKBENCH_KEY_DIR: `${dataDir}.keys` }, platform: process.platform, home: homedir() });
  const { key } = await loadDataKey({ dataDir, vault });
  return createFieldCipher(key, 'demo locks');
}

/**
 * Reads the virtual locks' memory (PINs opened): the house demo's Z-Wave locks, or another memory file of the data
 * folder sealed the same way (the building demo's, `BUILDING_ZWAVE_MEMORY_FILE`).
 */
export async function readLockMemory(dataDir: string, file = 'demo-locks.json'): Promise<LockMemoryFile> {
  return loadLockMemory(join(dataDir, file), await demoCipher(dataDir));
}

/** Writes the virtual locks' memory while the host is stopped (PINs sealed again), e.g. a Set that landed before a crash. */
export async function writeLockMemory(dataDir: string, memory: LockMemoryFile): Promise<void> {
  await saveLockMemory(join(dataDir, 'demo-locks.json'), memory, await demoCipher(dataDir));
}

/** slot → PIN in one virtual lock's memory (enabled or disabled slots). */
export function lockSlots(memory: LockMemoryFile, nodeId: number): Map<number, string> {
  const slots = memory.locks[String(nodeId)]?.slots ?? {};
  return new Map(Object.entries(slots).map(([slot, s]) => [Number(slot), s.code]));
}

/** True when some virtual lock of the data folder holds `pin` (what a keypad would open with). */
export async function someLockHolds(dataDir: string, pin: string): Promise<boolean> {
  const memory = await readLockMemory(dataDir);
  return Object.values(memory.locks).some((lock) => Object.values(lock.slots).some((slot) => slot.code === pin));
}
