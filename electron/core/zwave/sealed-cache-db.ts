import { db as jsonlDb } from '@zwave-js/core/bindings/db/jsonl';
import type { PartialZWaveOptions } from 'zwave-js';
import { isSealed, type FieldCipher } from '../secrets/field-cipher';

/** zwave-js's storage port for its cache files (`host.db`), taken from its options type. */
export type CacheDatabaseFactory = NonNullable<NonNullable<PartialZWaveOptions['host']>['db']>;

/** Values that hold a PIN or credential, by command class: User Code (0x63) and User Credential (0x83). */
const SECRET_PROPERTIES: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  [0x63, new Set(['userCode', 'adminCode'])],
  [0x83, new Set(['credential', 'adminPinCode', 'keyLockerEntry'])],
]);
/** A sealed value that can never open: written when sealing itself fails, so a PIN is never written in clear. */
const UNSEALABLE = 'lb1:-';

/**
 * zwave-js's own cache storage (jsonl files, `@zwave-js/core/bindings/db/jsonl`) with every PIN sealed: the values
 * of User Code `userCode`/`adminCode` and User Credential `credential`/`adminPinCode`/`keyLockerEntry` go through the
 * data key's "zwave cache" cipher, with the value's id as additional data. Everything else (node info, interview
 * state) is written as zwave-js writes it.
 *
 *   zwave-js value ─▶ zwave-js serializer ─▶ seal (PINs only) ─▶ line in <homeid>.values.jsonl
 *   line ─▶ open (PINs only) ─▶ zwave-js reviver ─▶ value in memory (cachedSlots sees the PIN)
 *
 * The values file is compressed on every open (`autoCompress.onOpen`): lines written in clear by an earlier Lockbench
 * are rewritten sealed at once, and superseded lines disappear. A sealed value that does not open (another data key,
 * damage, or no cipher given) is skipped as unreadable: the cache is only a copy of what the lock holds, and Lockbench
 * reads slots from the lock before trusting them. Without a cipher (tests only: the app always gives one) PINs are
 * written as zwave-js writes them, in clear.
 */
export function createSealedCacheDb(cipher: FieldCipher | null, base: CacheDatabaseFactory = jsonlDb): CacheDatabaseFactory {
  return {
    createInstance(filename, options) {
      const serialize = options?.serializer ?? ((_key: string, value: unknown) => value);
      const revive = options?.reviver ?? ((_key: string, value: unknown) => value);
      const jsonlOptions = options as (typeof options & { autoCompress?: Record<string, unknown> }) | undefined;
      return base.createInstance(filename, {
        ...options,
        serializer: (key, value) => {
          const serialized: unknown = serialize(key, value);
          return isSecretValueKey(key) ? sealValue(cipher, key, serialized) : serialized;
        },
        reviver: (key, raw: unknown) => revive(key, isSecretValueKey(key) && isSealed(raw) ? openValue(cipher, key, raw) : raw),
        ...(filename.endsWith('.values.jsonl') ? { autoCompress: { ...jsonlOptions?.autoCompress, onOpen: true } } : {}),
      } as typeof options);
    },
  };
}

/** True for the cache key (a JSON value id) of a value that holds a PIN or credential. */
export function isSecretValueKey(key: string): boolean {
  if (!key.includes('"commandClass":99,') && !key.includes('"commandClass":131,')) return false;
  try {
    const id = JSON.parse(key) as { commandClass?: unknown; property?: unknown };
    return typeof id.property === 'string' && (SECRET_PROPERTIES.get(id.commandClass as number)?.has(id.property) ?? false);
  } catch {
    return false;
  }
}

function sealValue(cipher: FieldCipher | null, key: string, serialized: unknown): unknown {
  if (!cipher) return serialized;
  try {
    return cipher.seal(JSON.stringify(serialized), `zwave:${key}`);
  } catch {
    return UNSEALABLE;
  }
}

/** The zwave-js-serialised value back; throws (the cache line is then skipped as unreadable) when it does not open. */
function openValue(cipher: FieldCipher | null, key: string, sealed: string): unknown {
  const opened = cipher?.open(sealed, `zwave:${key}`) ?? null;
  if (opened === null) throw new Error('A cached PIN could not be opened');
  return JSON.parse(opened) as unknown;
}
