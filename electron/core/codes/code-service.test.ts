import { sampleSite } from '../../../shared/testing/samples';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from '../queue/queue-harness';

let h: QueueHarness;
afterEach(async () => h?.close());

describe('code service', () => {
  it('refuses a PIN the lock cannot take before anything is stored or sent, naming the rule', async () => {
    h = await createQueueHarness();
    await expect(h.codes.create('front', { code: '123' })).rejects.toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'supported_code_lengths' } });
    await expect(h.codes.create('front', { code: '12a4' })).rejects.toMatchObject({ details: { rule: 'allowed_characters' } });
    h.network.memory.get(2)!.set(3, '777123');
    h.network.interview(2);
    await expect(h.codes.create('front', { code: '777123' })).rejects.toMatchObject({ code: 'codes.duplicate_pin', details: { rule: 'duplicate_code_on_device' } });
    expect(h.network.commands).toBe(0);
    expect((await h.store.codes('site1')).read().accessCodes).toHaveLength(0);
  });

  it('never takes a slot held by a code it does not own, and says when the lock is full', async () => {
    h = await createQueueHarness({ slotCount: 3 });
    h.network.memory.get(2)!.set(1, '999111');
    h.network.interview(2);
    const a = await h.codes.create('front', { code: '1357' });
    const b = await h.codes.create('front', { code: '2468' });
    expect([a.slot, b.slot]).toEqual([2, 3]);
    await expect(h.codes.create('front', { code: '3579' })).rejects.toMatchObject({ code: 'codes.no_free_slot' });
    await h.settle();
    expect(h.network.memory.get(2)!.get(1)).toBe('999111');
  });

  it('two creates racing on one door get different slots', async () => {
    h = await createQueueHarness();
    const [a, b] = await Promise.all([h.codes.create('front', { code: '1357' }), h.codes.create('front', { code: '2468' })]);
    expect(a.slot).not.toBe(b.slot);
    await expect(Promise.all([h.codes.create('front', { code: '8642' }), h.codes.create('front', { code: '8642' })])).rejects.toMatchObject({ code: 'codes.duplicate_pin' });
  });

  it('removing a code that never went out withdraws it without touching the lock', async () => {
    h = await createQueueHarness();
    await h.locks.disconnect('site1').catch(() => {});
    await h.locks.connect(sampleSite({ id: 'site1' }));
    h.queue.close(); // nothing runs: the set stays queued
    const code = await h.codes.create('front', { code: '5050' });
    const removed = await h.codes.remove('front', code.access_code_id);
    expect(removed).toMatchObject({ is_removed: true });
    expect(h.network.commands).toBe(0);
  });

  it('generates a PIN that fits the lock and is not already on it', async () => {
    h = await createQueueHarness();
    h.network.memory.get(2)!.set(1, '111111');
    h.network.interview(2);
    const pin = await h.codes.generate('front');
    expect(pin).toMatch(/^\d{4,6}$/);
    expect(pin).not.toBe('111111');
  });

  it('refuses unknown doors and codes with stable error codes', async () => {
    h = await createQueueHarness();
    await expect(h.codes.create('nope', { code: '1234' })).rejects.toMatchObject({ code: 'door.not_found' });
    await expect(h.codes.remove('front', 'nope')).rejects.toMatchObject({ code: 'codes.not_found' });
  });
});
