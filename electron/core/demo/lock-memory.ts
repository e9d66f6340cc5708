import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isSealed, type FieldCipher } from '../secrets/field-cipher';
import type { StoredClock, StoredUserSchedules } from './schedule-memory';

/**
 * The virtual locks' memory on disk, so codes survive an app restart as a real lock's would.
 * The keys mirror zwave-js's mock User Code behaviour, which keeps each slot in `MockNode.state` under
 * `UserCode_userIdStatus_<slot>` (a UserIDStatus number) and `UserCode_userCode_<slot>` (string or bytes).
 */

/** What one occupied slot holds. `status` is Z-Wave's UserIDStatus (1 enabled, 2 disabled, …). */
export interface StoredSlot {
  status: number;
  code: string;
}

/** One lock's memory: its code slots and, for a lock with native scheduling, its schedules and clock. */
export interface StoredLock {
  slots: Record<string, StoredSlot>;
  /** Schedules by user slot (see schedule-memory.ts). */
  schedules?: Record<string, StoredUserSchedules>;
  clock?: StoredClock;
}

/**
 * The whole state file. It holds no network keys (the virtual stick gets the app's keys each start; a file written by
 * Lockbench 0.1 still has them, and they are dropped on the next save), and with a cipher its PINs are sealed.
 */
export interface LockMemoryFile {
  version: 1;
  locks: Record<string, StoredLock>;
}

/** The mock User Code behaviour's state key for a slot's status. */
export const userIdStatusKey = (slot: number): string => `UserCode_userIdStatus_${slot}`;
/** The mock User Code behaviour's state key for a slot's code. */
export const userCodeKey = (slot: number): string => `UserCode_userCode_${slot}`;

/** UserIDStatus.Available in Z-Wave's User Code CC. */
export const STATUS_AVAILABLE = 0;
/** UserIDStatus.Enabled in Z-Wave's User Code CC. */
export const STATUS_ENABLED = 1;

/**
 * Reads the state file, opening sealed PINs with `cipher`; an absent file is an empty memory, a corrupt one (or a PIN
 * that does not open) is an error: never silently wiped. Another data key throws `secrets.unavailable`.
 */
export async function loadLockMemory(file: string | null, cipher: FieldCipher | null = null): Promise<LockMemoryFile> {
  const empty: LockMemoryFile = { version: 1, locks: {} };
  if (!file) return empty;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<LockMemoryFile>;
  if (parsed.version !== 1 || typeof parsed.locks !== 'object' || parsed.locks === null) {
    throw new Error(`Virtual stick state file ${file} is not a Lockbench lock memory file`);
  }
  for (const [nodeId, lock] of Object.entries(parsed.locks)) {
    for (const [slot, stored] of Object.entries(lock.slots ?? {})) {
      if (!isSealed(stored.code)) continue;
      const code = cipher?.open(stored.code, contextOf(nodeId, slot)) ?? null;
      if (code === null) throw new Error(`Virtual stick state file ${file}: the code of lock ${nodeId} slot ${slot} does not open`);
      stored.code = code;
    }
  }
  return { version: 1, locks: parsed.locks };
}

/** Writes the state file atomically (temp file + rename), so a crash mid-write never leaves half a file; PINs sealed with `cipher`. */
export async function saveLockMemory(file: string, memory: LockMemoryFile, cipher: FieldCipher | null = null): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify({ version: 1, locks: cipher ? sealLocks(memory.locks, cipher) : memory.locks }, null, 2), { encoding: 'utf8', mode: 0o600 });
  await rename(temp, file);
}

/** The additional data a virtual lock's PIN is sealed with: which lock and slot it is in. */
const contextOf = (nodeId: string, slot: string) => `demo-lock:${nodeId}:${slot}`;

function sealLocks(locks: Record<string, StoredLock>, cipher: FieldCipher): Record<string, StoredLock> {
  return Object.fromEntries(
    Object.entries(locks).map(([nodeId, lock]) => [
      nodeId,
      {
        ...lock,
        slots: Object.fromEntries(
          Object.entries(lock.slots).map(([slot, stored]) => [slot, { ...stored, code: cipher.seal(stored.code, contextOf(nodeId, slot)) }]),
        ),
      },
    ]),
  );
}

/** Reads the occupied slots out of a mock node's state map (codes as ASCII strings). */
export function slotsFromState(state: ReadonlyMap<string, unknown>, slotCount: number): Record<string, StoredSlot> {
  const slots: Record<string, StoredSlot> = {};
  for (let slot = 1; slot <= slotCount; slot++) {
    const status = state.get(userIdStatusKey(slot));
    if (typeof status !== 'number' || status === STATUS_AVAILABLE) continue;
    const raw = state.get(userCodeKey(slot));
    const code = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('ascii') : '';
    slots[String(slot)] = { status, code };
  }
  return slots;
}

/** Writes stored slots into a mock node's state map, the way the mock User Code behaviour would. */
export function slotsIntoState(state: Map<string, unknown>, slots: Record<string, StoredSlot>): void {
  for (const [slot, { status, code }] of Object.entries(slots)) {
    state.set(userIdStatusKey(Number(slot)), status);
    state.set(userCodeKey(Number(slot)), code);
  }
}
