import { describe, expect, it } from 'vitest';
import { CloudCodes } from './cloud-codes.svelte';
import { FakeBridge, settle } from '../testing/fake-bridge';
import { sampleForeignCode, sampleSyncStatus } from '../testing/cloud-samples';

describe('CloudCodes', () => {
  it('loads the door\'s codes from the cloud and reloads when a sync succeeds', async () => {
    const bridge = new FakeBridge().answer('codes.fromCloud', [sampleForeignCode()]);
    const codes = new CloudCodes(bridge, 'door-1');
    await codes.start();
    expect(bridge.sent('codes.fromCloud')).toEqual([{ doorId: 'door-1' }]);
    expect(codes.codes).toHaveLength(1);
    bridge.emit('sync.changed', sampleSyncStatus());
    bridge.emit('sync.changed', sampleSyncStatus({ state: 'syncing' }));
    await settle();
    expect(bridge.sent('codes.fromCloud')).toHaveLength(2);
    bridge.answer('codes.fromCloud', []);
    bridge.emit('sync.changed', sampleSyncStatus({ lastSuccessAt: '2026-03-14T14:00:00.000Z' }));
    await settle();
    expect(codes.codes).toEqual([]);
    codes.dispose();
    expect(bridge.listenerCount('sync.changed')).toBe(0);
  });

  it('keeps a load error, and reloads after the link comes back', async () => {
    const bridge = new FakeBridge().refuse('codes.fromCloud', 'sync.no_account');
    const codes = new CloudCodes(bridge, 'door-1');
    await codes.start();
    expect(codes.loadError?.code).toBe('sync.no_account');
    bridge.answer('codes.fromCloud', [sampleForeignCode()]);
    bridge.setLink('down');
    bridge.setLink('up');
    await settle();
    expect([codes.loadError, codes.codes.length]).toEqual([null, 1]);
  });
});
