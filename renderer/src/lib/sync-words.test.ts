import { describe, expect, it } from 'vitest';
import { accountFacts, capabilitySourceWords, cloudKindWords, conflictCountWords, pendingWords, progressWords, syncAnnouncement, syncView } from './sync-words';
import { sampleAccount, sampleSyncStatus } from './testing/cloud-samples';

const zone = 'Europe/Berlin';
const now = new Date('2026-03-14T16:00:00Z'); // 17:00 Sat 14 Mar in Berlin

describe('syncView: the indicator in words', () => {
  it('idle: synced, when, and what still waits', () => {
    expect(syncView(sampleSyncStatus({ pending: 2 }), zone, now)).toMatchObject({
      tone: 'ok',
      label: 'Synced',
      lastSynced: 'Last synced 14:02',
      pending: '2 changes wait for the cloud',
      nextTry: null,
    });
    expect(syncView(sampleSyncStatus({ lastSuccessAt: '2026-03-13T08:00:00Z' }), zone, now).lastSynced).toBe('Last synced 09:00 Fri 13 Mar');
    expect(syncView(sampleSyncStatus({ lastSuccessAt: null }), zone, now).lastSynced).toBe('Not synced yet');
  });

  it('no account: sync off, no last-sync line', () => {
    expect(syncView(sampleSyncStatus({ state: 'no_account', account: null, lastSuccessAt: null }), zone, now)).toMatchObject({
      tone: 'idle',
      label: 'Cloud sync off',
      lastSynced: null,
    });
  });

  it('offline and error say when the next try is', () => {
    const offline = syncView(sampleSyncStatus({ state: 'offline', pending: 1, nextAt: '2026-03-14T16:05:00Z' }), zone, now);
    expect(offline).toMatchObject({ tone: 'warn', label: 'Offline', pending: '1 change waits for the cloud', nextTry: 'Tries again at 17:05' });
    expect(syncView(sampleSyncStatus({ state: 'error', lastError: { code: 'sync.unauthorized', message: 'no' } }), zone, now).tone).toBe('fail');
  });

  it('pending, conflicts and progress words', () => {
    expect(pendingWords(0)).toBe('Nothing waits for the cloud');
    expect(conflictCountWords(1)).toBe('1 conflict to settle');
    expect(conflictCountWords(3)).toBe('3 conflicts to settle');
    expect(progressWords(null)).toBe('Starting…');
    expect(progressWords({ done: 2, total: 5, message: 'Sending Guest to the cloud' })).toBe('2 of 5: Sending Guest to the cloud');
  });

  it('announces states, not progress steps or pending counts', () => {
    const a = syncAnnouncement(sampleSyncStatus({ state: 'syncing', progress: { done: 1, total: 5, message: 'x' } }));
    const b = syncAnnouncement(sampleSyncStatus({ state: 'syncing', progress: { done: 4, total: 5, message: 'y' }, pending: 9 }));
    expect(a).toBe(b);
    expect(syncAnnouncement(sampleSyncStatus({ conflicts: 2 }))).toBe('Synced with the cloud. 2 conflicts to settle.');
    expect(syncAnnouncement(sampleSyncStatus({ state: 'error', lastError: { code: 'sync.unauthorized', message: '' } }))).toBe(
      'Sync problem: The cloud refused the key.',
    );
  });
});

describe('account words', () => {
  it('names every kind and lists the saved account without its secret', () => {
    expect(cloudKindWords.demo.title).toBe('Demo cloud (local, no account)');
    const facts = accountFacts(sampleAccount(), zone, now);
    expect(facts).toEqual([
      { label: 'Workspace', value: 'Harbour Street' },
      { label: 'Kind', value: 'Seam API key' },
      { label: 'Workspace id', value: 'ws-1' },
      { label: 'Endpoint', value: 'https://connect.getseam.com' },
      { label: 'Key checked', value: '14:02' },
    ]);
    expect(accountFacts(sampleAccount({ workspaceName: null, checkedAt: null }), zone, now)).toContainEqual({ label: 'Key checked', value: 'Not yet' });
  });

  it('words the source of a capability finding', () => {
    expect(capabilitySourceWords.lock_and_cloud).toBe('From the lock and the cloud');
  });
});
