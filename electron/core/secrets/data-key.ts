import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { removeLeftoverTempFiles, replaceFileDurably } from '../store/durable-write';
import { errnoCode, nodeStoreFileSystem } from '../store/store-file-system';
import { setAsideFileName, storeFileNames } from '../store/store-file-names';
import type { DataKey } from './field-cipher';
import { hasSealedData } from './sealed-data-scan';
import { secretsUnavailable, type SecretVault } from './secret-vault';

/** The data key's file in the data folder: the key sealed by the vault, never the key itself. */
export const DATA_KEY_FILE = 'data-key.json';

const fileSchema = z.object({
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{8}$/),
  sealedBy: z.string(),
  sealed: z.string().min(1),
});
type DataKeyFile = z.infer<typeof fileSchema>;
type Candidate = { kind: 'missing' } | { kind: 'bad' } | { kind: 'good'; file: DataKeyFile };

/** How to load the data key. */
export interface LoadDataKeyOptions {
  dataDir: string;
  vault: SecretVault;
  now?: () => Date;
  log?: (line: string) => void;
}

/** The data key and, when something unusual happened (a new key after a damaged file), a sentence for the banner. */
export interface LoadedDataKey {
  key: DataKey;
  notice: string | null;
}

/**
 * Loads the data folder's data key (32 random bytes sealing PINs and network keys), creating it on first use:
 *
 *   data-key.json good ─▶ vault.open ─▶ key          (re-sealed when the vault asks: rotated keychain key)
 *   damaged or missing, .bak good ─▶ the backup      (written back)
 *   neither, nothing sealed in the folder ─▶ new key, sealed by the vault, written durably (damaged file set aside)
 *   neither, but sealed PINs or keys exist ─▶ secrets.unavailable: a new key could never open them; restore the file
 *
 * The vault failing (no keychain, another key) rejects `secrets.unavailable` and changes nothing on disk.
 */
export async function loadDataKey(options: LoadDataKeyOptions): Promise<LoadedDataKey> {
  const fs = nodeStoreFileSystem;
  const log = options.log ?? (() => undefined);
  const names = storeFileNames(path.join(options.dataDir, DATA_KEY_FILE));
  await removeLeftoverTempFiles(fs, names, log);
  const main = await readCandidate(names.file);
  const backup = main.kind === 'good' ? main : await readCandidate(names.backup);
  if (backup.kind === 'good') {
    const key = await openDataKey(options.vault, backup.file, names.file);
    if (main.kind !== 'good' || key.shouldReseal) await writeDataKey(names, options.vault, key.key, log);
    return { key: key.key, notice: null };
  }
  if (await hasSealedData(options.dataDir)) {
    throw secretsUnavailable(
      `The data key file ${names.file} is ${main.kind === 'missing' ? 'missing' : 'damaged'}, but this data folder holds PINs or network keys sealed with it. Restore ${DATA_KEY_FILE} from a backup of this folder; nothing was changed.`,
      { file: names.file },
    );
  }
  let notice: string | null = null;
  if (main.kind === 'bad') {
    const aside = setAsideFileName(names.file, (options.now ?? (() => new Date()))(), 0);
    await fs.rename(names.file, aside);
    notice = `The data key file was damaged and nothing was sealed with it yet; it was kept as ${path.basename(aside)} and a new key was made.`;
    log(notice);
  }
  const key = createDataKey();
  await writeDataKey(names, options.vault, key, log);
  return { key, notice };
}

/** A new random data key (kept only in memory until `loadDataKey` seals it; tests use it as it is). */
export function createDataKey(): DataKey {
  const bytes = Uint8Array.from(randomBytes(32));
  return { id: dataKeyId(bytes), bytes };
}

/** The public id of a data key: 8 hex digits of an HMAC, the same wherever the key is used. */
export function dataKeyId(bytes: Uint8Array): string {
  return createHmac('sha256', bytes).update('lockbench data key id').digest('hex').slice(0, 8);
}

async function openDataKey(vault: SecretVault, file: DataKeyFile, where: string): Promise<{ key: DataKey; shouldReseal: boolean }> {
  const opened = await vault.open(Uint8Array.from(Buffer.from(file.sealed, 'base64')));
  if (opened.bytes.length !== 32 || dataKeyId(opened.bytes) !== file.keyId) {
    throw secretsUnavailable(`The data key in ${where} did not open correctly with ${vault.describe()}; nothing was read or changed.`, { file: where });
  }
  return { key: { id: file.keyId, bytes: opened.bytes }, shouldReseal: opened.shouldReseal };
}

async function writeDataKey(names: ReturnType<typeof storeFileNames>, vault: SecretVault, key: DataKey, log: (line: string) => void): Promise<void> {
  const sealed = await vault.seal(key.bytes);
  const file: DataKeyFile = { version: 1, keyId: key.id, sealedBy: vault.describe(), sealed: Buffer.from(sealed).toString('base64') };
  await replaceFileDurably(nodeStoreFileSystem, names, `${JSON.stringify(file, null, 2)}\n`, log);
}

async function readCandidate(file: string): Promise<Candidate> {
  let text: string;
  try {
    text = await nodeStoreFileSystem.readText(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'missing' };
    throw secretsUnavailable(`The data key file ${file} could not be read (${errnoCode(e) ?? 'error'}).`, { file });
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? { kind: 'good', file: parsed.data } : { kind: 'bad' };
  } catch {
    return { kind: 'bad' };
  }
}
