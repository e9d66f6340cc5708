import { describe, expect, it, vi } from 'vitest';
import { createElectronBridge } from './electron-bridge';
import { sampleSite } from '../testing/sample-data';

describe('createElectronBridge', () => {
  it('checks answers and events against the contract', async () => {
    let push: (payload: unknown) => void = () => {};
    const raw = {
      invoke: vi.fn(async (channel: string) => (channel === 'sites.list' ? { ok: true, value: [sampleSite()] } : { ok: true, value: 'bad' })),
      subscribe: vi.fn((_channel: string, listener: (payload: unknown) => void) => {
        push = listener;
        return () => {};
      }),
    };
    const report = vi.fn();
    const bridge = createElectronBridge(raw, report);
    expect(await bridge.request('sites.list', {})).toEqual({ ok: true, value: [sampleSite()] });
    expect(await bridge.request('ports.list', {})).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    const seen = vi.fn();
    bridge.on('sites.changed', seen);
    push({ nope: true });
    push(sampleSite({ state: 'connecting' }));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(bridge.linkState).toBe('up');
  });

  it('turns a rejected invoke into transport.disconnected', async () => {
    const bridge = createElectronBridge({ invoke: () => Promise.reject(new Error('gone')), subscribe: () => () => {} }, vi.fn());
    expect(await bridge.request('sites.list', {})).toMatchObject({ ok: false, error: { code: 'transport.disconnected' } });
  });
});
