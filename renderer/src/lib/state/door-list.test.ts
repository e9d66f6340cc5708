import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../../shared/domain/door';
import type { DoorSummary } from '../../../../shared/domain/door-placement';
import { DoorListState, SUMMARY_DEBOUNCE_MS, type Schedule } from './door-list.svelte';
import { FakeBridge, settle } from '../testing/fake-bridge';
import { sampleCode, sampleDoor } from '../testing/sample-data';

/** A schedule the test runs by hand: what waits, and for how long. */
function manualSchedule() {
  const waiting: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const schedule: Schedule = (run, ms) => {
    const entry = { run, ms, cancelled: false };
    waiting.push(entry);
    return () => (entry.cancelled = true);
  };
  const runDue = () => {
    for (const entry of waiting.splice(0)) if (!entry.cancelled) entry.run();
  };
  const pending = () => waiting.filter((e) => !e.cancelled);
  return { schedule, runDue, pending };
}

function summary(doorId: string, over: Partial<DoorSummary> = {}): DoorSummary {
  return { door_id: doorId, active_codes: 1, waiting: 0, failed: 0, last_check: null, ...over };
}

function setup(doors: DoorView[] = [sampleDoor(), sampleDoor({ id: 'door-2', name: 'Back door', floor: '1', group: 'flat', unit: '1.01' })]) {
  let answer: DoorSummary[] = [summary('door-1'), summary('door-2', { failed: 1 })];
  const bridge = new FakeBridge().handle('doors.summaries', ({ siteId }) => ({ ok: true, value: siteId === 'site-1' ? answer : [] }));
  const timers = manualSchedule();
  const list = new DoorListState(bridge, () => doors, timers.schedule);
  list.start();
  return { bridge, list, timers, setAnswer: (next: DoorSummary[]) => (answer = next) };
}

describe('DoorListState', () => {
  it('loads the selected site summaries and puts doors with problems first when asked', async () => {
    const { bridge, list } = setup();
    await list.select('site-1');
    expect(bridge.sent('doors.summaries')).toEqual([{ siteId: 'site-1' }]);
    expect(list.rows.map((r) => [r.door.name, r.problems])).toEqual([
      ['Front door', ['never_checked']],
      ['Back door', ['failed', 'never_checked']],
    ]);
    expect(list.attentionCount).toBe(1);
    expect(list.shown.map((r) => r.door.name)).toEqual(['Back door', 'Front door']);
    list.sort = 'problems';
    expect(list.shown.map((r) => r.door.name)).toEqual(['Back door', 'Front door']);
    list.sort = 'unit';
    expect(list.shown.map((r) => r.door.name)).toEqual(['Back door', 'Front door']);
    list.dispose();
  });

  it('filters, counts and clears, and a new site starts unfiltered', async () => {
    const { list } = setup();
    await list.select('site-1');
    expect([list.hasFilterBar, list.isFiltered]).toEqual([true, false]);
    expect(list.groups).toEqual({ common: 0, flat: 1, service: 0, none: 1 });
    expect(list.floors).toEqual([{ floor: '1', count: 1 }, { floor: null, count: 1 }]);
    list.setFilter({ group: 'flat' });
    expect([list.isFiltered, list.shownIds()]).toEqual([true, ['door-2']]);
    list.setFilter({ group: 'none' });
    expect(list.attentionCount).toBe(0);
    list.setFilter({ group: 'flat' });
    list.setFilter({ text: 'front' });
    expect(list.shownIds()).toEqual([]);
    list.clearFilter();
    expect(list.shownIds()).toEqual(['door-2', 'door-1']);
    list.setFilter({ floor: '1' });
    await list.select('site-2');
    expect([list.isFiltered, list.summaries]).toEqual([false, {}]);
    list.dispose();
  });

  it('asks again once after a burst of changes on its site, not for other sites', async () => {
    const { bridge, list, timers, setAnswer } = setup();
    await list.select('site-1');
    bridge.emit('codes.changed', sampleCode());
    bridge.emit('queue.changed', { siteId: 'site-1', items: [] });
    bridge.emit('doors.changed', sampleDoor());
    bridge.emit('queue.changed', { siteId: 'site-other', items: [] });
    bridge.emit('doors.changed', sampleDoor({ siteId: 'site-other' }));
    expect(timers.pending().map((t) => t.ms)).toEqual([SUMMARY_DEBOUNCE_MS]);
    setAnswer([summary('door-1', { active_codes: 3 }), summary('door-2')]);
    timers.runDue();
    await settle();
    expect(bridge.sent('doors.summaries')).toHaveLength(2);
    expect(list.summaries['door-1']?.active_codes).toBe(3);
    bridge.setLink('up');
    expect(timers.pending()).toHaveLength(1);
    list.dispose();
    expect(timers.pending()).toHaveLength(0);
    expect(['codes.changed', 'queue.changed', 'doors.changed'].map((c) => bridge.listenerCount(c as 'codes.changed'))).toEqual([0, 0, 0]);
  });

  it('keeps the doors and says so when the summaries cannot be read', async () => {
    const { bridge, list } = setup();
    bridge.refuse('doors.summaries', 'site.not_found');
    await list.select('site-1');
    expect(list.summaryError?.code).toBe('site.not_found');
    expect(list.rows).toHaveLength(2);
    expect(list.rows.every((r) => r.summary === null)).toBe(true);
    list.dispose();
  });

  it('drops an answer for a site no longer selected', async () => {
    const { bridge, list } = setup();
    let finish!: () => void;
    bridge.handle('doors.summaries', () => new Promise((resolve) => (finish = () => resolve({ ok: true, value: [summary('door-1', { active_codes: 9 })] }))));
    const first = list.select('site-1');
    list.siteId = 'site-2';
    finish();
    await first;
    expect(list.summaries).toEqual({});
    list.dispose();
  });
});
