import { describe, expect, it } from 'vitest';
import { createSafeStorageVault, type SafeStorageLike } from './safe-storage-vault';

/**
 * A stand-in for Electron's safeStorage (Electron cannot run here): "encrypts" by XOR with a per-keychain byte, so a
 * different keychain fails to decrypt, as the real one does. `backend` is what getSelectedStorageBackend reports.
 */
function fakeSafeStorage(backend: string, options: { available?: boolean; keychain?: number; rotated?: boolean } = {}): SafeStorageLike & { calls: string[] } {
  const keychain = options.keychain ?? 0x5a;
  const calls: string[] = [];
  return {
    calls,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => backend,
    async encryptStringAsync(text) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([keychain]), Buffer.from(text, 'utf8').map((b) => b ^ keychain)]);
    },
    async decryptStringAsync(encrypted) {
      calls.push('decrypt');
      if (encrypted[0] !== keychain) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { shouldReEncrypt: options.rotated ?? false, result: Buffer.from(encrypted.subarray(1).map((b) => b ^ keychain)).toString('utf8') };
    },
  };
}

const secret = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe('the Electron safeStorage vault', () => {
  it('seals through the keychain and opens again; a rotated key asks to be sealed again', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage('gnome_libsecret'), 'linux');
    const sealed = await vault.seal(secret);
    expect(await vault.open(sealed)).toEqual({ bytes: secret, shouldReseal: false });
    expect(await createSafeStorageVault(fakeSafeStorage('kwallet6', { rotated: true }), 'linux').open(sealed)).toEqual({ bytes: secret, shouldReseal: true });
    expect(vault.describe()).toBe('the gnome_libsecret keyring (Electron safeStorage)');
  });

  it('refuses Linux basic_text (no keyring) with secrets.unavailable saying what to do, before touching safeStorage', async () => {
    const storage = fakeSafeStorage('basic_text');
    const vault = createSafeStorageVault(storage, 'linux');
    const refusal = vault.seal(secret);
    await expect(refusal).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(refusal).rejects.toThrow(/basic_text.*not protection.*keyring.*--password-store=gnome-libsecret/s);
    await expect(vault.open(new Uint8Array(8))).rejects.toMatchObject({ code: 'secrets.unavailable' });
    expect(storage.calls).toEqual([]);
  });

  it('uses the keychain on macOS and DPAPI on Windows whatever the Linux-only backend call says', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const vault = createSafeStorageVault(fakeSafeStorage('unknown'), platform);
      expect((await vault.open(await vault.seal(secret))).bytes).toEqual(secret);
    }
    expect(createSafeStorageVault(fakeSafeStorage('unknown'), 'darwin').describe()).toContain('macOS Keychain');
  });

  it('says secrets.unavailable when encryption is not available, or the sealed key is from another keychain', async () => {
    await expect(createSafeStorageVault(fakeSafeStorage('kwallet', { available: false }), 'linux').seal(secret)).rejects.toMatchObject({ code: 'secrets.unavailable' });
    const sealed = await createSafeStorageVault(fakeSafeStorage('kwallet'), 'linux').seal(secret);
    await expect(createSafeStorageVault(fakeSafeStorage('kwallet', { keychain: 0x33 }), 'linux').open(sealed)).rejects.toMatchObject({
      code: 'secrets.unavailable',
    });
  });
});
