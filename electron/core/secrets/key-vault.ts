import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretsUnavailable, type OpenedSecret, type SecretVault } from './secret-vault';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a key vault gets its 32-byte key: read (or created) on the first seal, read on the first open. */
export interface VaultKeySource {
  /** The key for sealing; may create it (and store it) when there is none yet. */
  keyForSealing(): Promise<Uint8Array>;
  /** The key for opening; never creates one. Rejects `secrets.unavailable` when there is none. */
  keyForOpening(): Promise<Uint8Array>;
  describe(): string;
}

/**
 * A vault that seals with AES-256-GCM under a 32-byte key of its own (the browser host's key file or environment
 * variable; an in-memory key in tests). Weaker than the OS keychain: whoever can read the key can open the secrets.
 *
 *   sealed = version(1) ‖ iv(12) ‖ ciphertext ‖ tag(16)
 */
export function createKeyVault(source: VaultKeySource): SecretVault {
  return {
    async seal(secret) {
      const key = await source.keyForSealing();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Uint8Array.from(Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]));
    },
    async open(sealed): Promise<OpenedSecret> {
      const key = await source.keyForOpening();
      const data = Buffer.from(sealed);
      if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) throw wrongKey(source);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 1 + IV_BYTES));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        const bytes = Buffer.concat([decipher.update(data.subarray(1 + IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
        return { bytes: Uint8Array.from(bytes), shouldReseal: false };
      } catch {
        throw wrongKey(source);
      }
    },
    describe: () => source.describe(),
  };
}

/** A vault whose key lives in this process only (tests): what it seals cannot be opened by another process. */
export function createMemoryVault(): SecretVault {
  const key = Uint8Array.from(randomBytes(32));
  return createKeyVault({ keyForSealing: async () => key, keyForOpening: async () => key, describe: () => 'an in-memory test key' });
}

function wrongKey(source: VaultKeySource) {
  return secretsUnavailable(
    `The data folder's key could not be opened with ${source.describe()}: that key is not the one it was sealed with, or the sealed key is damaged. Restore the original key (and data-key.json); nothing was read or changed.`,
  );
}
