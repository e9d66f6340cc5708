import { describe, expect, it } from 'vitest';
import { doorQueueSummary, queueItemView } from './queue-words';
import { sampleDoor, sampleLock, sampleQueueItem } from './testing/sample-data';

const now = new Date('2026-03-10T11:00:00Z');
const zone = 'Europe/Berlin';

describe('queueItemView', () => {
  it('says on its way while running, and offers nothing then', () => {
    expect(queueItemView(sampleQueueItem({ state: 'running', is_running: true }), sampleDoor(), zone, now)).toMatchObject({
      why: 'running',
      state: 'On its way',
      canRetry: false,
      canCancel: false,
    });
  });

  it('names the door whose lock is not answering, or whose site is not connected', () => {
    const item = sampleQueueItem({ door_name: 'Back door' });
    expect(queueItemView(item, sampleDoor({ isConnected: false, lock: sampleLock({ isOnline: false }) }), zone, now)).toMatchObject({
      why: 'door_offline',
      state: 'Waiting: Back door’s lock is not answering',
      canRetry: true,
      canCancel: true,
    });
    expect(queueItemView(item, sampleDoor({ isConnected: false }), zone, now).state).toBe('Waiting for Back door’s site to be connected');
  });

  it('says when the next try is, in site time', () => {
    const item = sampleQueueItem({ attempts: 2, not_before: '2026-03-10T11:30:00Z' });
    expect(queueItemView(item, sampleDoor(), zone, now)).toMatchObject({ why: 'scheduled', state: 'Next try at 12:30 Tue 10 Mar' });
  });

  it('gives the last error of a failed change in words, never its internal name', () => {
    const item = sampleQueueItem({ state: 'failed', attempts: 5, last_error: { code: 'lock.no_answer', message: 'no ACK from node 5' } });
    const view = queueItemView(item, sampleDoor(), zone, now);
    expect(view).toMatchObject({ why: 'failed', tone: 'fail', state: 'Failed: The lock is not answering' });
    expect(view.detail).toMatch(/^No ACK from node 5\. Wake the lock/);
    const waiting = queueItemView(sampleQueueItem({ attempts: 1, last_error: { code: 'transient', message: 'the lock is not answering' } }), sampleDoor(), zone, now);
    expect(`${waiting.state} ${waiting.detail}`).not.toMatch(/transient|set_code|zwave\./);
    expect(waiting.detail).toBe('The lock is not answering. Lockbench tries again by itself; keep this laptop near the lock.');
  });

  it('says why each change exists: a removal after a cancel is explained', () => {
    const what = (over: Parameters<typeof sampleQueueItem>[0]) => queueItemView(sampleQueueItem(over), sampleDoor(), zone, now).what;
    expect(what({ kind: 'remove_code', reason: 'cancelled_set' })).toBe('Clear its slot: the cancelled code may have reached the lock');
    expect(what({ kind: 'remove_code', reason: 'cancelled_set', slot: 5 })).toBe('Clear slot 5: the cancelled code may have reached the lock');
    expect(what({ kind: 'set_code', reason: 'new_code' })).toBe('Put the new code on the lock');
    expect(what({ kind: 'set_code', reason: 'window_start' })).toMatch(/at its start \(Lockbench switches it on\)/);
    expect(what({ kind: 'set_code', reason: 'preload' })).toMatch(/ahead of its start/);
    expect(what({ kind: 'remove_code', reason: 'window_end' })).toBe('Take the code off the lock: its end has passed');
    expect(what({ kind: 'remove_code', reason: null })).toBe('Remove the code from the lock');
  });

  it('says before "Yes, cancel" what cancelling leaves behind', () => {
    const warning = (over: Parameters<typeof sampleQueueItem>[0]) => queueItemView(sampleQueueItem(over), sampleDoor(), zone, now).cancelWarning;
    expect(warning({ kind: 'set_code' })).toBe('The code will not be put on the lock.');
    expect(warning({ kind: 'set_code', is_ambiguous: true })).toMatch(/may already be on the lock: Lockbench then clears its slot/);
    expect(warning({ kind: 'remove_code', reason: 'window_end' })).toMatch(/stays on the lock past its end/);
  });

  it('otherwise waits its turn', () => {
    expect(queueItemView(sampleQueueItem({ kind: 'remove_code', reason: 'installer_removed' }), sampleDoor(), zone, now)).toMatchObject({
      why: 'queued',
      state: 'Waiting its turn',
    });
  });
});

describe('doorQueueSummary', () => {
  it('counts waiting and failed changes per door', () => {
    const items = [
      sampleQueueItem({ operation_id: 'a', door_id: 'door-2' }),
      sampleQueueItem({ operation_id: 'b', door_id: 'door-2' }),
      sampleQueueItem({ operation_id: 'c', door_id: 'door-2', state: 'running', is_running: true }),
      sampleQueueItem({ operation_id: 'd', door_id: 'door-2', state: 'failed' }),
      sampleQueueItem({ operation_id: 'e', door_id: 'door-1' }),
    ];
    expect(doorQueueSummary(items, { id: 'door-2', name: 'Back door' })).toBe('3 changes waiting for Back door, 1 change failed on Back door');
    expect(doorQueueSummary(items, { id: 'door-1', name: 'Front door' })).toBe('1 change waiting for Front door');
    expect(doorQueueSummary(items, { id: 'door-3', name: 'Side door' })).toBeNull();
  });
});
