import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from './queue-harness';
import { sampleAccessCode } from '../../../shared/testing/samples';
import { applyOutcome, defaultRetryRules, newOperation } from './operation-records';

/**
 * A rename on a lock that keeps code names queues a name-only Set: whatever becomes of it, the code was working on
 * the lock before and still is, so its status, errors and warnings never move (the queue panel carries the failure).
 */
const now = new Date('2026-11-30T10:00:00Z');
const setCode = () => sampleAccessCode({ status: 'set', slot: 7, verified_at: '2026-11-29T10:00:00.000Z', verified_by: 'list' });
const renameOf = (code: ReturnType<typeof setCode>) => ({ ...newOperation({ id: 'op-1', code, kind: 'set_code', reason: 'renamed', notBefore: null, at: now }), is_ambiguous: true });
const strict = { ...defaultRetryRules, errorAfterAttempts: 1, delayWarningMs: 0 };

describe('a name-only Set (reason renamed)', () => {
  it('confirmed: done, the code still set, its proof fresher, no new event', () => {
    const code = setCode();
    const op = renameOf(code);
    applyOutcome(op, code, { kind: 'confirmed', proof: 'list', slot: 7 }, now, strict, { wasAmbiguous: true });
    expect(op.state).toBe('done');
    expect(code).toMatchObject({ status: 'set', verified_at: now.toISOString(), verified_by: 'list', errors: [], warnings: [] });
    expect(code.events).toEqual(setCode().events);
  });

  it('a failure that can pass, or one that cannot, never makes a working code look unset or failed', () => {
    const code = setCode();
    const op = renameOf(code);
    applyOutcome(op, code, { kind: 'transient', message: 'the lock is not answering', mayHaveReached: false }, now, strict, { wasAmbiguous: true });
    expect(op).toMatchObject({ state: 'waiting', is_ambiguous: true, last_error: { code: 'transient' } });
    expect(code).toMatchObject({ status: 'set', errors: [], warnings: [] });
    applyOutcome(op, code, { kind: 'permanent', error: 'failed_to_set_on_device', message: 'The lock refused the security PIN.' }, now, strict, { wasAmbiguous: true });
    expect(op).toMatchObject({ state: 'failed', last_error: { code: 'failed_to_set_on_device' } });
    expect(code).toMatchObject({ status: 'set', errors: [], warnings: [] });
  });

  it('an ordinary Set failing the same way does mark its code (the difference is the reason)', () => {
    const code = sampleAccessCode({ status: 'setting' });
    const op = newOperation({ id: 'op-2', code, kind: 'set_code', reason: 'new_code', notBefore: null, at: now });
    applyOutcome(op, code, { kind: 'permanent', error: 'failed_to_set_on_device', message: 'refused' }, now, strict, { wasAmbiguous: false });
    expect(code.status).toBe('unset');
    expect(code.errors).toHaveLength(1);
  });
});

describe('a rename on a lock that keeps code names, through the code service and the queue panel', () => {
  let h: QueueHarness | undefined;
  afterEach(async () => h?.close());

  it('queues a name-only Set read first; cancelling it or retrying it never touches the working code', async () => {
    h = await createQueueHarness({ keepsCodeNames: true });
    const code = await h.codes.create('front', { name: 'Resident', code: '4821' });
    await h.settle();
    expect((await h.code('Resident')).status).toBe('set');
    h.network.faults.push('silent_read', 'silent_read', 'silent_read');
    await h.codes.rename('front', code.access_code_id, 'Resident flat 2');
    await h.settle();
    const [item] = await h.queueService.list('site1');
    expect(item).toMatchObject({ reason: 'renamed', kind: 'set_code', state: 'waiting', is_ambiguous: true });
    expect((await h.code('Resident flat 2')).status).toBe('set');
    await h.queueService.retry('front', item!.operation_id);
    expect((await h.code('Resident flat 2')).status).toBe('set');
    await h.queueService.cancel('front', item!.operation_id);
    const stored = (await h.store.codes('site1')).read();
    expect(stored.operations.filter((o) => o.kind === 'remove_code')).toEqual([]);
    expect((await h.code('Resident flat 2')).status).toBe('set');
    expect(h.network.memory.get(2)!.get(1)).toBe('4821');
  });

  it('queues nothing for a lock that keeps no names (Z-Wave), nor for a code still waiting for its first Set', async () => {
    h = await createQueueHarness();
    const code = await h.codes.create('front', { name: 'Resident', code: '4821' });
    await h.settle();
    await h.codes.rename('front', code.access_code_id, 'Owner');
    expect((await h.store.codes('site1')).read().operations.filter((o) => o.reason === 'renamed')).toEqual([]);
  });
});
