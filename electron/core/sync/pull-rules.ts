import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import type { CloudCode } from '../cloud/cloud-gateway';
import { sameVersion, versionOf } from '../../../shared/codes/code-version';

/** The cloud's version of a code (a PIN the cloud does not tell is '' and agrees with any). */
export function cloudVersionOf(code: CloudCode): CodeVersion {
  return { name: code.name, code: code.code ?? '', starts_at: code.starts_at, ends_at: code.ends_at };
}

/**
 * What a pulled cloud code means for the local one, against the version both last agreed on (`base`):
 * - `none`: the cloud did not change it (or still shows the conflict already recorded);
 * - `agree`: both sides made the same change; the base moves;
 * - `take_cloud`: only the cloud changed it, and taking it changes nothing on the lock Lockbench keeps;
 * - `conflict`: both changed it differently, or the cloud changed the PIN or window of a code Lockbench keeps on the
 *   lock (the lock holds the laptop's version: the installer decides, nothing is overwritten silently).
 */
export type PullDecision = 'none' | 'agree' | 'take_cloud' | 'conflict';

/** Decides (pure) what the cloud's version of `local` calls for. */
export function decidePull(local: AccessCode, cloud: CodeVersion): PullDecision {
  const state = local.cloud;
  const base = state?.base ?? null;
  if (!base) return sameVersion(versionOf(local), cloud) ? 'agree' : 'conflict';
  if (state?.conflict && sameVersion(state.conflict.cloud, cloud)) return 'none';
  if (sameVersion(cloud, base)) return 'none';
  const laptop = versionOf(local);
  if (sameVersion(laptop, cloud)) return 'agree';
  const laptopChanged = !sameVersion(laptop, base);
  if (laptopChanged) return 'conflict';
  return touchesLock(cloud, base) && local.scheduled_by !== 'cloud' ? 'conflict' : 'take_cloud';
}

/** The change is to what the lock holds or when (PIN, start, end), not only the name. */
export function touchesLock(a: CodeVersion, b: CodeVersion): boolean {
  return !sameVersion({ ...a, name: null }, { ...b, name: null });
}

/** Seam's status in Lockbench's words (a status the cloud calls something else leaves the local one alone). */
export function localStatusOf(code: CloudCode): AccessCode['status'] | null {
  return code.status === 'unknown' ? null : code.status;
}
