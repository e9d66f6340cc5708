import { describe, expect, it } from 'vitest';
import { SyncState } from './sync-state.svelte';
import { FakeBridge, settle } from '../testing/fake-bridge';
import { sampleSyncStatus } from '../testing/cloud-samples';

function setup(status = sampleSyncStatus()) {
  const bridge = new FakeBridge().answer('sync.status', status);
  return { bridge, sync: new SyncState(bridge) };
}

describe('SyncState', () => {
  it('loads the status at start and follows sync.changed', async () => {
    const { bridge, sync } = setup();
    await sync.start();
    expect(sync.status?.state).toBe('idle');
    bridge.emit('sync.changed', sampleSyncStatus({ state: 'syncing', progress: { done: 1, total: 3, message: 'Sending Guest' } }));
    expect(sync.status?.progress?.done).toBe(1);
    expect(sync.isSyncing).toBe(true);
    expect(sync.canSyncNow).toBe(false);
    sync.dispose();
    expect(bridge.listenerCount('sync.changed')).toBe(0);
  });

  it('syncs now: disabled while the request runs, takes the status it answers with', async () => {
    const { bridge, sync } = setup(sampleSyncStatus({ pending: 2 }));
    bridge.answer('sync.now', sampleSyncStatus({ pending: 0, lastSuccessAt: '2026-03-14T14:00:00.000Z' }));
    await sync.start();
    expect(sync.canSyncNow).toBe(true);
    const running = sync.syncNow();
    expect(sync.canSyncNow).toBe(false);
    expect(await sync.syncNow()).toBe(false);
    expect(await running).toBe(true);
    expect(bridge.sent('sync.now')).toHaveLength(1);
    expect(sync.status?.pending).toBe(0);
    expect(sync.canSyncNow).toBe(true);
  });

  it('keeps a failed Sync now until sync is fine again; the status\'s own error wins in the error state', async () => {
    const { bridge, sync } = setup(sampleSyncStatus({ state: 'offline' }));
    bridge.refuse('sync.now', 'sync.offline');
    await sync.start();
    expect(await sync.syncNow()).toBe(false);
    expect(sync.problem?.code).toBe('sync.offline');
    bridge.emit('sync.changed', sampleSyncStatus({ state: 'error', lastError: { code: 'sync.unauthorized', message: 'refused' } }));
    expect(sync.problem?.code).toBe('sync.unauthorized');
    bridge.emit('sync.changed', sampleSyncStatus({ state: 'idle' }));
    expect(sync.problem).toBeNull();
  });

  it('offers no Sync now without an account', async () => {
    const { sync } = setup(sampleSyncStatus({ state: 'no_account', account: null }));
    await sync.start();
    expect([sync.hasAccount, sync.canSyncNow]).toEqual([false, false]);
    expect(await sync.syncNow()).toBe(false);
  });

  it('keeps a load error, and reloads after the link comes back', async () => {
    const bridge = new FakeBridge().refuse('sync.status', 'ipc.internal');
    const sync = new SyncState(bridge);
    await sync.start();
    expect(sync.loadError?.code).toBe('ipc.internal');
    bridge.answer('sync.status', sampleSyncStatus({ conflicts: 2 }));
    bridge.setLink('down');
    bridge.setLink('up');
    await settle();
    expect(sync.loadError).toBeNull();
    expect(sync.conflicts).toBe(2);
  });

  it('opens and closes one cloud panel at a time', () => {
    const { sync } = setup();
    sync.open('settings');
    sync.open('conflicts');
    expect(sync.panel).toBe('conflicts');
    sync.close();
    expect(sync.panel).toBeNull();
  });
});
