import { describe, expect, it } from 'vitest';
import type { NearbyLock } from '../../../../shared/domain/bluetooth';
import type { DoorView } from '../../../../shared/domain/door';
import { BluetoothPairWizard, isDemoSite } from './bluetooth-pair-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleLock, sampleSite } from '../testing/sample-data';

function nearby(over: Partial<NearbyLock> = {}): NearbyLock {
  return { protocol: 'nuki', address: '54:D2:72:3C:88:62', name: 'Nuki_3C8862ED', nukiId: '3C8862ED', rssi: -52, mode: 'pairing', doorId: null, ...over };
}

const office = nearby();
const far = nearby({ address: '54:D2:72:AA:00:01', name: 'Nuki_AA000101', nukiId: 'AA000101', rssi: -84, mode: 'paired' });
const known = nearby({ address: '54:D2:72:BB:00:02', name: 'Nuki_BB000202', nukiId: 'BB000202', rssi: -40, mode: 'paired', doorId: 'door-9' });

const paired = sampleDoor({
  id: 'door-nuki',
  name: 'Office',
  lockAddress: { protocol: 'nuki', address: office.address },
  lock: sampleLock({ address: office.address, manufacturer: 'Nuki', model: 'Smart Lock 3.0 with Keypad', codePlaces: 'lock_ids', securityClass: 'app_key' }),
});

function setup(site = sampleSite(), locks: NearbyLock[] = [far, office, known]) {
  const bridge = new FakeBridge()
    .answer('bluetooth.availability', { state: 'ready' })
    .answer('bluetooth.scan', locks)
    .answer('bluetooth.pair', paired);
  const doors = [sampleDoor({ id: 'door-9', name: 'Back door' })];
  const added: DoorView[] = [];
  const wizard = new BluetoothPairWizard(bridge, site, () => doors, { onPaired: (door) => added.push(door) });
  return { bridge, wizard, added };
}

/** A wizard on the PIN step for `office`, with a valid PIN typed. */
async function onPinStep() {
  const made = setup();
  await made.wizard.start();
  made.wizard.pick(office.address);
  made.wizard.securityPin = '4711';
  made.wizard.doorName = 'Office';
  return made;
}

