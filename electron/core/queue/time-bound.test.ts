import { afterEach, describe, expect, it } from 'vitest';
import { createQueueHarness, type QueueHarness } from './queue-harness';

let h: QueueHarness;
afterEach(async () => h?.close());
const settle = () => h.settle();

describe('time-bound codes on a lock with native scheduling (site in Europe/Berlin, injected clock)', () => {
  it('stores instants from site wall times across the DST change, preloads 72 h ahead, is set at start, cleared after end', async () => {
    h = await createQueueHarness({ nativeScheduling: true, clockOffsetMinutes: 60 }, '2026-03-24T08:00:00.000Z');
    // Berlin switches to summer time on 29 March 2026: 15:00 on the 28th is UTC+1, 11:00 on the 30th is UTC+2.
    const created = await h.codes.create('front', {
      name: 'Guest', code: '482913',
      window: { starts: { date: '2026-03-28', time: '15:00' }, ends: { date: '2026-03-30', time: '11:00' } },
    });
    expect(created).toMatchObject({ type: 'time_bound', starts_at: '2026-03-28T14:00:00.000Z', ends_at: '2026-03-30T09:00:00.000Z', status: 'unset', scheduled_by: 'lock' });
    await settle();
    expect(h.network.memory.get(2)!.size).toBe(0); // more than 72 h ahead: not on the lock yet

    h.clock.advance('2026-03-25T14:00:00.000Z'); // starts_at − 72 h
    await settle();
    const preloaded = await h.code('Guest');
    expect(preloaded.status).toBe('unset');
    expect(preloaded.events.map((e) => e.event_type)).toContain('access_code.scheduled_on_device');
    expect(h.network.memory.get(2)!.get(created.slot!)).toBe('482913');
    // The lock keeps its own fixed offset (+1): 15:00 local start, and the end 10:00 on its clock (11:00 CEST).
    expect(h.network.schedules.get(2)!.get(created.slot!)).toEqual({
      start: { year: 26, month: 3, day: 28, hour: 15, minute: 0 },
      stop: { year: 26, month: 3, day: 30, hour: 10, minute: 0 },
    });

    h.clock.advance('2026-03-28T14:00:00.000Z');
    await settle();
    expect((await h.code('Guest')).status).toBe('set');

    h.clock.advance('2026-03-30T09:00:00.000Z');
    await settle();
    const ended = await h.code('Guest');
    expect(ended).toMatchObject({ is_removed: true });
    expect(ended.events.at(-1)!.event_type).toBe('access_code.removed_from_device');
    expect(h.network.memory.get(2)!.has(created.slot!)).toBe(false);
    expect(h.network.schedules.get(2)?.has(created.slot!) ?? false).toBe(false);
  });

  it('loads a code that starts within 72 h now, and it is set the moment it starts', async () => {
    h = await createQueueHarness({ nativeScheduling: true, clockOffsetMinutes: 60 }, '2026-01-10T08:00:00.000Z');
    await h.codes.create('front', { name: 'Tonight', code: '135790', window: { starts: { date: '2026-01-10', time: '18:00' }, ends: { date: '2026-01-11', time: '10:00' } } });
    await settle();
    expect((await h.code('Tonight')).status).toBe('unset');
    h.clock.advance('2026-01-10T17:00:00.000Z');
    await settle();
    expect((await h.code('Tonight')).status).toBe('set');
  });

  it('refuses a wall time that does not exist (the spring-forward gap) and an end before the start', async () => {
    h = await createQueueHarness({ nativeScheduling: true }, '2026-03-20T08:00:00.000Z');
    await expect(h.codes.create('front', { code: '246813', window: { starts: { date: '2026-03-29', time: '02:30' }, ends: { date: '2026-03-30', time: '10:00' } } }))
      .rejects.toMatchObject({ code: 'codes.invalid_window', details: { reason: 'nonexistent_local_time' } });
    await expect(h.codes.create('front', { code: '246813', window: { starts: { date: '2026-03-25', time: '10:00' }, ends: { date: '2026-03-24', time: '10:00' } } }))
      .rejects.toMatchObject({ code: 'codes.invalid_window' });
    expect((await h.store.codes('site1')).read().accessCodes).toHaveLength(0);
  });
});

