import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_KEY_FILE, loadDataKey } from './data-key';
import { createFieldCipher } from './field-cipher';
import { createMemoryVault } from './key-vault';
import type { SecretVault } from './secret-vault';

let dataDir: string;
let vault: SecretVault;
const keyFile = () => path.join(dataDir, DATA_KEY_FILE);
const now = () => new Date('2026-11-03T10:15:00.000Z');
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lockbench-data-key-'));
  vault = createMemoryVault();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the data key', () => {
  it('is made on first use, stored only sealed, and is the same key on the next start', async () => {
    const first = await loadDataKey({ dataDir, vault });
    expect(first.notice).toBeNull();
    const stored = await readFile(keyFile(), 'utf8');
    expect(stored).not.toContain(Buffer.from(first.key.bytes).toString('base64'));
    expect(stored).not.toContain(Buffer.from(first.key.bytes).toString('hex'));
    const again = await loadDataKey({ dataDir, vault });
    expect(again.key).toEqual(first.key);
  });

  it('refuses with secrets.unavailable, and changes nothing, when the vault is another one (lost keychain or key file)', async () => {
    await loadDataKey({ dataDir, vault });
    const before = await readFile(keyFile(), 'utf8');
    await expect(loadDataKey({ dataDir, vault: createMemoryVault() })).rejects.toMatchObject({ code: 'secrets.unavailable' });
    expect(await readFile(keyFile(), 'utf8')).toBe(before);
    expect(await readdir(dataDir)).toEqual([DATA_KEY_FILE]);
  });

  it('does not make a new key while PINs sealed with the old one are in the folder: secrets.unavailable, restore the file', async () => {
    const { key } = await loadDataKey({ dataDir, vault });
    await mkdir(path.join(dataDir, 'sites'));
    const sealed = createFieldCipher(key, 'store pins').seal('123456', 'access_code:c1');
    await writeFile(path.join(dataDir, 'sites', 's1.json'), JSON.stringify({ accessCodes: [{ code: sealed }] }));
    await rm(keyFile());
    await rm(`${keyFile()}.bak`, { force: true });
    await expect(loadDataKey({ dataDir, vault })).rejects.toMatchObject({ code: 'secrets.unavailable' });
    expect((await readdir(dataDir)).sort()).toEqual(['sites']);
  });

  it('recovers from its backup when the file is damaged, and starts afresh (file kept, notice) only when nothing was sealed', async () => {
    const { key } = await loadDataKey({ dataDir, vault });
    await loadDataKey({ dataDir, vault: { ...vault, open: async (s) => ({ ...(await vault.open(s)), shouldReseal: true }) } }); // re-sealed: a .bak now
    await writeFile(keyFile(), '{"version":1,"keyId":');
    expect((await loadDataKey({ dataDir, vault })).key).toEqual(key);

    await writeFile(keyFile(), 'garbage');
    await rm(`${keyFile()}.bak`);
    const fresh = await loadDataKey({ dataDir, vault, now });
    expect(fresh.key.id).not.toBe(key.id);
    expect(fresh.notice).toContain('data-key.json.corrupt-2026-11-03T10-15-00-000Z');
    expect((await readdir(dataDir)).sort()).toEqual([DATA_KEY_FILE, 'data-key.json.corrupt-2026-11-03T10-15-00-000Z']);
  });
});
