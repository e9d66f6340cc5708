import { describe, expect, it } from 'vitest';
import type { ShardedStore } from '../store/store-v2';
import { createWorkSignal } from './work-signal';

/** Two sites' queues as the site files hold them; `reads` counts how often a site file was read. */
function storeWith(states: Record<string, string[]>) {
  const counter = { reads: 0 };
  const store = {
    index: { read: () => ({ sites: Object.keys(states).map((id) => ({ id })) }) },
    codes: async (siteId: string) => ({
      read: () => (counter.reads++, { operations: states[siteId]!.map((state) => ({ state })) }),
    }),
  } as unknown as ShardedStore;
  return { store, counter };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWorkSignal', () => {
  it('counts the changes waiting or on the air on every site (failed, done and cancelled are not work)', async () => {
    const { store } = storeWith({ house: ['waiting', 'running', 'failed', 'done'], building: ['waiting', 'cancelled'] });
    expect(await createWorkSignal(store, () => {}).changesInProgress()).toBe(3);
  });

  it('tells listeners when the count moves, once for a burst of queue changes', async () => {
    const states = { house: ['waiting', 'running'] };
    const { store, counter } = storeWith(states);
    const work = createWorkSignal(store, () => {});
    work.note(); // nobody listens: nothing is read
    expect(counter.reads).toBe(0);
    const heard: number[] = [];
    const stop = work.onChange((n) => heard.push(n));
    for (let i = 0; i < 50; i++) work.note();
    await settle();
    expect([heard, counter.reads]).toEqual([[2], 1]);
    work.note(); // same count: not told again
    await settle();
    states.house = ['done', 'done'];
    work.note();
    await settle();
    expect(heard).toEqual([2, 0]);
    stop();
  });
});
