import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import type { OutboxEntry } from '../../../shared/domain/cloud';
import type { CodeChange } from '../store/site-changes';
import type { SiteCodesData } from '../store/store-v2';

/** What the outbox rules need besides the data: the door's cloud device, a clock and ids. */
export interface OutboxContext {
  /** The cloud device the door is linked to, or null. */
  deviceOf(doorId: string): string | null;
  now(): Date;
  newId(): string;
}

/** An outbox entry still to be done (a failed one waits for the installer, and still counts: nothing is dropped). */
export function isOpen(entry: OutboxEntry): boolean {
  return entry.state === 'pending' || entry.state === 'failed';
}

/** The version of a code the cloud must know (compared with what both sides last agreed on). */
export function versionOf(code: AccessCode): CodeVersion {
  return { name: code.name, code: code.code, starts_at: code.starts_at, ends_at: code.ends_at };
}

/** Two versions of a code agree (instants compared as instants; a PIN the cloud does not tell agrees with any). */
export function sameVersion(a: CodeVersion, b: CodeVersion): boolean {
  const sameInstant = (x: string | null, y: string | null) => x === y || (x !== null && y !== null && Date.parse(x) === Date.parse(y));
  return a.name === b.name && (a.code === b.code || a.code === '' || b.code === '') && sameInstant(a.starts_at, b.starts_at) && sameInstant(a.ends_at, b.ends_at);
}

/** True when the installer ended the code on the laptop (removal asked, or removed). */
export function isEndedLocally(code: AccessCode): boolean {
  return code.is_removed || code.status === 'removing';
}

/** Which cloud change `code` needs now, from its own state (so a rule is idempotent and pulls never echo back). */
export function cloudChangeNeeded(code: AccessCode, isLinked: boolean): OutboxEntry['kind'] | null {
  const cloud = code.cloud;
  if (cloud?.removed_in_cloud) return null;
  if (isEndedLocally(code)) return cloud?.access_code_id ? 'delete' : null;
  if (!cloud?.access_code_id) return isLinked ? 'create' : null;
  if (cloud.conflict || !cloud.base) return null;
  return sameVersion(versionOf(code), cloud.base) ? null : 'update';
}

/**
 * Fills the outbox in the same commit as the local change it carries (the store calls this for the codes a commit
 * changed). At most one open entry per code and kind; a create never sent is withdrawn when the code ends before it
 * reached the cloud (nothing to delete there).
 */
export function fillOutbox(data: SiteCodesData, changes: readonly CodeChange[], ctx: OutboxContext): void {
  const at = ctx.now().toISOString();
  for (const { after } of changes) {
    if (!after) continue;
    const open = data.outbox.filter((e) => e.access_code_id === after.access_code_id && isOpen(e));
    if (isEndedLocally(after)) {
      for (const e of open) {
        // Never sent, or refused by the cloud: nothing of it is in the cloud. (One sent without an answer stays: it
        // is looked up, and a delete follows once it is found.)
        if (e.kind === 'create' && (e.sent_at === null || e.state === 'failed')) Object.assign(e, { state: 'done', updated_at: at, last_error: null });
      }
    }
    const kind = cloudChangeNeeded(after, ctx.deviceOf(after.door_id) !== null);
    if (!kind || open.some((e) => e.kind === kind && isOpen(e))) continue;
    data.outbox.push(newEntry(after, kind, at, ctx.newId()));
  }
}

/** A pending entry for `code`. */
export function newEntry(code: AccessCode, kind: OutboxEntry['kind'], at: string, id: string): OutboxEntry {
  return { entry_id: id, access_code_id: code.access_code_id, door_id: code.door_id, kind, state: 'pending', attempts: 0, not_before: null, sent_at: null, last_error: null, created_at: at, updated_at: at };
}

/** Done entries are history once a day old. */
export function pruneOutbox(outbox: OutboxEntry[], now: Date): OutboxEntry[] {
  const cutoff = now.getTime() - 86_400_000;
  return outbox.filter((e) => e.state !== 'done' || new Date(e.updated_at).getTime() > cutoff);
}
