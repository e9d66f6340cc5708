import type { AccessCode } from '../../../shared/domain/access-code';
import { isSealed, type FieldCipher } from '../secrets/field-cipher';
import { secretsUnavailable } from '../secrets/secret-vault';
import type { DocSealing, OpenedFields } from './doc-codec';
import type { SiteCodesData } from './store-v2';

/** The additional data a PIN is sealed with: its access code's id, so it opens on that record only. */
const contextOf = (accessCodeId: string) => `access_code:${accessCodeId}`;

/**
 * Seals every PIN in a site file: each access code's `code`, and the copies of it in the code's cloud state (the version
 * both sides last agreed on, a conflicting cloud version); nothing else in the file is secret. Sealing is cached
 * per (access code id, PIN): a write re-seals only codes whose PIN changed since they were last read or written, so
 * a change to one code in a site of 2,000 costs 2,000 map look-ups, not 2,000 encryptions.
 *
 * Without a cipher (tests, the benchmark's baseline) PINs stay in clear, and a file with sealed PINs is refused with
 * `secrets.unavailable` instead of showing ciphertext as a PIN.
 */
/** The site file's sealing, and one record sealed on its own (what a site commit serialises code by code). */
export interface SiteSealing extends DocSealing<SiteCodesData> {
  sealRecord(code: AccessCode): AccessCode;
}

export function createPinSealing(cipher: FieldCipher | null): SiteSealing {
  const cache = new Map<string, { pin: string; sealed: string }>();

  /** Seals one PIN of a record; `where` tells the PINs of one code apart ('' the code's own, ':base', ':conflict'). */
  const sealPin = (id: string, where: string, pin: string): string => {
    const key = id + where;
    const cached = cache.get(key);
    if (cached?.pin === pin) return cached.sealed;
    const sealed = cipher!.seal(pin, contextOf(id) + where);
    cache.set(key, { pin, sealed });
    return sealed;
  };

  /** A copy of `code` with every PIN sealed: its own, and the cloud's versions of it (the agreed base, a conflict). */
  const sealCode = (code: AccessCode): AccessCode => {
    const id = code.access_code_id;
    const copy = { ...code, code: sealPin(id, '', code.code) };
    const cloud = code.cloud;
    if (!cloud || (!cloud.base && !cloud.conflict)) return copy;
    copy.cloud = {
      ...cloud,
      base: cloud.base && { ...cloud.base, code: sealPin(id, ':base', cloud.base.code) },
      conflict: cloud.conflict && { ...cloud.conflict, cloud: { ...cloud.conflict.cloud, code: sealPin(id, ':conflict', cloud.conflict.cloud.code) } },
    };
    return copy;
  };

  /** Opens one sealed PIN in place (`holder[field]`): clear → counted, wrong → the reason. */
  const openPin = (holder: Record<string, unknown> | null | undefined, id: string, where: string): 'clear' | 'opened' | 'absent' | 'failed' => {
    const value = holder?.code;
    if (typeof value !== 'string') return 'absent';
    if (!isSealed(value)) return 'clear';
    if (!cipher) throw secretsUnavailable('The PINs in this store are encrypted, and it was opened without their key; nothing was changed.');
    const key = id + where;
    const cached = cache.get(key);
    const pin = cached?.sealed === value ? cached.pin : cipher.open(value, contextOf(id) + where);
    if (pin === null) return 'failed';
    holder!.code = pin;
    cache.set(key, { pin, sealed: value });
    return 'opened';
  };

  return {
    sealRecord: (code) => (cipher ? sealCode(code) : code),
    seal(data) {
      if (!cipher) return data;
      if (cache.size > 6 * data.accessCodes.length + 64) pruneCache(cache, data.accessCodes);
      return { ...data, accessCodes: data.accessCodes.map(sealCode) };
    },
    open(json): OpenedFields {
      const codes = (json as { accessCodes?: unknown } | null)?.accessCodes;
      if (!Array.isArray(codes)) return { ok: true, hadClear: false }; // the schema check says what is wrong
      let hadClear = false;
      for (const [index, record] of codes.entries()) {
        const code = (record ?? {}) as Record<string, unknown>;
        const id = code.access_code_id;
        if (typeof id !== 'string') continue;
        const cloud = code.cloud as { base?: Record<string, unknown> | null; conflict?: { cloud?: Record<string, unknown> } | null } | null | undefined;
        const results = [openPin(code, id, ''), openPin(cloud?.base, id, ':base'), openPin(cloud?.conflict?.cloud, id, ':conflict')];
        if (results.includes('failed')) return { ok: false, reason: `the PIN of access code ${index + 1} does not decrypt (the file was changed or damaged)` };
        if (results.includes('clear')) hadClear = true;
      }
      return { ok: true, hadClear: hadClear && cipher !== null };
    },
  };
}

function pruneCache(cache: Map<string, unknown>, codes: readonly AccessCode[]): void {
  const live = new Set(codes.map((c) => c.access_code_id));
  for (const key of cache.keys()) if (!live.has(key.replace(/:(base|conflict)$/, ''))) cache.delete(key);
}
