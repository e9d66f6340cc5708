import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../../../shared/result';
import { isSealed, type FieldCipher } from '../../secrets/field-cipher';
import type { NukiLockMemory } from './nuki-lock-state';

/**
 * The virtual Nuki locks' memory on disk, like the virtual Z-Wave locks' (../lock-memory.ts): one JSON file with every
 * lock by its Nuki id (8 hex digits), written atomically (temp file + rename) after changes, coalesced. With a
 * FieldCipher the secrets are sealed, each bound to its place: the security PIN, every keypad code, every shared key.
 * An absent file is an empty memory; a damaged one, or a secret that does not open, is an error, never wiped.
 */

/** The whole state file. */
export interface NukiMemoryFile {
  version: 1;
  locks: Record<string, NukiLockMemory>;
}

/** The key of a lock in the file. */
export const memoryKeyOf = (nukiId: number): string => nukiId.toString(16).toUpperCase().padStart(8, '0');

const int = z.number().int();
const timeOfDay = z.object({ hour: int.min(0).max(23), minute: int.min(0).max(59) });
const schedule = z.object({ allowedFrom: int.nullable(), allowedUntil: int.nullable(), weekdays: int, fromTime: timeOfDay, untilTime: timeOfDay });
const lockSchema = z.object({
  nukiId: int,
  lockUuid: z.string().regex(/^[0-9a-f]{32}$/),
  securityPin: z.union([int, z.string()]),
  nextAuthId: int,
  authorizations: z.array(z.object({ authId: int, sharedKey: z.string(), appId: int, name: z.string(), idType: int, createdAt: int })),
  nextCodeId: int,
  keypadCodes: z.array(
    z.object({
      codeId: int, code: z.string(), name: z.string(), enabled: z.boolean(), dateCreated: int.nullable(), dateLastActive: int.nullable(),
      lockCount: int, schedule: schedule.nullable(),
    }),
  ),
  config: z.looseObject({ name: z.string(), timezoneOffsetMinutes: int, dstMode: int, timezoneId: int, hasKeypad: z.boolean() }),
  clockOffsetMs: z.number(),
  configUpdateCount: int,
  battery: z.object({ percent: z.number(), isCritical: z.boolean() }),
  keypadBatteryCritical: z.boolean(),
  lockState: int,
  loggingEnabled: z.boolean(),
  nextLogIndex: int,
  log: z.array(z.object({ index: int, timestamp: int, authId: int, name: z.string(), type: int, data: z.string() })),
});
const fileSchema = z.object({ version: z.literal(1), locks: z.record(z.string(), lockSchema) });

/** Reads the state file, opening sealed secrets with `cipher`. Another data key throws `secrets.unavailable`. */
export async function loadNukiLockMemory(file: string | null, cipher: FieldCipher | null = null): Promise<NukiMemoryFile> {
  const empty: NukiMemoryFile = { version: 1, locks: {} };
  if (!file) return empty;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw e;
  }
  const damaged = (why: string): CodedError =>
    new CodedError('store.corrupt', `The virtual Nuki locks' state file ${file} ${why}; it was left as it is.`, { file });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged('is not JSON');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw damaged('is not a Lockbench Nuki lock memory');
  const open = (value: string, context: string): string => {
    if (!isSealed(value)) return value;
    const plain = cipher?.open(value, context) ?? null;
    if (plain === null) throw damaged(`holds a secret that does not open (${context})`);
    return plain;
  };
  const stored = parsed.data.locks as Record<string, FileLock>;
  const locks = Object.entries(stored).map(([key, lock]) => {
    const opened = mapSecrets(key, lock, open);
    return [key, { ...opened, securityPin: Number(opened.securityPin) }] as const;
  });
  return { version: 1, locks: Object.fromEntries(locks) };
}

/** Writes the state file atomically (temp file + rename), secrets sealed with `cipher`. */
export async function saveNukiLockMemory(file: string, memory: NukiMemoryFile, cipher: FieldCipher | null = null): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const locks = cipher
    ? Object.fromEntries(Object.entries(memory.locks).map(([key, lock]) => [key, mapSecrets(key, lock, (value, context) => cipher.seal(value, context))]))
    : memory.locks;
  const temp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  await writeFile(temp, JSON.stringify({ version: 1, locks }, null, 2), { encoding: 'utf8', mode: 0o600 });
  await rename(temp, file);
}

/** Saves after changes: every change marks the memory dirty; one write at a time, each with the latest snapshot. */
export interface NukiMemoryWriter {
  /** The memory changed; a write follows soon (changes in the same turn share it). */
  changed(): void;
  /** Resolves when every change so far is on disk. */
  flush(): Promise<void>;
}

/** A writer for `file` (none: changes are kept in memory only). Write failures go to `onError` and are retried on the next change. */
export function createNukiMemoryWriter(options: {
  file: string | null;
  cipher: FieldCipher | null;
  snapshot: () => NukiMemoryFile;
  onError?: (error: unknown) => void;
}): NukiMemoryWriter {
  const { file } = options;
  let dirty = false;
  let running: Promise<void> | null = null;
  const run = async (target: string): Promise<void> => {
    while (dirty) {
      dirty = false;
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await saveNukiLockMemory(target, options.snapshot(), options.cipher);
      } catch (error) {
        (options.onError ?? ((e) => console.error('[virtual nuki] could not save the locks memory:', e instanceof Error ? e.message : e)))(error);
      }
    }
    running = null;
  };
  return {
    changed() {
      if (!file) return;
      dirty = true;
      running ??= run(file);
    },
    async flush() {
      while (running) await running;
    },
  };
}

/** A lock as the file holds it: with a cipher, its secrets sealed (the security PIN then a string too). */
type FileLock = Omit<NukiLockMemory, 'securityPin'> & { securityPin: number | string };

/** `lock` with its secrets passed through `map` (seal or open), each with a context naming its place. */
function mapSecrets(key: string, lock: FileLock, map: (value: string, context: string) => string): FileLock & { securityPin: string } {
  const at = `demo-nuki:${key}`;
  return {
    ...lock,
    securityPin: map(String(lock.securityPin), `${at}:security-pin`),
    authorizations: lock.authorizations.map((a) => ({ ...a, sharedKey: map(a.sharedKey, `${at}:auth:${a.authId}`) })),
    keypadCodes: lock.keypadCodes.map((c) => ({ ...c, code: map(c.code, `${at}:code:${c.codeId}`) })),
  };
}
