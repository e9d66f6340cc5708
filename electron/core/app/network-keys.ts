import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { NetworkKeys } from '../zwave/lock-network';

const KEY_NAMES = ['S0_Legacy', 'S2_Unauthenticated', 'S2_Authenticated', 'S2_AccessControl'] as const;
const fileSchema = z.object(Object.fromEntries(KEY_NAMES.map((k) => [k, z.string().regex(/^[0-9a-f]{32}$/)])) as Record<(typeof KEY_NAMES)[number], z.ZodString>);

/**
 * Loads this installation's Z-Wave network keys, creating random ones on first use (file mode 0600). The keys are
 * what lets the controller talk to securely included locks: losing them means re-including every lock.
 * TODO(keys): wrap with Electron safeStorage when running under Electron.
 */
export async function loadNetworkKeys(file: string): Promise<NetworkKeys> {
  try {
    const parsed = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    return Object.fromEntries(KEY_NAMES.map((k) => [k, Buffer.from(parsed[k], 'hex')])) as unknown as NetworkKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Network key file ${file} is unreadable; refusing to replace it.`);
  }
  const hex = Object.fromEntries(KEY_NAMES.map((k) => [k, randomBytes(16).toString('hex')]));
  await writeFile(file, JSON.stringify(hex, null, 2), { mode: 0o600, flag: 'wx' });
  return loadNetworkKeys(file);
}
