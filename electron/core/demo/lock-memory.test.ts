import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher } from '../secrets/field-cipher';
import { loadLockMemory, saveLockMemory, type LockMemoryFile } from './lock-memory';

let dir: string;
let file: string;
const cipher = createFieldCipher(createDataKey(), 'demo locks');
const memory: LockMemoryFile = { version: 1, locks: { '2': { slots: { '3': { status: 1, code: '40718293' }, '30': { status: 1, code: '802417' } } } } };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockbench-lock-memory-'));
  file = path.join(dir, 'demo-locks.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the virtual locks memory file', () => {
  it('keeps the PINs sealed on disk and gives them back', async () => {
    await saveLockMemory(file, memory, cipher);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('40718293');
    expect(text).not.toContain('802417');
    expect(await loadLockMemory(file, cipher)).toEqual(memory);
  });

  it('drops the network keys a Lockbench 0.1 file carried, and never writes keys', async () => {
    await writeFile(file, JSON.stringify({ version: 1, networkKeys: { S0_Legacy: 'ab'.repeat(16) }, locks: memory.locks }));
    const loaded = await loadLockMemory(file, cipher);
    expect(loaded).toEqual(memory);
    await saveLockMemory(file, loaded, cipher);
    expect(await readFile(file, 'utf8')).not.toContain('ab'.repeat(16));
  });

  it('refuses (never wipes) a memory whose PINs were sealed with another key or do not open', async () => {
    await saveLockMemory(file, memory, cipher);
    await expect(loadLockMemory(file, createFieldCipher(createDataKey(), 'demo locks'))).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(loadLockMemory(file, null)).rejects.toThrow(/does not open/);
    expect(await loadLockMemory(file, cipher)).toEqual(memory);
  });
});
