import path from 'node:path';
import { z } from 'zod';
import type { FieldCipher } from '../secrets/field-cipher';
import { replaceFileDurably } from '../store/durable-write';
import { sealKeptCopies } from '../store/kept-copies';
import { errnoCode, nodeStoreFileSystem } from '../store/store-file-system';
import { setAsideFileName, storeFileNames, type StoreFileNames } from '../store/store-file-names';
import type { NetworkKeys } from '../zwave/lock-network';
import { randomNetworkKeys } from '../zwave/random-network-keys';

const KEY_NAMES = ['S0_Legacy', 'S2_Unauthenticated', 'S2_Authenticated', 'S2_AccessControl'] as const;
const hexKeysSchema = z.object(Object.fromEntries(KEY_NAMES.map((k) => [k, z.string().regex(/^[0-9a-f]{32}$/)])) as Record<(typeof KEY_NAMES)[number], z.ZodString>);
/** The file today: the four keys as hex JSON, sealed as one value with the data key. */
const sealedFileSchema = z.object({ version: z.literal(2), sealed: z.string() });
const CONTEXT = 'network-keys';

type Candidate = { kind: 'missing' } | { kind: 'bad' } | { kind: 'good'; keys: NetworkKeys; isClear: boolean };

/** The installation's keys and, when the file had to be recovered or replaced, a sentence for the banner. */
export interface LoadedNetworkKeys {
  keys: NetworkKeys;
  notice: string | null;
}

/**
 * Loads this installation's Z-Wave network keys, sealed with the data key (`cipher`), creating random ones on first
 * use. The keys are what lets the controller talk to securely included locks: losing them means including every
 * secure lock again, so a damaged file never blocks a start and is never deleted:
 *
 *   file good ─▶ keys                          (a file in clear from an earlier Lockbench is sealed, backup too)
 *   damaged or missing, .bak good ─▶ the backup (written back; notice when the file was damaged)
 *   no file, no backup ─▶ new keys              (first start)
 *   damaged, no good backup ─▶ both set aside (sealed whole), new keys, notice: re-include or restore
 *
 * A file sealed with another data key is not damage: `secrets.unavailable`, nothing replaced.
 */
export async function loadNetworkKeys(
  file: string,
  cipher: FieldCipher,
  options: { now?: () => Date; log?: (line: string) => void } = {},
): Promise<LoadedNetworkKeys> {
  const log = options.log ?? (() => undefined);
  const names = storeFileNames(file);
  const main = await readCandidate(names.file, cipher);
  if (main.kind === 'good') {
    if (main.isClear) await writeKeys(names, cipher, main.keys, log, 2); // twice: the .bak held them in clear too
    return { keys: main.keys, notice: null };
  }
  const backup = await readCandidate(names.backup, cipher);
  if (backup.kind === 'good') {
    await writeKeys(names, cipher, backup.keys, log, backup.isClear ? 2 : 1);
    const notice = main.kind === 'bad' ? 'The Z-Wave network keys file was damaged; its last good copy was used.' : null;
    if (notice) log(notice);
    return { keys: backup.keys, notice };
  }

  const keys = randomNetworkKeys();
  if (main.kind === 'missing' && backup.kind === 'missing') {
    await writeKeys(names, cipher, keys, log, 1);
    return { keys, notice: null };
  }
  const at = (options.now ?? (() => new Date()))();
  const kept: string[] = [];
  for (const damaged of [names.file, names.backup]) {
    if ((await nodeStoreFileSystem.modifiedAt(damaged)) === null) continue;
    const aside = setAsideFileName(damaged, at, 0);
    await nodeStoreFileSystem.rename(damaged, aside);
    kept.push(path.basename(aside));
  }
  await sealKeptCopies(nodeStoreFileSystem, names.dir, (name) => kept.includes(name), cipher); // a damaged file in clear
  await writeKeys(names, cipher, keys, log, 1);
  const notice =
    `The Z-Wave network keys file was damaged and had no good copy; it was kept as ${kept.join(' and ')} and new keys were made. ` +
    'Locks included securely with the old keys must be included again, or close Lockbench and restore the old keys file.';
  log(notice);
  return { keys, notice };
}

async function readCandidate(file: string, cipher: FieldCipher): Promise<Candidate> {
  let text: string;
  try {
    text = await nodeStoreFileSystem.readText(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'bad' };
  }
  const sealed = sealedFileSchema.safeParse(json);
  if (sealed.success) {
    const opened = cipher.open(sealed.data.sealed, CONTEXT); // another data key throws secrets.unavailable
    const hex = opened === null ? null : hexKeysSchema.safeParse(safeJson(opened));
    return hex?.success ? { kind: 'good', keys: fromHex(hex.data), isClear: false } : { kind: 'bad' };
  }
  const clear = hexKeysSchema.safeParse(json); // written in clear by Lockbench 0.1
  return clear.success ? { kind: 'good', keys: fromHex(clear.data), isClear: true } : { kind: 'bad' };
}

async function writeKeys(names: StoreFileNames, cipher: FieldCipher, keys: NetworkKeys, log: (line: string) => void, times: 1 | 2): Promise<void> {
  const hex = Object.fromEntries(KEY_NAMES.map((k) => [k, Buffer.from(keys[k]).toString('hex')]));
  for (let i = 0; i < times; i++) {
    const text = JSON.stringify({ version: 2, sealed: cipher.seal(JSON.stringify(hex), CONTEXT) });
    await replaceFileDurably(nodeStoreFileSystem, names, `${text}\n`, log);
  }
}

function fromHex(hex: Record<(typeof KEY_NAMES)[number], string>): NetworkKeys {
  return Object.fromEntries(KEY_NAMES.map((k) => [k, Uint8Array.from(Buffer.from(hex[k], 'hex'))])) as unknown as NetworkKeys;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
