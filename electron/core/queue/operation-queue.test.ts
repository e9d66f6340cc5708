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

  it('stops with a clear error when the slot holds a code it does not own, and can be cancelled', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { name: 'Visitor', code: '9753' });
    h.network.memory.get(2)!.set(code.slot!, '1111');
    await settle();
    expect(await h.code('Visitor')).toMatchObject({ status: 'unset', errors: [{ error_code: 'failed_to_set_on_device' }] });
    const [failed] = await h.queueService.list('site1');
    expect(failed).toMatchObject({ state: 'failed' });
    await h.queueService.cancel('front', failed!.operation_id);
    await settle();
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('1111');
    expect(await h.code('Visitor')).toMatchObject({ is_removed: true });
  });

  it('retry puts a failed change back in line', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { name: 'Visitor', code: '9753' });
    h.network.memory.get(2)!.set(code.slot!, '1111');
    await settle();
    h.network.memory.get(2)!.delete(code.slot!);
    const [failed] = await h.queueService.list('site1');
    await h.queueService.retry('front', failed!.operation_id);
    await settle();
    expect((await h.code('Visitor')).status).toBe('set');
  });

  it('clears a code removed after a restart even if its Set reached the lock just before the crash', async () => {
    h = await createQueueHarness();
    h.queue.close(); // the Set is stored but the app dies before its result is saved
    const code = await h.codes.create('front', { name: 'Crash', code: '4702' });
    await h.restart();
    h.network.memory.get(2)!.set(code.slot!, '4702'); // …while the lock did get it
    const removing = await h.codes.remove('front', code.access_code_id);
    expect(removing.status).toBe('removing');
    await h.settle();
    expect(h.network.memory.get(2)!.has(code.slot!)).toBe(false);
    expect(await h.code('Crash')).toMatchObject({ is_removed: true });
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
