import { secretsUnavailable, type OpenedSecret, type SecretVault } from '../core/secrets/secret-vault';

/** The part of Electron's `safeStorage` the vault uses (its async API: the sync one is deprecated in Electron 45). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: which password store backs safeStorage. */
  getSelectedStorageBackend(): string;
}

/**
 * The desktop app's vault: Electron's safeStorage, i.e. the macOS Keychain, Windows DPAPI, or on Linux the desktop's
 * keyring (GNOME libsecret, KWallet). On Linux without a keyring safeStorage falls back to its `basic_text` backend,
 * a key hard-coded in Electron: that is not protection, so it is refused with what to do. Secrets travel as base64
 * text (safeStorage encrypts strings). Called only after the app is ready (before it, the backend is "unknown").
 */
export function createSafeStorageVault(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretVault {
  const describe = (): string => {
    if (platform === 'darwin') return 'the macOS Keychain (Electron safeStorage)';
    if (platform === 'win32') return 'Windows DPAPI (Electron safeStorage)';
    return `the ${safeStorage.getSelectedStorageBackend()} keyring (Electron safeStorage)`;
  };
  const assertProtected = async (): Promise<void> => {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        throw secretsUnavailable(
          `Lockbench found no keyring to protect PINs on this computer (Electron's safeStorage would use its "${backend}" backend, which is not protection). ` +
            'Start or unlock your desktop keyring (GNOME Keyring or KWallet), or start Lockbench with --password-store=gnome-libsecret (or kwallet6), then open Lockbench again. Nothing was read or changed.',
          { backend },
        );
      }
    }
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw secretsUnavailable(`${describe()} is not available right now (locked, or no keychain); unlock it and open Lockbench again. Nothing was read or changed.`);
    }
  };

  return {
    async seal(secret) {
      await assertProtected();
      try {
        return Uint8Array.from(await safeStorage.encryptStringAsync(Buffer.from(secret).toString('base64')));
      } catch {
        throw secretsUnavailable(`${describe()} refused to encrypt Lockbench's key; nothing was changed.`);
      }
    },
    async open(sealed): Promise<OpenedSecret> {
      await assertProtected();
      let opened: { shouldReEncrypt: boolean; result: string };
      try {
        opened = await safeStorage.decryptStringAsync(Buffer.from(sealed));
      } catch {
        throw secretsUnavailable(
          `${describe()} could not open Lockbench's key: it was sealed by another user account or computer, or the keychain entry was removed. Restore the keychain (or the data folder's backup from this account); nothing was read or changed.`,
        );
      }
      return { bytes: Uint8Array.from(Buffer.from(opened.result, 'base64')), shouldReseal: opened.shouldReEncrypt };
    },
    describe,
  };
}
