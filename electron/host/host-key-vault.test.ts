import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostKeyVault, hostKeyFile, KEY_DIR_ENV, SECRET_KEY_ENV, type HostKeyOptions } from './host-key-vault';

let root: string;
let options: HostKeyOptions;
const secret = Uint8Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1]);
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lockbench-host-key-'));
  // Never the real home: the key folder and the home are both in the temp folder.
  options = { dataDir: path.join(root, 'data'), env: { [KEY_DIR_ENV]: path.join(root, 'keys') }, platform: process.platform, home: path.join(root, 'home') };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the browser host key', () => {
  it('lives in a private file outside the data folder, one per data folder, made on first seal', async () => {
    const vault = createHostKeyVault(options);
    const file = hostKeyFile(options);
    expect(file.startsWith(path.join(root, 'keys') + path.sep)).toBe(true);
    expect(path.relative(options.dataDir, file).startsWith('..')).toBe(true);
    const sealed = await vault.seal(secret);
    expect((await vault.open(sealed)).bytes).toEqual(secret);
    expect(await readdir(path.join(root, 'keys'))).toEqual([path.basename(file)]);
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    }
    expect(vault.describe()).toContain(file);
    expect(hostKeyFile({ ...options, dataDir: path.join(root, 'other') })).not.toBe(file);
    // The same data folder in a new process (a new vault) opens what the first sealed.
    expect((await createHostKeyVault(options).open(sealed)).bytes).toEqual(secret);
  });

  it('uses the default config folder under the home (XDG_CONFIG_HOME on Linux) when no folder is set', () => {
    const file = hostKeyFile({ ...options, env: {}, platform: 'linux' });
    expect(file.startsWith(path.join(options.home, '.config', 'lockbench-host', 'keys') + path.sep)).toBe(true);
    const xdg = hostKeyFile({ ...options, env: { XDG_CONFIG_HOME: path.join(root, 'xdg') }, platform: 'linux' });
    expect(xdg.startsWith(path.join(root, 'xdg', 'lockbench-host', 'keys'))).toBe(true);
  });

  it('never makes a new key to open: a lost key file is secrets.unavailable naming the file', async () => {
    const sealed = await createHostKeyVault(options).seal(secret);
    const file = hostKeyFile(options);
    await rm(file);
    await expect(createHostKeyVault(options).open(sealed)).rejects.toMatchObject({ code: 'secrets.unavailable', message: expect.stringContaining(file) });
    expect(await readdir(path.join(root, 'keys'))).toEqual([]);
  });

  it('takes the key from LOCKBENCH_SECRET_KEY (no file at all), and refuses a key that is not 32 bytes', async () => {
    const env = { [SECRET_KEY_ENV]: randomBytes(32).toString('base64'), [KEY_DIR_ENV]: path.join(root, 'keys') };
    const vault = createHostKeyVault({ ...options, env });
    const sealed = await vault.seal(secret);
    expect((await createHostKeyVault({ ...options, env }).open(sealed)).bytes).toEqual(secret);
    await expect(readdir(path.join(root, 'keys'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(vault.describe()).toBe('the LOCKBENCH_SECRET_KEY environment variable');
    await expect(createHostKeyVault({ ...options, env: { [SECRET_KEY_ENV]: 'c2hvcnQ=' } }).seal(secret)).rejects.toMatchObject({ code: 'secrets.unavailable' });
  });

  it('refuses to put the key inside the data folder it protects', async () => {
    const inside = { ...options, env: { [KEY_DIR_ENV]: path.join(options.dataDir, 'keys') } };
    await expect(createHostKeyVault(inside).seal(secret)).rejects.toMatchObject({ code: 'secrets.unavailable' });
  });

  it('writes nothing but the key and the folder path into the key file', async () => {
    await createHostKeyVault(options).seal(secret);
    const json = JSON.parse(await readFile(hostKeyFile(options), 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['dataDir', 'key', 'version']);
    expect(json.dataDir).toBe(path.resolve(options.dataDir));
  });
});
