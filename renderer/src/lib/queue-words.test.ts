import { describe, expect, it } from 'vitest';
import { doorQueueSummary, queueItemView } from './queue-words';
import { sampleDoor, sampleQueueItem } from './testing/sample-data';

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

  it('names the offline door it waits for', () => {
    const item = sampleQueueItem({ door_name: 'Back door' });
    expect(queueItemView(item, sampleDoor({ isConnected: false }), zone, now)).toMatchObject({
      why: 'door_offline',
      state: 'Waiting for Back door to be connected',
      canRetry: true,
      canCancel: true,
    });
  });

  it('says when the next try is, in site time', () => {
    const item = sampleQueueItem({ attempts: 2, not_before: '2026-03-10T11:30:00Z' });
    expect(queueItemView(item, sampleDoor(), zone, now)).toMatchObject({ why: 'scheduled', state: 'Next try at 12:30 Tue 10 Mar' });
  });

  it('gives the last error of a failed change', () => {
    const item = sampleQueueItem({ state: 'failed', attempts: 5, last_error: { code: 'zwave.no_answer', message: 'The lock did not answer' } });
    expect(queueItemView(item, sampleDoor(), zone, now)).toMatchObject({ why: 'failed', tone: 'fail', state: 'Failed: The lock did not answer' });
  });

  it('otherwise waits its turn', () => {
    expect(queueItemView(sampleQueueItem({ kind: 'remove_code' }), sampleDoor(), zone, now)).toMatchObject({
      why: 'queued',
      what: 'Remove the code from the lock',
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
