import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { secretsUnavailable } from './secret-vault';

/** Marks a sealed value: `lb1:<key id>:<base64url of iv ‖ ciphertext ‖ tag>`. */
const PREFIX = 'lb1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key that seals PINs and network keys in the data folder (32 random bytes), and its public id. */
export interface DataKey {
  /** 8 hex digits derived from the key (HMAC): says which key sealed a value without revealing anything of it. */
  readonly id: string;
  readonly bytes: Uint8Array;
}

/**
 * Seals short strings (PINs, hex keys) one by one with AES-256-GCM: a random IV each time, and a `context` (the
 * record's id, e.g. `access_code:<id>`) as additional data, so a sealed value copied onto another record does not
 * open. Each purpose gets its own subkey (HKDF), so a value sealed for the zwave cache does not open in the store.
 */
export interface FieldCipher {
  readonly keyId: string;
  seal(plain: string, context: string): string;
  /**
   * The plain value, or null when `sealed` is damaged or was moved from another record (authentication fails).
   * Throws `secrets.unavailable` when it was sealed with another data key: that is not damage, and nothing may be
   * replaced because of it.
   */
  open(sealed: string, context: string): string | null;
}

/** True when `value` is in the sealed form (whatever key sealed it). */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** A cipher for one purpose ("store pins", "zwave cache", …) under the data key. */
export function createFieldCipher(dataKey: DataKey, purpose: string): FieldCipher {
  const key = Buffer.from(hkdfSync('sha256', dataKey.bytes, 'lockbench', `lockbench ${purpose}`, 32));
  const header = `${PREFIX}${dataKey.id}:`;
  return {
    keyId: dataKey.id,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return header + body.toString('base64url');
    },
    open(sealed, context) {
      if (!sealed.startsWith(header)) {
        if (!isSealed(sealed)) return null;
        throw secretsUnavailable(
          `Some data was sealed with another key (${sealed.slice(PREFIX.length, PREFIX.length + 8)}) than this data folder's (${dataKey.id}): its data-key.json was replaced or comes from another installation. Restore the original data-key.json (and its keychain entry or key file); nothing was changed.`,
          { keyId: dataKey.id },
        );
      }
      const body = Buffer.from(sealed.slice(header.length), 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
