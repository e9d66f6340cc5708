import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDataKey } from '../secrets/data-key';
import { createFieldCipher, type FieldCipher } from '../secrets/field-cipher';
import { createMemoryVault } from '../secrets/key-vault';
import type { SecretVault } from '../secrets/secret-vault';
import type { NetworkKeys } from '../zwave/lock-network';
import { lockDataFolder, type FolderHolder } from './data-folder-lock';
import { makeDataFolderPrivate, restrictNewFilesToUser } from './data-folder-privacy';
import { loadNetworkKeys } from './network-keys';

/** How to open the data folder's private side. */
export interface OpenPrivateDataOptions {
  dataDir: string;
  host: FolderHolder['host'];
  /** Where the data key is protected: Electron safeStorage, or the browser host's key file. */
  vault: SecretVault;
  now?: () => Date;
  log?: (line: string) => void;
}

/** The data folder held by this process, its ciphers and network keys; `close` gives the folder up. */
export interface PrivateData {
  /** Seals PINs in the store (site files, their backups and kept copies). */
  readonly pinCipher: FieldCipher;
  /** Seals PINs in zwave-js's cache. */
  readonly cacheCipher: FieldCipher;
  /** Seals PINs in the demo locks' memory. */
  readonly demoCipher: FieldCipher;
  readonly networkKeys: NetworkKeys;
  /** Sentences for the banner: permissions fixed, keys recovered or replaced. */
  readonly notices: readonly string[];
  /** Re-checks permissions when new files could not be kept private by the umask, then releases the folder. */
  close(): Promise<void>;
}

/**
 * Everything that keeps the laptop from leaking, in the order it must happen before the store opens:
 *
 *   umask 077 ─▶ data folder 0700 ─▶ lock (one process per folder: store.locked) ─▶ fix-up walk (notice)
 *     ─▶ data key (vault: secrets.unavailable) ─▶ ciphers ─▶ network keys (sealed; never blocks a start)
 *
 * On any failure the folder is released again, and nothing was deleted or replaced.
 */
export async function openPrivateData(options: OpenPrivateDataOptions): Promise<PrivateData> {
  const log = options.log ?? (() => undefined);
  const isUmaskSet = restrictNewFilesToUser();
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = await lockDataFolder(options.dataDir, { host: options.host, ...(options.now ? { now: options.now } : {}) });
  try {
    const notices: string[] = [];
    const folderNotice = await makeDataFolderPrivate(options.dataDir);
    if (folderNotice) {
      log(folderNotice);
      notices.push(folderNotice);
    }
    const dataKey = await loadDataKey({ dataDir: options.dataDir, vault: options.vault, now: options.now, log });
    if (dataKey.notice) notices.push(dataKey.notice);
    const keysCipher = createFieldCipher(dataKey.key, 'network keys');
    const keys = await loadNetworkKeys(join(options.dataDir, 'network-keys.json'), keysCipher, { now: options.now, log });
    if (keys.notice) notices.push(keys.notice);
    return {
      pinCipher: createFieldCipher(dataKey.key, 'store pins'),
      cacheCipher: createFieldCipher(dataKey.key, 'zwave cache'),
      demoCipher: createFieldCipher(dataKey.key, 'demo locks'),
      networkKeys: keys.keys,
      notices,
      async close() {
        if (!isUmaskSet) await makeDataFolderPrivate(options.dataDir).catch(() => null);
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

let memoryVault: SecretVault | null = null;

/** One in-memory vault for this whole process (tests that restart the services on one folder); see AppServicesOptions.secrets. */
export function processMemoryVault(): SecretVault {
  memoryVault ??= createMemoryVault();
  return memoryVault;
}
