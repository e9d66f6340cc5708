import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../../shared/domain/door';
import { DemoControls } from './demo-controls.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleSite } from '../testing/sample-data';

async function setup(site = sampleSite(), door: DoorView = sampleDoor({ demoFault: 'none' })) {
  const bridge = new FakeBridge().answer('sites.list', [site]);
  const state = { door };
  const changed: DoorView[] = [];
  const demo = new DemoControls(bridge, () => state.door, (d) => {
    changed.push(d);
    state.door = d;
  });
  await demo.start();
  return { bridge, demo, state, changed };
}

describe('DemoControls', () => {
  it('shows on the demo site with main\'s fault for the door (a reload shows it)', async () => {
    const { demo } = await setup();
    expect(demo.isDemoSite).toBe(true);
    expect(demo.fault).toBe('none');
    expect(demo.canToggle).toBe(true);
    const again = await setup(sampleSite(), sampleDoor({ demoFault: 'no_answer' }));
    expect(again.demo.fault).toBe('no_answer');
    expect(again.demo.nextFault).toBe('none');
  });

  it('stays hidden on a real site and sends nothing', async () => {
    const { bridge, demo } = await setup(sampleSite({ connections: [{ kind: 'serial', path: '/dev/ttyACM0' }] }), sampleDoor({ demoFault: null }));
    expect(demo.isDemoSite).toBe(false);
    await demo.toggle();
    expect(bridge.sent('demo.simulate')).toEqual([]);
  });

  it('sends the door and the other fault, and shows main\'s answer as the door\'s new state', async () => {
    const { bridge, demo, changed } = await setup();
    let accept!: () => void;
    bridge.handle('demo.simulate', () => new Promise((resolve) => (accept = () => resolve({ ok: true, value: sampleDoor({ demoFault: 'no_answer' }) }))));
    const sending = demo.toggle();
    expect(demo.isSending).toBe(true);
    expect(demo.fault).toBe('none');
    expect(demo.canToggle).toBe(false);
    accept();
    await sending;
    expect(bridge.sent('demo.simulate')).toEqual([{ doorId: 'door-1', fault: 'no_answer' }]);
    expect([demo.fault, demo.isSending]).toEqual(['no_answer', false]);
    expect(changed.map((d) => d.demoFault)).toEqual(['no_answer']);

    bridge.answer('demo.simulate', sampleDoor({ demoFault: 'none' }));
    await demo.toggle();
    expect(bridge.sent('demo.simulate')).toEqual([
      { doorId: 'door-1', fault: 'no_answer' },
      { doorId: 'door-1', fault: 'none' },
    ]);
    expect(demo.fault).toBe('none');
  });

  it('follows its own answer while the door carries no fault (an older main)', async () => {
    const { bridge, demo } = await setup(sampleSite(), sampleDoor({ demoFault: null }));
    bridge.answer('demo.simulate', sampleDoor({ demoFault: null }));
    await demo.toggle();
    expect(demo.fault).toBe('no_answer');
  });

  it('keeps the fault and the error when refused; the next try clears the error', async () => {
    const { bridge, demo } = await setup();
    bridge.refuse('demo.simulate', 'site.not_demo');
    await demo.toggle();
    expect(demo.fault).toBe('none');
    expect(demo.error).toMatchObject({ code: 'site.not_demo' });
    expect(demo.isSending).toBe(false);

    bridge.answer('demo.simulate', sampleDoor({ demoFault: 'no_answer' }));
    await demo.toggle();
    expect(demo.error).toBeNull();
    expect(demo.fault).toBe('no_answer');
  });

  it('waits for the demo site to be ready again after it reconnects', async () => {
    const { bridge, demo } = await setup();
    bridge.emit('sites.changed', sampleSite({ id: 'site-2', state: 'connecting' }));
    expect(demo.canToggle).toBe(true);
    bridge.emit('sites.changed', sampleSite({ state: 'connecting' }));
    expect(demo.canToggle).toBe(false);
    bridge.emit('sites.changed', sampleSite({ state: 'ready' }));
    expect(demo.canToggle).toBe(true);
  });

  it('learns the site from sites.changed when sites.list failed, and unsubscribes on dispose', async () => {
    const bridge = new FakeBridge().refuse('sites.list', 'ipc.internal');
    const demo = new DemoControls(bridge, () => sampleDoor());
    await demo.start();
    expect(demo.isDemoSite).toBe(false);
    bridge.emit('sites.changed', sampleSite());
    expect(demo.isDemoSite).toBe(true);
    demo.dispose();
    expect(bridge.listenerCount('sites.changed')).toBe(0);
  });

  it('types a code on the virtual keypad through demo.keypad', async () => {
    const bridge = new FakeBridge().answer('sites.list', [sampleSite({ id: 'site-1', connections: [{ kind: 'demo' }] })]).answer('demo.keypad', { sent: true });
    const demo = new DemoControls(bridge, () => sampleDoor());
    await demo.start();
    await demo.typeOnKeypad('code-1');
    expect(bridge.sent('demo.keypad')).toEqual([{ doorId: 'door-1', accessCodeId: 'code-1' }]);
    expect(demo.error).toBeNull();
  });
});

describe('DemoControls on a Bluetooth (Nuki) door', () => {
  const nukiDoor = sampleDoor({ demoFault: 'none', lockAddress: { protocol: 'nuki', address: '54:D2:72:3C:88:62' } });

  it('says "out of range" for a lock that does not answer and also offers a refused security PIN', async () => {
    const { demo } = await setup(sampleSite(), nukiDoor);
    expect([demo.isBluetooth, demo.isNuki]).toEqual([true, true]);
    expect(demo.faults).toEqual(['none', 'no_answer', 'wrong_security_pin']);
    expect(demo.faultWords('no_answer')).toBe('is out of range');
    expect(demo.faultWords('wrong_security_pin')).toBe('refuses its security PIN');
  });

  it('a Z-Wave door keeps "not answering" and has no security PIN fault', async () => {
    const { bridge, demo } = await setup();
    expect(demo.faults).toEqual(['none', 'no_answer']);
    expect(demo.faultWords('no_answer')).toBe('is not answering');
    await demo.simulate('wrong_security_pin');
    expect(bridge.sent('demo.simulate')).toEqual([]);
  });

  it('sends the refused security PIN fault, and the toggle then turns it off', async () => {
    const { bridge, demo } = await setup(sampleSite(), nukiDoor);
    bridge.answer('demo.simulate', { ...nukiDoor, demoFault: 'wrong_security_pin' });
    await demo.simulate('wrong_security_pin');
    expect(demo.fault).toBe('wrong_security_pin');
    expect(demo.nextFault).toBe('none');
    bridge.answer('demo.simulate', nukiDoor);
    await demo.toggle();
    expect(bridge.sent('demo.simulate')).toEqual([
      { doorId: 'door-1', fault: 'wrong_security_pin' },
      { doorId: 'door-1', fault: 'none' },
    ]);
    expect(demo.fault).toBe('none');
  });
});
