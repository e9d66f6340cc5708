import { describe, expect, it } from 'vitest';
import { SiteQueue } from './site-queue.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleQueueItem } from '../testing/sample-data';

function setup(items = [sampleQueueItem(), sampleQueueItem({ operation_id: 'op-2', door_id: 'door-2', door_name: 'Back door', state: 'failed' })]) {
  const bridge = new FakeBridge().handle('queue.list', ({ siteId }) => ({ ok: true, value: siteId === 'site-1' ? items : [] }));
  const queue = new SiteQueue(bridge);
  queue.start();
  return { bridge, queue };
}

describe('SiteQueue', () => {
  it('loads the selected site queue and sums it up per door', async () => {
    const { bridge, queue } = setup();
    await queue.select('site-1');
    expect(bridge.sent('queue.list')).toEqual([{ siteId: 'site-1' }]);
    expect(queue.items).toHaveLength(2);
    expect(queue.failedCount).toBe(1);
    expect(queue.summaryOf({ id: 'door-2', name: 'Back door' })).toBe('1 change failed on Back door');
    expect(queue.itemsOf('door-1').map((i) => i.operation_id)).toEqual(['op-1']);
    queue.dispose();
  });

  it('follows queue.changed for its site only', async () => {
    const { bridge, queue } = setup();
    await queue.select('site-1');
    bridge.emit('queue.changed', { siteId: 'site-2', items: [] });
    expect(queue.items).toHaveLength(2);
    bridge.emit('queue.changed', { siteId: 'site-1', items: [sampleQueueItem({ state: 'running', is_running: true })] });
    expect(queue.items.map((i) => i.state)).toEqual(['running']);
    queue.dispose();
    expect(bridge.listenerCount('queue.changed')).toBe(0);
  });

  it('retries an item with its door, and keeps a refusal per item', async () => {
    const { bridge, queue } = setup();
    await queue.select('site-1');
    bridge.answer('queue.retry', sampleQueueItem({ operation_id: 'op-2', door_id: 'door-2', state: 'waiting' }));
    await queue.retry(queue.items[1]!);
    expect(bridge.sent('queue.retry')).toEqual([{ doorId: 'door-2', operationId: 'op-2' }]);
    expect(queue.items[1]?.state).toBe('waiting');
    bridge.refuse('queue.retry', 'queue.not_allowed');
    await queue.retry(queue.items[0]!);
    expect(queue.errors['op-1']?.code).toBe('queue.not_allowed');
    queue.dispose();
  });

  it('cancels only after the second tap, and drops the cancelled item', async () => {
    const { bridge, queue } = setup();
    await queue.select('site-1');
    bridge.answer('queue.cancel', sampleQueueItem({ state: 'cancelled' }));
    await queue.confirmCancel(queue.items[0]!);
    expect(bridge.sent('queue.cancel')).toEqual([]);
    queue.askCancel('op-1');
    queue.keep();
    expect(queue.confirmingCancel).toBeNull();
    queue.askCancel('op-1');
    await queue.confirmCancel(queue.items[0]!);
    expect(bridge.sent('queue.cancel')).toEqual([{ doorId: 'door-1', operationId: 'op-1' }]);
    expect(queue.items.map((i) => i.operation_id)).toEqual(['op-2']);
    queue.dispose();
  });

  it('reloads when an item is gone already, and clears everything on another site', async () => {
    const { bridge, queue } = setup();
    await queue.select('site-1');
    bridge.refuse('queue.cancel', 'queue.not_found');
    queue.askCancel('op-1');
    await queue.confirmCancel(queue.items[0]!);
    expect(bridge.sent('queue.list')).toHaveLength(2);
    await queue.select('site-2');
    expect([queue.items, queue.errors]).toEqual([[], {}]);
    queue.dispose();
  });
});
