import { describe, expect, it } from 'vitest';
import { siteStatusOf } from './site-status';

describe('a site state from its connections', () => {
  it('is ready only when every connection is, connecting while one opens, failed with the failing one\'s reason', () => {
    const ready = { protocol: 'zwave' as const, state: 'ready' as const, message: null };
    expect(siteStatusOf([ready, { ...ready, protocol: 'nuki' }])).toEqual({ state: 'ready', message: null });
    expect(siteStatusOf([ready, { protocol: 'nuki', state: 'connecting', message: null }])).toEqual({ state: 'connecting', message: null });
    expect(siteStatusOf([{ protocol: 'nuki', state: 'connecting', message: null }, { ...ready, state: 'failed', message: 'stick pulled' }])).toEqual({ state: 'failed', message: 'stick pulled' });
    expect(siteStatusOf([])).toEqual({ state: 'disconnected', message: null });
    expect(siteStatusOf([{ ...ready, state: 'disconnected' }, ready])).toEqual({ state: 'disconnected', message: null });
  });
});
