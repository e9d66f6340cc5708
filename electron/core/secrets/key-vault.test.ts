import { describe, expect, it } from 'vitest';
import { createKeyVault, createMemoryVault } from './key-vault';

describe('key vault', () => {
  it('seals and opens a secret; another vault (another key) refuses it with secrets.unavailable', async () => {
    const vault = createMemoryVault();
    const secret = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const sealed = await vault.seal(secret);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(await vault.open(sealed)).toEqual({ bytes: secret, shouldReseal: false });
    await expect(createMemoryVault().open(sealed)).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(vault.open(sealed.subarray(0, 10))).rejects.toMatchObject({ code: 'secrets.unavailable' });
  });

  it('never creates a key just to open something (a missing key is an error, not a fresh start)', async () => {
    let created = 0;
    const vault = createKeyVault({
      keyForSealing: async () => (created++, new Uint8Array(32)),
      keyForOpening: async () => Promise.reject(new Error('no key file')),
      describe: () => 'a test key',
    });
    await expect(vault.open(new Uint8Array(40))).rejects.toThrow('no key file');
    expect(created).toBe(0);
  });
});
