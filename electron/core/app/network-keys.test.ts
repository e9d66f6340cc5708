import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher, type FieldCipher } from '../secrets/field-cipher';
import { openKeptCopy } from '../store/kept-copies';
import { loadNetworkKeys } from './network-keys';

let dir: string;
let file: string;
let cipher: FieldCipher;
const now = () => new Date('2026-11-03T10:15:00.000Z');
const hexOf = (keys: { S2_AccessControl: Uint8Array }) => Buffer.from(keys.S2_AccessControl).toString('hex');
const folderText = async () => (await Promise.all((await readdir(dir)).map((n) => readFile(path.join(dir, n), 'utf8')))).join('\n');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockbench-keys-'));
  file = path.join(dir, 'network-keys.json');
  cipher = createFieldCipher(createDataKey(), 'network keys');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('network keys', () => {
  it('are made once, written only sealed, and the same on every start', async () => {
    const first = await loadNetworkKeys(file, cipher);
    expect(first.notice).toBeNull();
    expect(await folderText()).not.toContain(hexOf(first.keys));
    expect(hexOf((await loadNetworkKeys(file, cipher)).keys)).toBe(hexOf(first.keys));
  });

  it('seals a keys file written in clear by Lockbench 0.1, backup included, keeping the keys', async () => {
    const clear = { S0_Legacy: '00'.repeat(16), S2_Unauthenticated: '11'.repeat(16), S2_Authenticated: '22'.repeat(16), S2_AccessControl: 'ab'.repeat(16) };
    await writeFile(file, JSON.stringify(clear, null, 2));
    const loaded = await loadNetworkKeys(file, cipher);
    expect(hexOf(loaded.keys)).toBe('ab'.repeat(16));
    expect((await readdir(dir)).sort()).toEqual(['network-keys.json', 'network-keys.json.bak']);
    expect(await folderText()).not.toContain('ab'.repeat(16));
  });

  it('uses the backup when the file is damaged, and says so', async () => {
    const { keys } = await loadNetworkKeys(file, cipher);
    await writeFile(`${file}.bak`, await readFile(file));
    await writeFile(file, '{"version":2,"sealed":"lb1:');
    const loaded = await loadNetworkKeys(file, cipher, { now });
    expect(hexOf(loaded.keys)).toBe(hexOf(keys));
    expect(loaded.notice).toMatch(/damaged; its last good copy was used/);
    expect(hexOf((await loadNetworkKeys(file, cipher)).keys)).toBe(hexOf(keys));
  });

  it('never blocks a start: with the file and its backup damaged, both are kept (sealed) and new keys are made, with a notice', async () => {
    const clearKey = 'cd'.repeat(16);
    await writeFile(file, `{"S0_Legacy":"${clearKey}","S2_Un`);
    await writeFile(`${file}.bak`, 'garbage');
    const loaded = await loadNetworkKeys(file, cipher, { now });
    expect(loaded.notice).toContain('network-keys.json.corrupt-2026-11-03T10-15-00-000Z and network-keys.json.bak.corrupt-2026-11-03T10-15-00-000Z');
    expect(loaded.notice).toMatch(/included again, or .* restore the old keys file/);
    expect(await folderText()).not.toContain(clearKey);
    const aside = await readFile(path.join(dir, 'network-keys.json.corrupt-2026-11-03T10-15-00-000Z'), 'utf8');
    expect(openKeptCopy(aside, cipher)).toBe(`{"S0_Legacy":"${clearKey}","S2_Un`);
    expect(hexOf((await loadNetworkKeys(file, cipher)).keys)).toBe(hexOf(loaded.keys));
  });

  it('refuses (secrets.unavailable) a file sealed with another data key instead of replacing the keys', async () => {
    await loadNetworkKeys(file, cipher);
    const before = await readFile(file, 'utf8');
    await expect(loadNetworkKeys(file, createFieldCipher(createDataKey(), 'network keys'))).rejects.toMatchObject({ code: 'secrets.unavailable' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
