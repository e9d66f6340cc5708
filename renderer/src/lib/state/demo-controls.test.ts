import { describe, expect, it } from 'vitest';
import { DemoControls, type DemoFaultMemory } from './demo-controls.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleSite } from '../testing/sample-data';

async function setup(site = sampleSite(), memory: DemoFaultMemory = new Map()) {
  const bridge = new FakeBridge().answer('sites.list', [site]);
  const demo = new DemoControls(bridge, 'door-1', site.id, memory);
  await demo.start();
  return { bridge, demo, memory };
}

describe('DemoControls', () => {
  it('shows on the demo site, starting with no fault', async () => {
    const { demo } = await setup();
    expect(demo.isDemoSite).toBe(true);
    expect(demo.fault).toBe('none');
    expect(demo.canToggle).toBe(true);
  });

  it('stays hidden on a real site and sends nothing', async () => {
    const { bridge, demo } = await setup(sampleSite({ connection: { kind: 'serial', path: '/dev/ttyACM0' } }));
    expect(demo.isDemoSite).toBe(false);
    await demo.toggle();
    expect(bridge.sent('demo.simulate')).toEqual([]);
  });

  it('sends the door and the other fault, and flips only after the main process accepts it', async () => {
    const { bridge, demo } = await setup();
    let accept!: () => void;
    bridge.handle('demo.simulate', () => new Promise((resolve) => (accept = () => resolve({ ok: true, value: sampleDoor() }))));
    const sending = demo.toggle();
    expect(demo.isSending).toBe(true);
    expect(demo.fault).toBe('none');
    expect(demo.canToggle).toBe(false);
    accept();
    await sending;
    expect(bridge.sent('demo.simulate')).toEqual([{ doorId: 'door-1', fault: 'no_answer' }]);
    expect([demo.fault, demo.isSending]).toEqual(['no_answer', false]);

    bridge.answer('demo.simulate', sampleDoor());
    await demo.toggle();
    expect(bridge.sent('demo.simulate')).toEqual([
      { doorId: 'door-1', fault: 'no_answer' },
      { doorId: 'door-1', fault: 'none' },
    ]);
    expect(demo.fault).toBe('none');
  });

  it('keeps the fault and the error when refused; the next try clears the error', async () => {
    const { bridge, demo } = await setup();
    bridge.refuse('demo.simulate', 'site.not_demo');
    await demo.toggle();
    expect(demo.fault).toBe('none');
    expect(demo.error).toMatchObject({ code: 'site.not_demo' });
    expect(demo.isSending).toBe(false);

    bridge.answer('demo.simulate', sampleDoor());
    await demo.toggle();
    expect(demo.error).toBeNull();
    expect(demo.fault).toBe('no_answer');
  });

  it('remembers the fault when the door view is opened again', async () => {
    const { bridge, demo, memory } = await setup();
    bridge.answer('demo.simulate', sampleDoor());
    await demo.toggle();
    demo.dispose();
    const again = new DemoControls(bridge, 'door-1', 'site-1', memory);
    expect(again.fault).toBe('no_answer');
    expect(new DemoControls(bridge, 'door-2', 'site-1', memory).fault).toBe('none');
  });

  it('forgets the fault when the demo site reconnects (a fresh virtual stick) and waits for it to be ready', async () => {
    const { bridge, demo, memory } = await setup();
    bridge.answer('demo.simulate', sampleDoor());
    await demo.toggle();
    bridge.emit('sites.changed', sampleSite({ id: 'site-2', state: 'connecting' }));
    expect(demo.fault).toBe('no_answer');
    bridge.emit('sites.changed', sampleSite({ state: 'connecting' }));
    expect([demo.fault, demo.canToggle]).toEqual(['none', false]);
    expect(memory.size).toBe(0);
    bridge.emit('sites.changed', sampleSite({ state: 'ready' }));
    expect(demo.canToggle).toBe(true);
  });

  it('learns the site from sites.changed when sites.list failed, and unsubscribes on dispose', async () => {
    const bridge = new FakeBridge().refuse('sites.list', 'ipc.internal');
    const demo = new DemoControls(bridge, 'door-1', 'site-1', new Map());
    await demo.start();
    expect(demo.isDemoSite).toBe(false);
    bridge.emit('sites.changed', sampleSite());
    expect(demo.isDemoSite).toBe(true);
    demo.dispose();
    expect(bridge.listenerCount('sites.changed')).toBe(0);
  });
  it('types a code on the virtual keypad through demo.keypad', async () => {
    const bridge = new FakeBridge().answer('sites.list', [sampleSite({ id: 'site-1', connection: { kind: 'demo' } })]).answer('demo.keypad', { sent: true });
    const demo = new DemoControls(bridge, 'door-1', 'site-1', new Map());
    await demo.start();
    await demo.typeOnKeypad('code-1');
    expect(bridge.sent('demo.keypad')).toEqual([{ doorId: 'door-1', accessCodeId: 'code-1' }]);
    expect(demo.error).toBeNull();
  });
});
