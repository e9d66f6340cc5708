import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from './queue-harness';

let h: QueueHarness;
afterEach(async () => h?.close());

const settle = () => h.settle();

describe('durable operation queue', () => {
  it('stores the code and its operation before acknowledging, then sets it by read-back', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { name: 'Resident', code: '4821' });
    const stored = (await h.store.codes('site1')).read();
    expect(stored.operations).toMatchObject([{ kind: 'set_code', access_code_id: code.access_code_id }]);
    await settle();
    expect((await h.code('Resident')).status).toBe('set');
    expect(h.network.memory.get(2)!.get(1)).toBe('4821');
    expect((await h.queueService.list('site1'))).toEqual([]);
  });

  it('retries a lock that does not answer with backoff, shows the error after 3 tries, and gets through later', async () => {
    h = await createQueueHarness();
    h.network.faults.push('no_answer', 'silent_read', 'no_answer', 'silent_read', 'no_answer', 'silent_read');
    await h.codes.create('front', { name: 'Guest', code: '5566' });
    await settle();
    let items = await h.queueService.list('site1');
    expect(items).toMatchObject([{ state: 'waiting', attempts: 1, is_ambiguous: true }]);
    h.clock.advance(1000);
    await settle();
    h.clock.advance(2000);
    await settle();
    const failing = await h.code('Guest');
    expect(failing.status).toBe('setting');
    expect(failing.errors[0]?.error_code).toBe('failed_to_set_on_device');
    h.clock.advance(3000);
    await settle();
    expect(await h.code('Guest')).toMatchObject({ status: 'set', errors: [] });
    items = await h.queueService.list('site1');
    expect(items).toEqual([]);
  });

  it('after an ambiguous failure reads the slot first and never sends the code twice', async () => {
    h = await createQueueHarness();
    h.network.faults.push('ack_lost', 'silent_read');
    await h.codes.create('front', { name: 'Cleaner', code: '7788' });
    await settle();
    const sentBefore = h.network.commands;
    h.clock.advance(1000);
    await settle();
    expect((await h.code('Cleaner')).status).toBe('set');
    expect(h.network.commands - sentBefore).toBe(1);
  });

  it('queues changes for a door that is not connected, and applies them on reconnect, proven by a checksum', async () => {
    h = await createQueueHarness({ slotCount: 10 });
    await h.unplug();
    for (const [i, pin] of ['1357', '2468', '3579', '4680', '5791'].entries()) await h.codes.create('front', { name: `Flat ${i + 1}`, code: pin });
    await h.settle();
    expect(await h.queueService.list('site1')).toHaveLength(5);
    expect((await h.queueService.list('site1')).every((i) => i.state === 'waiting' && i.door_name === 'Front door')).toBe(true);
    expect(h.network.commands).toBe(0);
    await h.plugIn();
    expect((await h.codes.list('front')).map((c) => c.status)).toEqual(['set', 'set', 'set', 'set', 'set']);
    expect(h.network.commands).toBe(7); // five Sets and two checksum reads (before and after) instead of five read-backs
    expect(await h.queueService.list('site1')).toEqual([]);
  });

  it('falls back to reading each slot when the checksum does not match, and finds the code that did not land', async () => {
    h = await createQueueHarness({ slotCount: 10 });
    await h.unplug();
    for (const pin of ['1357', '2468', '3579']) await h.codes.create('front', { code: pin });
    h.network.faults.push('drop_silently');
    await h.plugIn();
    const codes = await h.codes.list('front');
    expect(codes.every((c) => c.status === 'set')).toBe(true);
    expect([...h.network.memory.get(2)!.values()].sort()).toEqual(['1357', '2468', '3579']);
  });

  it('removes a code while the door is away, and clears it from the lock on reconnect', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { code: '1357' });
    await h.settle();
    await h.unplug();
    await h.codes.remove('front', code.access_code_id);
    expect(await h.queueService.list('site1')).toMatchObject([{ kind: 'remove_code', state: 'waiting' }]);
    await h.plugIn();
    expect((await h.codes.list('front'))[0]).toMatchObject({ is_removed: true });
    expect(h.network.memory.get(2)!.size).toBe(0);
  });

  it('survives a restart mid-queue: the waiting change is still there and is read back before it is resent', async () => {
    h = await createQueueHarness();
    h.network.faults.push('ack_lost', 'silent_read');
    await h.codes.create('front', { name: 'Plumber', code: '2468' });
    await settle();
    await h.restart();
    h.clock.advance(5000);
    await settle();
    expect((await h.code('Plumber')).status).toBe('set');
    const ops = (await h.store.codes('site1')).read().operations;
    expect(ops.filter((o) => o.kind === 'set_code')).toHaveLength(1);
  });

  it('retry puts a failed change back in line', async () => {
    h = await createQueueHarness();
    for (let i = 0; i < 3; i++) h.network.faults.push('drop_silently');
    await h.codes.create('front', { name: 'Visitor', code: '9753' });
    for (let i = 0; i < 3; i++) {
      await settle();
      h.clock.advance(10_000);
    }
    const [failed] = await h.queueService.list('site1');
    expect(failed).toMatchObject({ state: 'failed' });
    await h.queueService.retry('front', failed!.operation_id);
    await settle();
    expect((await h.code('Visitor')).status).toBe('set');
  });

  it('clears a code removed after a restart when its Set may have reached the lock before the crash', async () => {
    h = await createQueueHarness();
    h.network.faults.push('ack_lost', 'silent_read'); // the Set lands, its answer and the read-back are lost…
    const code = await h.codes.create('front', { name: 'Crash', code: '4702' });
    await settle();
    await h.restart(); // …and the app dies before the retry
    expect((await h.store.codes('site1')).read().operations).toMatchObject([{ kind: 'set_code', is_ambiguous: true }]);
    const removing = await h.codes.remove('front', code.access_code_id);
    expect(removing.status).toBe('removing');
    h.clock.advance(5_000);
    await h.settle();
    expect(h.network.memory.get(2)!.has(code.slot!)).toBe(false);
    expect(await h.code('Crash')).toMatchObject({ is_removed: true });
  });

  it('after a crash, removing a code whose Set never went out withdraws it with no radio traffic and no waiting', async () => {
    h = await createQueueHarness({ slotCount: 40 });
    await h.unplug(); // 30 codes wait for the door…
    const codes: Awaited<ReturnType<QueueHarness['codes']['create']>>[] = [];
    for (let i = 0; i < 30; i++) codes.push(await h.codes.create('front', { code: String(4000 + i * 7) }));
    await h.restart({ connect: false }); // …the app restarts (a crash leaves the same files: writes are durable before their ack)
    const before = h.network.commands;
    const removed = await h.codes.remove('front', codes[7]!.access_code_id);
    expect(removed).toMatchObject({ is_removed: true, status: 'unset' });
    expect(h.network.commands - before).toBe(0);
    const ops = (await h.store.codes('site1')).read().operations.filter((o) => o.access_code_id === codes[7]!.access_code_id);
    expect(ops.map((o) => [o.kind, o.state])).toEqual([['set_code', 'cancelled']]);
  });

  it('runs a removal before the Sets queued ahead of it on the same door', async () => {
    h = await createQueueHarness({ slotCount: 40 });
    const first = await h.codes.create('front', { code: '7410' });
    await settle();
    await h.unplug();
    for (let i = 0; i < 10; i++) await h.codes.create('front', { code: String(5000 + i * 13) });
    await h.codes.remove('front', first.access_code_id);
    const order: string[] = [];
    h.changes.length = 0;
    await h.plugIn();
    for (const c of h.changes) order.push(c.is_removed ? 'removed' : c.status);
    expect(order[0]).toBe('removed');
    expect(h.network.memory.get(2)!.has(first.slot!)).toBe(false);
  });

  it('stops retrying a PIN the lock keeps refusing, instead of retrying forever', async () => {
    h = await createQueueHarness();
    for (let i = 0; i < 5; i++) h.network.faults.push('drop_silently');
    await h.codes.create('front', { name: 'Refused', code: '8642' });
    for (let i = 0; i < 5; i++) {
      await h.settle();
      h.clock.advance(10_000);
    }
    await h.settle();
    expect(await h.queueService.list('site1')).toMatchObject([{ state: 'failed' }]);
    expect((await h.code('Refused')).errors[0]?.message).toMatch(/Refused by the lock 3 times/);
  });
});