describe('time-bound codes on a lock without native scheduling (no cloud link: Lockbench switches them)', () => {
  const window = { starts: { date: '2026-05-09', time: '15:00' }, ends: { date: '2026-05-11', time: '11:00' } };

  it('says Lockbench will switch it and refuses without the installer confirming; never promises the cloud', async () => {
    h = await createQueueHarness({ nativeScheduling: false }, '2026-05-01T08:00:00.000Z');
    const refused = h.codes.create('front', { code: '975310', window });
    await expect(refused).rejects.toMatchObject({ code: 'codes.needs_confirmation', message: expect.stringMatching(/Lockbench does it/) });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringMatching(/cloud/i) });
    const code = await h.codes.create('front', { code: '975310', window, confirmLockbenchScheduling: true });
    expect(code).toMatchObject({ scheduled_by: 'lockbench', status: 'unset' });
    await settle();
    expect(h.network.memory.get(2)!.size).toBe(0);
    expect((await h.store.codes('site1')).read().operations).toMatchObject([{ kind: 'set_code', reason: 'window_start', not_before: '2026-05-09T13:00:00.000Z', state: 'waiting' }]);
  });

  it('puts the PIN on at its start and takes it off at its end', async () => {
    h = await createQueueHarness({ nativeScheduling: false }, '2026-05-01T08:00:00.000Z');
    const code = await h.codes.create('front', { code: '975310', window, confirmLockbenchScheduling: true });
    h.clock.advance('2026-05-09T13:00:00.000Z');
    await settle();
    expect(await h.codes.list('front')).toMatchObject([{ status: 'set', verified_by: 'read_back' }]);
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('975310');
    h.clock.advance('2026-05-11T09:00:00.000Z');
    await settle();
    expect(h.network.memory.get(2)!.has(code.slot!)).toBe(false);
    const [ended] = await h.codes.list('front');
    expect(ended).toMatchObject({ is_removed: true, warnings: [] });
    expect(ended!.events.at(-1)!.event_type).toBe('access_code.removed_from_device');
  });

  it('a PIN past its end while the lock is away carries a warning until Lockbench reaches the lock and removes it', async () => {
    h = await createQueueHarness({ nativeScheduling: false }, '2026-05-09T12:50:00.000Z');
    const code = await h.codes.create('front', { code: '975310', window, confirmLockbenchScheduling: true });
    h.clock.advance('2026-05-09T13:30:00.000Z');
    await settle();
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('975310');
    await h.unplug();
    h.clock.advance('2026-05-11T09:00:00.000Z');
    await settle();
    const overdue = (await h.codes.list('front'))[0]!;
    expect(overdue).toMatchObject({ status: 'removing', is_removed: false, warnings: [{ error_code: 'delay_in_removing_from_device' }] });
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('975310'); // truly still on the door
    await h.plugIn();
    expect((await h.codes.list('front'))[0]).toMatchObject({ is_removed: true, warnings: [] });
    expect(h.network.memory.get(2)!.has(code.slot!)).toBe(false);
  });

  it('takes over a code stored as "scheduled by the cloud" by an earlier version (no door is linked to the cloud)', async () => {
    h = await createQueueHarness({ nativeScheduling: false }, '2026-05-01T08:00:00.000Z');
    const code = await h.codes.create('front', { code: '975310', window, confirmLockbenchScheduling: true });
    const doc = await h.store.codes('site1');
    await doc.update((d) => {
      d.operations = [];
      d.accessCodes[0]!.scheduled_by = 'cloud';
    });
    await h.restart();
    expect((await h.codes.list('front'))[0]!.scheduled_by).toBe('lockbench');
    h.clock.advance('2026-05-09T13:00:00.000Z');
    await settle();
    expect(h.network.memory.get(2)!.get(code.slot!)).toBe('975310');
  });
});
