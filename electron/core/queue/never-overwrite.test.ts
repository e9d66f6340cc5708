import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from './queue-harness';

let h: QueueHarness;
afterEach(async () => h?.close());

/**
 * Issue 6 item 1: codes typed at the keypad (or put there by another tool) AFTER the interview, without the
 * controller hearing of it, are never overwritten. The fake lock's `plant` changes its memory only, like such a code.
 */
describe('never overwriting a code Lockbench did not create', () => {
  it('reads the slot before every Set: a planted code survives, and the new code takes another free slot', async () => {
    h = await createQueueHarness({ slotCount: 6 });
    h.network.plant(2, 1, '9090');
    const code = await h.codes.create('front', { name: 'Flat 1', code: '4815' });
    expect(code.slot).toBe(1); // the controller had not seen the planted code
    await h.settle();
    expect(h.network.memory.get(2)!.get(1)).toBe('9090');
    expect(await h.code('Flat 1')).toMatchObject({ status: 'set', slot: 2, verified_by: 'read_back' });
    expect(h.network.memory.get(2)!.get(2)).toBe('4815');
    // The planted code is now known, so it is listed as a code from elsewhere.
    expect(h.network.cachedSlots(2)).toContainEqual({ slot: 1, status: 'enabled', code: '9090' });
  });

  it('reads the slots again before calling a lock full: a stale picture of codes from elsewhere does not refuse a code', async () => {
    h = await createQueueHarness({ slotCount: 3 });
    for (const [slot, pin] of [[1, '1111'], [2, '2222'], [3, '3333']] as const) h.network.plant(2, slot, pin);
    h.network.interview(2);
    // Cleared behind the controller's back (or by a removal whose cache write a crash lost): the picture is stale.
    h.network.memory.get(2)!.delete(2);
    const code = await h.codes.create('front', { code: '4815' });
    expect(code.slot).toBe(2);
    await h.settle();
    expect(await h.codes.list('front')).toContainEqual(expect.objectContaining({ code: '4815', status: 'set', slot: 2 }));
    expect(h.network.memory.get(2)!.get(1)).toBe('1111');
    await expect(h.codes.create('front', { code: '5926' })).rejects.toMatchObject({ code: 'codes.no_free_slot' });
  });

  it('survives any number of creates, in batches proven by checksum too, and stops with no_free_slot when full', async () => {
    h = await createQueueHarness({ slotCount: 8 });
    const planted = new Map([[2, '1212'], [5, '5656'], [8, '8888']]);
    for (const [slot, pin] of planted) h.network.plant(2, slot, pin);
    await h.unplug();
    const pins = ['2461', '3572', '4683', '5794', '6815', '7926'];
    for (const pin of pins) await h.codes.create('front', { code: pin });
    await h.plugIn();
    for (let i = 0; i < 4; i++) await h.settle();
    for (const [slot, pin] of planted) expect(h.network.memory.get(2)!.get(slot)).toBe(pin);
    const codes = await h.codes.list('front');
    const set = codes.filter((c) => c.status === 'set');
    expect(set).toHaveLength(5); // 8 slots − 3 planted
    for (const c of set) expect(h.network.memory.get(2)!.get(c.slot!)).toBe(c.code);
    const stuck = codes.find((c) => c.status !== 'set')!;
    expect(stuck).toMatchObject({ status: 'unset', errors: [{ error_code: 'no_space_for_access_code_on_device' }] });
    const [failed] = await h.queueService.list('site1');
    expect(failed).toMatchObject({ state: 'failed', last_error: { code: 'codes.no_free_slot' } });
    expect(h.network.memory.get(2)!.size).toBe(8);
  });

  it('never writes a year-day schedule to a slot that holds somebody else\'s code', async () => {
    h = await createQueueHarness({ nativeScheduling: true, clockOffsetMinutes: 60 }, '2026-01-10T08:00:00.000Z');
    h.network.plant(2, 1, '3030');
    const window = { starts: { date: '2026-01-10', time: '18:00' }, ends: { date: '2026-01-11', time: '10:00' } };
    await h.codes.create('front', { name: 'Tonight', code: '135790', window });
    await h.settle();
    expect(h.network.schedules.get(2)?.has(1) ?? false).toBe(false);
    expect(h.network.memory.get(2)!.get(1)).toBe('3030');
    const code = await h.code('Tonight');
    expect(code.slot).toBe(2);
    expect(h.network.schedules.get(2)!.has(2)).toBe(true);
    expect(code.events.map((e) => e.event_type)).toContain('access_code.scheduled_on_device');
  });

  it('removal never clears a slot that now holds another code', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { code: '2580' });
    await h.settle();
    h.network.plant(2, code.slot!, '7777'); // someone replaced it at the keypad
    await h.codes.remove('front', code.access_code_id);
    await h.settle();
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('7777');
    expect((await h.codes.list('front'))[0]).toMatchObject({ is_removed: true });
  });
});

describe('codes from elsewhere, found by a fresh read', () => {
  it('are listed once a read found them, and adopting reads the slot again and records that proof', async () => {
    h = await createQueueHarness({ slotCount: 6 });
    h.network.plant(2, 1, '9090');
    await h.codes.create('front', { code: '4815' });
    await h.settle();
    expect(await h.unmanaged.list('front')).toMatchObject([{ slot: 1, code: '9090', is_masked: false }]);
    h.network.plant(2, 1, '9191'); // changed again at the keypad since
    const before = h.network.commands;
    const adopted = await h.unmanaged.adopt('front', 1, 'Owner');
    expect(h.network.commands - before).toBe(1);
    expect(adopted).toMatchObject({ code: '9191', status: 'set', verified_by: 'read_back', name: 'Owner' });
    expect(adopted.verified_at).not.toBeNull();
  });

  it('refuses to adopt while the lock is not answering, and says so', async () => {
    h = await createQueueHarness({ slotCount: 6 });
    h.network.plant(2, 1, '9090');
    h.network.interview(2);
    h.network.faults.push('silent_read');
    await expect(h.unmanaged.adopt('front', 1)).rejects.toMatchObject({ code: 'lock.no_answer', message: expect.stringMatching(/not answering/) });
    expect(await h.codes.list('front')).toEqual([]);
  });
});
