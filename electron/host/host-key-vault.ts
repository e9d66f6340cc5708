import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createKeyVault } from '../core/secrets/key-vault';
import { secretsUnavailable, type SecretVault } from '../core/secrets/secret-vault';
import { errnoCode } from '../core/store/store-file-system';

/** The key in the environment: 32 bytes in base64 (e.g. `openssl rand -base64 32`). Wins over the key file. */
export const SECRET_KEY_ENV = 'LOCKBENCH_SECRET_KEY';
/** Where the key files go instead of the default folder (tests point it at a temp folder). */
export const KEY_DIR_ENV = 'LOCKBENCH_KEY_DIR';

/** Where the browser host finds its key. */
export interface HostKeyOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * The browser host's vault: a random 32-byte key, one per data folder, in a private file OUTSIDE the data folder
 * (`<config>/lockbench-host/keys/<hash of the folder's path>.key`, folder 0700, file 0600), or taken from
 * LOCKBENCH_SECRET_KEY. Weaker than the desktop app's OS keychain: anyone who can read the user's files (or a backup
 * of their home folder) can read the key too. What it protects against is a copy of the data folder alone (sent
 * for support, synced, backed up separately) and other users of the computer. The key file is read or created on
 * first use, never at construction.
 */
export function createHostKeyVault(options: HostKeyOptions): SecretVault {
  const fromEnv = options.env[SECRET_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = Buffer.from(fromEnv, 'base64');
    const valid = key.length === 32;
    const keyFromEnv = async () => {
      if (!valid) throw secretsUnavailable(`${SECRET_KEY_ENV} must be 32 random bytes in base64 (e.g. the output of "openssl rand -base64 32"); nothing was read or changed.`);
      return Uint8Array.from(key);
    };
    return createKeyVault({ keyForSealing: keyFromEnv, keyForOpening: keyFromEnv, describe: () => `the ${SECRET_KEY_ENV} environment variable` });
  }
  const file = hostKeyFile(options);
  return createKeyVault({
    keyForSealing: () => readOrCreateKey(file, options),
    keyForOpening: () => readKey(file, options, true),
    describe: () => `the browser host's key file ${file}`,
  });
}

/** The key file for a data folder: in LOCKBENCH_KEY_DIR or the user's config folder, named by a hash of the folder's path. */
export function hostKeyFile(options: HostKeyOptions): string {
  const { env, platform, home } = options;
  const configured = env[KEY_DIR_ENV];
  const base =
    configured !== undefined && configured !== ''
      ? configured
      : platform === 'win32'
        ? path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'lockbench-host', 'keys')
        : platform === 'darwin'
          ? path.join(home, 'Library', 'Application Support', 'lockbench-host', 'keys')
          : path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'lockbench-host', 'keys');
  const id = createHash('sha256').update(path.resolve(options.dataDir)).digest('hex').slice(0, 24);
  return path.join(path.resolve(base), `${id}.key`);
}

async function readOrCreateKey(file: string, options: HostKeyOptions): Promise<Uint8Array> {
  const existing = await readKey(file, options, false);
  if (existing) return existing;
  assertOutsideDataFolder(file, options.dataDir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  if (options.platform !== 'win32') await chmod(path.dirname(file), 0o700);
  const key = randomBytes(32);
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, dataDir: path.resolve(options.dataDir), key: key.toString('base64') })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file); // fails if another start created it meanwhile: then that one is the key
  } catch (e) {
    if (errnoCode(e) !== 'EEXIST') throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  return (await readKey(file, options, true))!;
}

async function readKey(file: string, options: HostKeyOptions, isRequired: true): Promise<Uint8Array>;
async function readKey(file: string, options: HostKeyOptions, isRequired: boolean): Promise<Uint8Array | null>;
async function readKey(file: string, options: HostKeyOptions, isRequired: boolean): Promise<Uint8Array | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' && !isRequired) return null;
    throw secretsUnavailable(
      errnoCode(e) === 'ENOENT'
        ? `The browser host's key file ${file} is missing, so the PINs in ${options.dataDir} cannot be read. Restore that file (or set ${SECRET_KEY_ENV} to the same key); nothing was read or changed.`
        : `The browser host's key file ${file} could not be read (${errnoCode(e) ?? 'error'}); nothing was read or changed.`,
      { file },
    );
  }
  let key: Buffer | null = null;
  try {
    key = Buffer.from((JSON.parse(text) as { key?: unknown }).key as string, 'base64');
  } catch {
    key = null;
  }
  if (!key || key.length !== 32) {
    throw secretsUnavailable(`The browser host's key file ${file} is damaged; restore it from a backup. Nothing was read or changed.`, { file });
  }
  if (options.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  return Uint8Array.from(key);
}

function assertOutsideDataFolder(file: string, dataDir: string): void {
  const relative = path.relative(path.resolve(dataDir), file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw secretsUnavailable(
      `The browser host's key file would be inside the data folder (${file}), next to what it protects. Set ${KEY_DIR_ENV} to a folder outside ${dataDir}, or use ${SECRET_KEY_ENV}.`,
    );
  }
}
