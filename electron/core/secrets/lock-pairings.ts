import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CodedError, isCodedError } from '../../../shared/result';
import { replaceFileDurably } from '../store/durable-write';
import { nodeStoreFileSystem } from '../store/store-file-system';
import { storeFileNames } from '../store/store-file-names';
import type { LockPairingRecord, LockPairings } from '../ports/lock-pairing';
import type { SecretVault } from './secret-vault';

/** The file holding every Bluetooth pairing, sealed as a whole by the vault (OS keychain). */
export const LOCK_PAIRINGS_FILE = 'lock-pairings.sealed';

const recordSchema = z.object({
  siteId: z.string(),
  pairing: z.object({
    protocol: z.literal('nuki'),
    address: z.string(),
    authId: z.number().int(),
    sharedKey: z.string(),
    appId: z.number().int(),
    pinWidth: z.union([z.literal(2), z.literal(4)]),
  }),
  securityPin: z.string(),
  pairedAt: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), records: z.array(recordSchema) });

/**
 * Bluetooth pairings kept sealed: the whole list is one JSON sealed by the vault (the OS keychain in the desktop app,
 * the host key file in the browser host) in `lock-pairings.sealed`, replaced durably (temp, fsync, rename). Keys and
 * PINs never reach the store, a log, an error or the renderer.
 */
export function createLockPairings(deps: { dataDir: string; vault: SecretVault }): LockPairings {
  const names = storeFileNames(path.join(deps.dataDir, LOCK_PAIRINGS_FILE));
  let loaded: Promise<LockPairingRecord[]> | null = null;
  let writing: Promise<void> = Promise.resolve();

  async function load(): Promise<LockPairingRecord[]> {
    let sealed: Buffer;
    try {
      sealed = await readFile(names.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new CodedError('secrets.unavailable', 'The Bluetooth pairings file could not be read; pair the locks again.');
    }
    try {
      const opened = await deps.vault.open(new Uint8Array(Buffer.from(sealed.toString('utf8').trim(), 'base64')));
      return fileSchema.parse(JSON.parse(new TextDecoder().decode(opened.bytes))).records;
    } catch (e) {
      const why = isCodedError(e) ? e.message : 'it is damaged';
      throw new CodedError('secrets.unavailable', `The Bluetooth pairings could not be opened (${why}). Pair the locks again.`);
    }
  }
  const records = () => (loaded ??= load().catch((e) => ((loaded = null), Promise.reject(e))));

  return {
    list: async (siteId) => (await records()).filter((r) => r.siteId === siteId).map((r) => structuredClone(r)),
    get: async (siteId, address) => structuredClone((await records()).find((r) => r.siteId === siteId && r.pairing.address === address) ?? null),
    async save(record) {
      const next = writing.then(async () => {
        const all = (await records()).filter((r) => !(r.siteId === record.siteId && r.pairing.address === record.pairing.address));
        all.push(structuredClone(record));
        const sealed = await deps.vault.seal(new TextEncoder().encode(JSON.stringify({ version: 1, records: all })));
        await replaceFileDurably(nodeStoreFileSystem, names, `${Buffer.from(sealed).toString('base64')}\n`, () => undefined);
        loaded = Promise.resolve(all);
      });
      writing = next.catch(() => undefined);
      return next;
    },
  };
}
