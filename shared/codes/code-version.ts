import type { AccessCode, CodeVersion } from '../domain/access-code';

/** The fields of a code both the laptop and the cloud may change, as a version (compared with the cloud's `base`). */
export function versionOf(code: Pick<AccessCode, 'name' | 'code' | 'starts_at' | 'ends_at'>): CodeVersion {
  return { name: code.name, code: code.code, starts_at: code.starts_at, ends_at: code.ends_at };
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
}

/**
 * The fields in which two versions differ. Instants compare as instants; a PIN the cloud does not tell ('') differs
 * from none; a missing name and an empty one are the same.
 */
export function differingFields(a: CodeVersion, b: CodeVersion): Array<keyof CodeVersion> {
  const out: Array<keyof CodeVersion> = [];
  if ((a.name ?? '') !== (b.name ?? '')) out.push('name');
  if (a.code !== b.code && a.code !== '' && b.code !== '') out.push('code');
  if (!sameInstant(a.starts_at, b.starts_at)) out.push('starts_at');
  if (!sameInstant(a.ends_at, b.ends_at)) out.push('ends_at');
  return out;
}

/** Two versions of a code agree (see `differingFields`). */
export function sameVersion(a: CodeVersion, b: CodeVersion): boolean {
  return differingFields(a, b).length === 0;
}
