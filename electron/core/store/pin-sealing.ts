import type { AccessCode } from '../../../shared/domain/access-code';
import { isSealed, type FieldCipher } from '../secrets/field-cipher';
import { secretsUnavailable } from '../secrets/secret-vault';
import type { DocSealing, OpenedFields } from './doc-codec';
import type { SiteCodesData } from './store-v2';

/** The additional data a PIN is sealed with: its access code's id, so it opens on that record only. */
const contextOf = (accessCodeId: string) => `access_code:${accessCodeId}`;

/**
 * Seals each access code's `code` (the PIN) in a site file; nothing else in the file is secret. Sealing is cached
 * per (access code id, PIN): a write re-seals only codes whose PIN changed since they were last read or written, so
 * a change to one code in a site of 2,000 costs 2,000 map look-ups, not 2,000 encryptions.
 *
 * Without a cipher (tests, the benchmark's baseline) PINs stay in clear, and a file with sealed PINs is refused with
 * `secrets.unavailable` instead of showing ciphertext as a PIN.
 */
export function createPinSealing(cipher: FieldCipher | null): DocSealing<SiteCodesData> {
  const cache = new Map<string, { pin: string; sealed: string }>();

  const sealCode = (code: AccessCode): string => {
    const cached = cache.get(code.access_code_id);
    if (cached?.pin === code.code) return cached.sealed;
    const sealed = cipher!.seal(code.code, contextOf(code.access_code_id));
    cache.set(code.access_code_id, { pin: code.code, sealed });
    return sealed;
  };

  return {
    seal(data) {
      if (!cipher) return data;
      if (cache.size > 2 * data.accessCodes.length + 64) pruneCache(cache, data.accessCodes);
      return { ...data, accessCodes: data.accessCodes.map((code) => ({ ...code, code: sealCode(code) })) };
    },
    open(json): OpenedFields {
      const codes = (json as { accessCodes?: unknown } | null)?.accessCodes;
      if (!Array.isArray(codes)) return { ok: true, hadClear: false }; // the schema check says what is wrong
      let hadClear = false;
      for (const [index, record] of codes.entries()) {
        const { code, access_code_id: id } = (record ?? {}) as { code?: unknown; access_code_id?: unknown };
        if (typeof code !== 'string' || typeof id !== 'string') continue;
        if (!isSealed(code)) {
          hadClear = true;
          continue;
        }
        if (!cipher) {
          throw secretsUnavailable('The PINs in this store are encrypted, and it was opened without their key; nothing was changed.');
        }
        const cached = cache.get(id);
        const pin = cached?.sealed === code ? cached.pin : cipher.open(code, contextOf(id));
        if (pin === null) return { ok: false, reason: `the PIN of access code ${index + 1} does not decrypt (the file was changed or damaged)` };
        (record as { code: string }).code = pin;
        cache.set(id, { pin, sealed: code });
      }
      return { ok: true, hadClear: hadClear && cipher !== null };
    },
  };
}

function pruneCache(cache: Map<string, unknown>, codes: readonly AccessCode[]): void {
  const live = new Set(codes.map((c) => c.access_code_id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
}
