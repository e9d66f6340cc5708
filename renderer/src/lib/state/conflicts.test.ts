import { describe, expect, it } from 'vitest';
import { Conflicts } from './conflicts.svelte';
import { FakeBridge, settle } from '../testing/fake-bridge';
import { sampleConflict, sampleSyncStatus } from '../testing/cloud-samples';
import { sampleTimeBoundCode } from '../testing/sample-data';
import type { AccessCode } from '../../../../shared/domain/access-code';

function setup(list = [sampleConflict(), sampleConflict({ access_code_id: 'guest-2', door_name: 'Back door' })]) {
  const bridge = new FakeBridge().answer('sync.conflicts', list);
  const resolved: AccessCode[] = [];
  return { bridge, resolved, conflicts: new Conflicts(bridge, { onResolved: (c) => resolved.push(c) }) };
}

describe('Conflicts', () => {
  it('loads the conflicts, and reloads only when sync.changed brings another count', async () => {
    const { bridge, conflicts } = setup();
    await conflicts.start();
    expect(conflicts.conflicts).toHaveLength(2);
    bridge.emit('sync.changed', sampleSyncStatus({ conflicts: 2 }));
    bridge.emit('sync.changed', sampleSyncStatus({ state: 'syncing', conflicts: 2 }));
    await settle();
    expect(bridge.sent('sync.conflicts')).toHaveLength(1);
    bridge.answer('sync.conflicts', [sampleConflict()]);
    bridge.emit('sync.changed', sampleSyncStatus({ conflicts: 1 }));
    await settle();
    expect(bridge.sent('sync.conflicts')).toHaveLength(2);
    expect(conflicts.conflicts).toHaveLength(1);
    conflicts.dispose();
    expect(bridge.listenerCount('sync.changed')).toBe(0);
  });

  it('keeps the chosen version and drops the conflict from the list', async () => {
    const { bridge, conflicts, resolved } = setup();
    const code = sampleTimeBoundCode({ name: 'Guest' });
    bridge.answer('sync.resolve', code);
    await conflicts.start();
    const resolving = conflicts.resolve('guest-1', 'cloud');
    expect(conflicts.busy['guest-1']).toBe(true);
    expect(await conflicts.resolve('guest-1', 'laptop')).toBe(false);
    expect(await resolving).toBe(true);
    expect(bridge.sent('sync.resolve')).toEqual([{ accessCodeId: 'guest-1', keep: 'cloud' }]);
    expect(conflicts.conflicts.map((c) => c.access_code_id)).toEqual(['guest-2']);
    expect(conflicts.settled).toEqual([{ accessCodeId: 'guest-1', doorName: 'Front door', keep: 'cloud' }]);
    expect(resolved).toEqual([code]);
  });

  it('keeps a refusal per conflict, and reloads when it was settled elsewhere', async () => {
    const { bridge, conflicts } = setup();
    await conflicts.start();
    bridge.refuse('sync.resolve', 'sync.offline');
    expect(await conflicts.resolve('guest-2', 'laptop')).toBe(false);
    expect(conflicts.errors['guest-2']?.code).toBe('sync.offline');
    expect(conflicts.conflicts).toHaveLength(2);
    bridge.refuse('sync.resolve', 'sync.no_conflict');
    bridge.answer('sync.conflicts', [sampleConflict({ access_code_id: 'guest-2' })]);
    await conflicts.resolve('guest-1', 'laptop');
    expect(conflicts.conflicts.map((c) => c.access_code_id)).toEqual(['guest-2']);
  });

  it('keeps a load error', async () => {
    const bridge = new FakeBridge().refuse('sync.conflicts', 'sync.no_account');
    const conflicts = new Conflicts(bridge);
    await conflicts.start();
    expect(conflicts.loadError?.code).toBe('sync.no_account');
  });
});
