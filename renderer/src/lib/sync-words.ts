import type { CapabilityItem } from '../../../shared/domain/capability';
import type { CloudAccount, CloudAccountKind, SyncStatus } from '../../../shared/domain/cloud';
import { wordsForError } from './error-words';
import { formatSiteNear } from './site-time';
import type { Tone } from './status-words';

/**
 * The cloud sync indicator and the cloud account in words. The indicator is not about one site, so its times are in
 * this laptop's zone (the caller passes it), never a site's.
 *
 *   no_account → "Cloud sync off"            offline → "Offline — 3 changes wait for the cloud"
 *   syncing    → "Syncing…" 2 of 5: message  idle    → "Synced — Last synced 14:02"      error → "Sync problem" + words
 */

/** The indicator as shown: a badge, the pending and last-sync lines, and a calm sentence for screen readers. */
export interface SyncView {
  tone: Tone;
  label: string;
  pending: string;
  /** "Last synced 14:02" / "Not synced yet"; null while no account is set. */
  lastSynced: string | null;
  /** "Tries again at 14:05" while offline or after an error, when main says when. */
  nextTry: string | null;
  /**
   * What the polite live region says: changes only when the state (or the number of conflicts) changes, never with
   * progress steps or the pending count, so a long sync is announced once and not step by step.
   */
  announcement: string;
}

const STATE_WORDS: Record<SyncStatus['state'], { tone: Tone; label: string }> = {
  no_account: { tone: 'idle', label: 'Cloud sync off' },
  idle: { tone: 'ok', label: 'Synced' },
  syncing: { tone: 'pending', label: 'Syncing…' },
  offline: { tone: 'warn', label: 'Offline' },
  error: { tone: 'fail', label: 'Sync problem' },
};

/** "Nothing waits for the cloud" / "1 change waits for the cloud" / "3 changes wait for the cloud". */
export function pendingWords(count: number): string {
  if (count === 0) return 'Nothing waits for the cloud';
  return count === 1 ? '1 change waits for the cloud' : `${count} changes wait for the cloud`;
}

/** "1 conflict to settle" / "2 conflicts to settle". */
export function conflictCountWords(count: number): string {
  return `${count} conflict${count === 1 ? '' : 's'} to settle`;
}

/** "2 of 5: Sending Guest to the cloud", or "Starting…" before the first step is known. */
export function progressWords(progress: SyncStatus['progress']): string {
  if (!progress) return 'Starting…';
  return `${progress.done} of ${progress.total}${progress.message ? `: ${progress.message}` : ''}`;
}

/** The indicator's words for a sync status; `zone` is this laptop's zone, `now` the app's now. */
export function syncView(status: SyncStatus, zone: string, now: Date): SyncView {
  const { tone, label } = STATE_WORDS[status.state];
  const lastSynced =
    status.state === 'no_account' ? null : status.lastSuccessAt ? `Last synced ${formatSiteNear(status.lastSuccessAt, zone, now)}` : 'Not synced yet';
  const waits = status.state === 'offline' || status.state === 'error';
  const nextTry = waits && status.nextAt ? `Tries again at ${formatSiteNear(status.nextAt, zone, now)}` : null;
  return { tone, label, pending: pendingWords(status.pending), lastSynced, nextTry, announcement: syncAnnouncement(status) };
}

/** The live region's sentence (see SyncView.announcement). */
export function syncAnnouncement(status: Pick<SyncStatus, 'state' | 'conflicts' | 'lastError'>): string {
  const conflicts = status.conflicts > 0 ? ` ${conflictCountWords(status.conflicts)}.` : '';
  switch (status.state) {
    case 'no_account':
      return 'Cloud sync is off.';
    case 'syncing':
      return 'Syncing with the cloud.';
    case 'idle':
      return `Synced with the cloud.${conflicts}`;
    case 'offline':
      return `Offline: changes wait for the cloud.${conflicts}`;
    case 'error':
      return `Sync problem: ${status.lastError ? wordsForError(status.lastError).title : 'the last sync failed'}.${conflicts}`;
  }
}

/** The account kinds offered in the cloud settings, in the order shown. */
export const cloudKindWords: Record<CloudAccountKind, { title: string; hint: string }> = {
  demo: { title: 'Demo cloud (local, no account)', hint: 'A fake cloud on this laptop with devices matching the demo locks.' },
  api_key: { title: 'Seam API key', hint: 'A workspace’s API key from the Seam console.' },
  personal_access_token: { title: 'Personal access token + workspace id', hint: 'Your own token, and the workspace it should use.' },
};

/** The saved account's facts as label/value lines (never the secret: it never reaches the renderer). */
export function accountFacts(account: CloudAccount, zone: string, now: Date): Array<{ label: string; value: string }> {
  return [
    { label: 'Workspace', value: account.workspaceName ?? account.workspaceId ?? 'Not named by the cloud' },
    { label: 'Kind', value: cloudKindWords[account.kind].title },
    ...(account.workspaceId && account.workspaceName ? [{ label: 'Workspace id', value: account.workspaceId }] : []),
    { label: 'Endpoint', value: account.endpoint },
    { label: 'Key checked', value: account.checkedAt ? formatSiteNear(account.checkedAt, zone, now) : 'Not yet' },
  ];
}

/** Where a capability finding came from, in words. */
export const capabilitySourceWords: Record<CapabilityItem['source'], string> = {
  lock: 'From the lock',
  cloud: 'From the cloud',
  lock_and_cloud: 'From the lock and the cloud',
};
