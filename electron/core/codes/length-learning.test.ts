import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from '../queue/queue-harness';

let h: QueueHarness;
afterEach(async () => h?.close());

const unknownLengths = { codeLengthsSource: 'unknown' as const, codeLengthsNote: null, supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10], slotCount: 10 };
const learned = async () => h.store.index.read().doors.find((d) => d.id === 'front')!.learned;

describe('learning PIN lengths from a lock that does not say them', () => {
  it('stops a code at the lock\'s first refusal of an unproven length, remembers it, and no longer offers that length', async () => {
    h = await createQueueHarness(unknownLengths);
    h.network.refusedLengths.add(4);
    await h.codes.create('front', { name: 'Short', code: '4829' });
    await h.settle();
    const short = await h.code('Short');
    expect(short).toMatchObject({ status: 'unset', errors: [{ error_code: 'code_constraints_violated' }] });
    expect(short.errors[0]!.message).toMatch(/refused this 4-digit PIN/);
    expect((await h.queueService.list('site1'))[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await learned()).toEqual({ acceptedLengths: [], refusedLengths: [4] });
    const sent = h.network.commands;
    await expect(h.codes.create('front', { code: '5930' })).rejects.toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'supported_code_lengths' } });
    expect(h.network.commands).toBe(sent);
    for (let i = 0; i < 5; i++) expect((await h.codes.generate('front')).length).not.toBe(4);
  });

  it('remembers lengths the lock kept, and then a refusal of that length is retried as usual (a duplicate, a bad radio)', async () => {
    h = await createQueueHarness(unknownLengths);
    await h.codes.create('front', { name: 'Six', code: '482913' });
    await h.settle();
    expect(await learned()).toEqual({ acceptedLengths: [6], refusedLengths: [] });
    h.network.faults.push('drop_silently');
    await h.codes.create('front', { name: 'Six again', code: '715264' });
    await h.settle();
    expect(await h.code('Six again')).toMatchObject({ status: 'setting', errors: [] });
    h.clock.advance(5_000);
    await h.settle();
    expect(await h.code('Six again')).toMatchObject({ status: 'set' });
  });

  it('never learns against a lock whose PIN length is stated (its setting or device file)', async () => {
    h = await createQueueHarness({ slotCount: 10, supportedCodeLengths: [4, 5, 6], codeLengthsSource: 'device_file' });
    h.network.refusedLengths.add(5);
    await h.codes.create('front', { name: 'Five', code: '58213' });
    await h.settle();
    expect(await h.code('Five')).toMatchObject({ status: 'setting', errors: [] });
    expect(await learned()).toEqual({ acceptedLengths: [], refusedLengths: [] });
  });
});
