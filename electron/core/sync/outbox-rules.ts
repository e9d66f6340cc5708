import type { AccessCode } from '../../../shared/domain/access-code';
import { sameVersion, versionOf } from '../../../shared/codes/code-version';
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
  const openByCode = new Map<string, OutboxEntry[]>();
  for (const e of data.outbox) if (isOpen(e)) openByCode.set(e.access_code_id, [...(openByCode.get(e.access_code_id) ?? []), e]);
  for (const { after } of changes) {
    if (!after) continue;
    const open = openByCode.get(after.access_code_id) ?? [];
    if (isEndedLocally(after)) {
      for (const e of open) {
        // Never sent, or refused by the cloud: nothing of it is in the cloud. (One sent without an answer stays: it
        // is looked up, and a delete follows once it is found.)
        if (e.kind === 'create' && (e.sent_at === null || e.state === 'failed')) Object.assign(e, { state: 'done', updated_at: at, last_error: null });
      }
    }
    const kind = cloudChangeNeeded(after, ctx.deviceOf(after.door_id) !== null);
    if (!kind || open.some((e) => e.kind === kind && isOpen(e))) continue;
    const entry = newEntry(after, kind, at, ctx.newId());
    data.outbox.push(entry);
    openByCode.set(after.access_code_id, [...open, entry]);
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