describe('BluetoothPairWizard', () => {
  it('stops on main\'s one line when Bluetooth cannot be used, and scans nothing', async () => {
    const { bridge, wizard } = setup();
    bridge.answer('bluetooth.availability', { state: 'unavailable', reason: 'powered_off', message: 'Turn Bluetooth on in Windows Settings › Bluetooth & devices.' });
    await wizard.start();
    expect(wizard.step).toBe('availability');
    expect(wizard.unavailableLine).toBe('Turn Bluetooth on in Windows Settings › Bluetooth & devices.');
    expect(bridge.sent('bluetooth.scan')).toEqual([]);
    expect(wizard.canAdvance).toBe(false);

    bridge.answer('bluetooth.availability', { state: 'ready' });
    await wizard.start();
    expect([wizard.step, wizard.unavailableLine]).toEqual(['scan', null]);
    expect(bridge.sent('bluetooth.scan')).toEqual([{ siteId: 'site-1' }]);
  });

  it('keeps the refusal when asking for Bluetooth fails', async () => {
    const { bridge, wizard } = setup();
    bridge.refuse('bluetooth.availability', 'ipc.internal');
    await wizard.start();
    expect(wizard.step).toBe('availability');
    expect(wizard.checkError).toMatchObject({ code: 'ipc.internal' });
  });

  it('lists the locks heard, strongest first; a lock already a door here cannot be picked', async () => {
    const { wizard } = setup();
    await wizard.start();
    expect(wizard.sortedLocks.map((l) => l.name)).toEqual(['Nuki_BB000202', 'Nuki_3C8862ED', 'Nuki_AA000101']);
    expect(wizard.doorNameOf('door-9')).toBe('Back door');
    wizard.pick(known.address);
    expect([wizard.step, wizard.picked]).toEqual(['scan', null]);
  });

  it('pairs a lock in pairing mode: PIN and door name, progress, then the new door', async () => {
    const { bridge, wizard, added } = setup();
    await wizard.start();
    wizard.pick(office.address);
    expect(wizard.step).toBe('pin');
    expect(wizard.pinStepFocus).toBe('pin');
    expect(wizard.doorName).toBe('Nuki_3C8862ED');
    expect(wizard.canAdvance).toBe(false);
    expect(wizard.problem).toBe('Type the lock’s security PIN.');
    wizard.securityPin = '47';
    expect(wizard.problem).toBe('The security PIN is 4 to 6 digits.');
    wizard.securityPin = '4711';
    wizard.doorName = ' ';
    expect(wizard.problem).toBe('Give the door a name (the lock’s own name will do).');
    wizard.doorName = 'Office ';
    expect([wizard.problem, wizard.canAdvance]).toEqual([null, true]);

    let finish!: () => void;
    bridge.handle('bluetooth.pair', () => new Promise((resolve) => (finish = () => resolve({ ok: true, value: paired }))));
    const pairing = wizard.pair();
    expect(wizard.step).toBe('pairing');
    bridge.emit('activity', { siteId: 'site-1', doorId: null, message: 'Exchanging keys with Nuki_3C8862ED…' });
    bridge.emit('activity', { siteId: 'other', doorId: null, message: 'not about this site' });
    expect(wizard.lines).toEqual(['Exchanging keys with Nuki_3C8862ED…']);
    finish();
    expect(await pairing).toBe(true);
    expect(bridge.sent('bluetooth.pair')).toEqual([{ siteId: 'site-1', address: office.address, securityPin: '4711', doorName: 'Office' }]);
    expect(wizard.step).toBe('done');
    expect(wizard.door?.id).toBe('door-nuki');
    expect(wizard.securityPin).toBe('');
    expect(added.map((d) => d.id)).toEqual(['door-nuki']);
    expect(bridge.listenerCount('activity')).toBe(0);
  });

  it('a lock not in pairing mode asks for its button; scanning again goes on once it is', async () => {
    const { bridge, wizard } = setup();
    await wizard.start();
    wizard.pick(far.address);
    expect(wizard.step).toBe('button');
    expect(wizard.doorName).toBe('Nuki_AA000101');

    await wizard.scanForPairingMode();
    expect(wizard.step).toBe('button');
    expect(wizard.buttonNote).toMatch(/not in pairing mode yet/);

    bridge.answer('bluetooth.scan', [office]);
    await wizard.scanForPairingMode();
    expect(wizard.buttonNote).toMatch(/not heard this time/);

    bridge.answer('bluetooth.scan', [{ ...far, mode: 'pairing', rssi: -70 }]);
    await wizard.scanForPairingMode();
    expect(wizard.step).toBe('pin');
    expect(wizard.picked).toMatchObject({ mode: 'pairing', rssi: -70 });
  });

  it('the installer may go on when the ring is lit but the scan cannot tell', async () => {
    const { wizard } = setup(sampleSite(), [nearby({ mode: 'unknown' })]);
    await wizard.start();
    wizard.pick(office.address);
    expect(wizard.step).toBe('button');
    wizard.continueToPin();
    expect(wizard.step).toBe('pin');
  });

  it('on the demo site the virtual lock\'s button is held by demo.nukiButton, then it scans again', async () => {
    const demo = sampleSite({ id: 'demo', connections: [{ kind: 'demo' }, { kind: 'bluetooth', radio: 'demo' }] });
    const { bridge, wizard } = setup(demo, [far]);
    expect(wizard.isDemoSite).toBe(true);
    await wizard.start();
    wizard.pick(far.address);
    bridge.handle('demo.nukiButton', () => {
      bridge.answer('bluetooth.scan', [{ ...far, mode: 'pairing' }]);
      return { ok: true, value: { pairingMode: true } };
    });
    await wizard.pressDemoButton();
    expect(bridge.sent('demo.nukiButton')).toEqual([{ siteId: 'demo', address: far.address }]);
    expect(bridge.sent('bluetooth.scan')).toHaveLength(2);
    expect(wizard.step).toBe('pin');
  });

  it('does not press a virtual button on a real site, and keeps a refusal of the button on its step', async () => {
    const real = setup(sampleSite({ connections: [{ kind: 'bluetooth', radio: 'system' }] }), [far]);
    expect(real.wizard.isDemoSite).toBe(false);
    await real.wizard.start();
    real.wizard.pick(far.address);
    await real.wizard.pressDemoButton();
    expect(real.bridge.sent('demo.nukiButton')).toEqual([]);

    const demo = setup(sampleSite({ id: 'demo' }), [far]);
    await demo.wizard.start();
    demo.wizard.pick(far.address);
    demo.bridge.refuse('demo.nukiButton', 'site.not_demo');
    await demo.wizard.pressDemoButton();
    expect([demo.wizard.step, demo.wizard.buttonError?.code, demo.wizard.isPressingButton]).toEqual(['button', 'site.not_demo', false]);
  });

  it('a lock that left pairing mode sends the installer back to its button, keeping the PIN and name', async () => {
    const { bridge, wizard } = await onPinStep();
    bridge.refuse('bluetooth.pair', 'lock.not_pairing');
    expect(await wizard.pair()).toBe(false);
    expect(wizard.step).toBe('button');
    expect(wizard.pairError).toMatchObject({ code: 'lock.not_pairing' });
    expect([wizard.securityPin, wizard.doorName]).toEqual(['4711', 'Office']);
  });

  it('a refused security PIN stays on the PIN step with the PIN cleared and focused, the name kept', async () => {
    const { bridge, wizard } = await onPinStep();
    bridge.refuse('bluetooth.pair', 'lock.bad_security_pin');
    await wizard.pair();
    expect(wizard.step).toBe('pin');
    expect(wizard.pairError).toMatchObject({ code: 'lock.bad_security_pin' });
    expect([wizard.securityPin, wizard.doorName, wizard.pinStepFocus]).toEqual(['', 'Office', 'pin']);
    expect(wizard.canAdvance).toBe(false);
  });

  it('any other refusal keeps everything typed and offers to try again', async () => {
    for (const code of ['lock.no_answer', 'lock.connection_lost', 'ble.unavailable', 'ipc.internal'] as const) {
      const { bridge, wizard } = await onPinStep();
      bridge.refuse('bluetooth.pair', code);
      await wizard.pair();
      expect([wizard.step, wizard.pairError?.code, wizard.securityPin, wizard.doorName, wizard.pinStepFocus]).toEqual(['pin', code, '4711', 'Office', 'submit']);
      expect(wizard.canAdvance).toBe(true);
    }
  });

  it('sends nothing while the PIN or the name will not do', async () => {
    const { bridge, wizard } = await onPinStep();
    wizard.securityPin = '12ab';
    expect(wizard.problem).toBe('The security PIN has digits only.');
    expect(await wizard.pair()).toBe(false);
    expect(bridge.sent('bluetooth.pair')).toEqual([]);
  });

  it('a name the installer typed survives picking another lock; the lock\'s own name follows the pick', async () => {
    const { wizard } = setup();
    await wizard.start();
    wizard.pick(far.address);
    wizard.back();
    wizard.pick(office.address);
    expect(wizard.doorName).toBe('Nuki_3C8862ED');
    wizard.doorName = 'Office';
    wizard.back();
    wizard.pick(far.address);
    expect(wizard.doorName).toBe('Office');
  });

  it('a scan that finds Bluetooth gone shows its line; another refusal stays on the list', async () => {
    const { bridge, wizard } = setup();
    await wizard.start();
    bridge.refuse('bluetooth.scan', 'lock.busy');
    await wizard.scan();
    expect([wizard.step, wizard.scanError?.code]).toEqual(['scan', 'lock.busy']);
    bridge.handle('bluetooth.scan', () => ({ ok: false, error: { code: 'ble.unavailable', message: 'Plug in a Bluetooth adapter.' } }));
    await wizard.scan();
    expect([wizard.step, wizard.unavailableLine]).toEqual(['availability', 'Plug in a Bluetooth adapter.']);
  });

  it('pairs another lock from a fresh scan', async () => {
    const { bridge, wizard } = await onPinStep();
    await wizard.pair();
    await wizard.again();
    expect([wizard.step, wizard.picked, wizard.doorName, wizard.door]).toEqual(['scan', null, '', null]);
    expect(bridge.sent('bluetooth.scan')).toHaveLength(2);
  });

  it('knows the demo site by its id or its demo connections', () => {
    expect(isDemoSite({ id: 'demo', connections: [{ kind: 'serial', path: 'COM3' }] })).toBe(true);
    expect(isDemoSite({ id: 's', connections: [{ kind: 'bluetooth', radio: 'demo' }] })).toBe(true);
    expect(isDemoSite({ id: 's', connections: [{ kind: 'bluetooth', radio: 'system' }] })).toBe(false);
  });
});
