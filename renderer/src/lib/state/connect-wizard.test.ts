import { describe, expect, it } from 'vitest';
import type { SiteView } from '../../../../shared/domain/site';
import { ConnectWizard, parseTypedAddress, sameConnection } from './connect-wizard.svelte';
import { ZonePicker } from './zone-picker.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleSite } from '../testing/sample-data';
import type { LockbenchBridge } from '../../../../shared/bridge';

const zones = Intl.supportedValuesOf('timeZone');
/** A wizard for a site this laptop knows with its zone chosen (reconnecting: no zone step) unless `known` says otherwise. */
const wizardFor = (bridge: LockbenchBridge, known: SiteView[] = [sampleSite(), sampleSite({ id: 'site-2', connections: [{ kind: 'serial', path: '/dev/ttyACM0' }] }), sampleSite({ id: 'site-3', connections: [{ kind: 'tcp', url: 'tcp://10.0.0.5:4001' }] })]) =>
  new ConnectWizard(bridge, () => known, new ZonePicker(zones, 'Europe/Berlin', () => new Date('2026-01-10T12:00:00Z')));

const port = (path: string, stickName: string | null = null) => ({ path, manufacturer: null, vendorId: null, productId: null, stickName });

describe('parseTypedAddress', () => {
  it('reads serial paths and tcp addresses', () => {
    expect(parseTypedAddress(' /dev/ttyACM0 ').connection).toEqual({ kind: 'serial', path: '/dev/ttyACM0' });
    expect(parseTypedAddress('COM3').connection).toEqual({ kind: 'serial', path: 'COM3' });
    expect(parseTypedAddress('tcp://10.0.0.5:4001').connection).toEqual({ kind: 'tcp', url: 'tcp://10.0.0.5:4001' });
    expect(parseTypedAddress('tcp://10.0.0.5')).toMatchObject({ connection: null, problem: expect.stringContaining('tcp://') });
    expect(parseTypedAddress('')).toEqual({ connection: null, problem: null });
  });
});

describe('ConnectWizard', () => {
  it('lists ports with recognised sticks first and preselects one', async () => {
    const bridge = new FakeBridge().answer('ports.list', { ports: [port('/dev/ttyS0'), port('/dev/ttyACM0', 'Zooz ZST10 700')], listError: null });
    const wizard = new ConnectWizard(bridge);
    await wizard.loadPorts();
    expect(wizard.ports.map((p) => p.path)).toEqual(['/dev/ttyACM0', '/dev/ttyS0']);
    expect(wizard.selectedPath).toBe('/dev/ttyACM0');
  });

  it('cannot advance before a port is picked or typed', () => {
    const wizard = new ConnectWizard(new FakeBridge());
    expect(wizard.source).toBe('port');
    expect(wizard.connection).toBeNull();
    expect(wizard.canAdvance).toBe(false);
  });

  it('keeps the listing error and lets the installer type a path', async () => {
    const bridge = new FakeBridge().answer('ports.list', { ports: [], listError: 'permission denied' });
    const wizard = new ConnectWizard(bridge);
    await wizard.loadPorts();
    expect(wizard.listError).toBe('permission denied');
    wizard.source = 'typed';
    expect(wizard.canAdvance).toBe(false);
    wizard.typedAddress = 'COM3';
    expect(wizard.canAdvance).toBe(true);
    expect(wizard.connection).toEqual({ kind: 'serial', path: 'COM3' });
  });

  it('connects the demo site, collects activity lines, then shows the locks', async () => {
    const bridge = new FakeBridge();
    bridge.handle('sites.connect', () => {
      bridge.emit('activity', { siteId: null, doorId: null, message: 'Opening the demo stick' });
      bridge.emit('activity', { siteId: 'site-1', doorId: 'door-1', message: 'Interviewing Front door' });
      return { ok: true, value: sampleSite() };
    });
    bridge.answer('doors.list', [sampleDoor(), sampleDoor({ id: 'door-2', isConnected: false })]);
    const wizard = wizardFor(bridge);
    await wizard.connectDemo();
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'demo' } }]);
    expect(wizard.lines).toEqual(['Opening the demo stick', 'Interviewing Front door']);
    expect(wizard.step).toBe('locks');
    expect(wizard.doors).toHaveLength(2);
    expect(wizard.onlineCount).toBe(1);
    expect(wizard.canAdvance).toBe(true);
    expect(bridge.listenerCount('activity')).toBe(0);
  });

  it('sends a serial connection with the site name', async () => {
    const bridge = new FakeBridge().answer('sites.connect', sampleSite()).answer('doors.list', []);
    const wizard = wizardFor(bridge);
    wizard.choosePort('/dev/ttyACM0');
    wizard.siteName = ' Flat 3 ';
    await wizard.connect();
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'serial', path: '/dev/ttyACM0' }, name: 'Flat 3' }]);
  });

  it('stays on connecting with the error, and goes back keeping the choice', async () => {
    const bridge = new FakeBridge().refuse('sites.connect', 'transport.open_failed');
    const wizard = wizardFor(bridge);
    wizard.source = 'typed';
    wizard.typedAddress = 'tcp://10.0.0.5:4001';
    await wizard.connect();
    expect(wizard.step).toBe('connecting');
    expect(wizard.errors.connecting?.code).toBe('transport.open_failed');
    wizard.back();
    expect(wizard.step).toBe('source');
    expect(wizard.connection).toEqual({ kind: 'tcp', url: 'tcp://10.0.0.5:4001' });
  });

  it('treats a site that comes back failed as a connecting error with its message', async () => {
    const bridge = new FakeBridge().answer('sites.connect', sampleSite({ state: 'failed', stateMessage: 'No answer from the stick' }));
    const wizard = wizardFor(bridge);
    await wizard.connectDemo();
    expect(wizard.errors.connecting).toEqual({ code: 'transport.open_failed', message: 'No answer from the stick' });
  });

  it('keeps a doors.list failure on the locks step', async () => {
    const bridge = new FakeBridge().answer('sites.connect', sampleSite()).refuse('doors.list', 'site.not_connected');
    const wizard = wizardFor(bridge);
    await wizard.connectDemo();
    expect(wizard.step).toBe('locks');
    expect(wizard.errors.locks?.code).toBe('site.not_connected');
  });

  it('asks the time zone of a new site, offering this laptop\'s zone in one tap, and sends it with the connection', async () => {
    const bridge = new FakeBridge().handle('sites.connect', ({ timeZone }) => ({ ok: true, value: sampleSite({ timeZone: timeZone ?? 'UTC', timeZoneConfirmed: timeZone !== undefined }) }));
    bridge.answer('doors.list', []);
    const wizard = wizardFor(bridge, []);
    await wizard.connectDemo();
    expect(wizard.step).toBe('zone');
    expect(bridge.sent('sites.connect')).toEqual([]);
    expect(wizard.zonePicker.laptopZone).toBe('Europe/Berlin');
    await wizard.useZone(wizard.zonePicker.laptopZone);
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'demo' }, timeZone: 'Europe/Berlin' }]);
    expect(bridge.sent('sites.update')).toEqual([]);
    expect(wizard.step).toBe('locks');
    expect(wizard.site?.timeZone).toBe('Europe/Berlin');
  });

  it('finds another zone by city or country; cannot go on before one is chosen; back keeps the answers', async () => {
    const bridge = new FakeBridge().answer('sites.connect', sampleSite({ timeZone: 'Asia/Kolkata' })).answer('doors.list', []);
    const wizard = wizardFor(bridge, []);
    wizard.choosePort('/dev/ttyUSB0');
    await wizard.connect();
    expect(wizard.step).toBe('zone');
    wizard.zonePicker.query = 'india';
    expect(wizard.zonePicker.chosen).toBeNull();
    expect(wizard.canAdvance).toBe(false);
    wizard.zonePicker.pick('Asia/Kolkata');
    expect(wizard.canAdvance).toBe(true);
    wizard.back();
    expect(wizard.step).toBe('source');
    await wizard.connect();
    expect([wizard.step, wizard.zonePicker.chosen]).toEqual(['zone', 'Asia/Kolkata']);
    await wizard.useZone();
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'serial', path: '/dev/ttyUSB0' }, timeZone: 'Asia/Kolkata' }]);
  });

  it('saves the answer with sites.update when main kept a known site\'s stored zone', async () => {
    const demo = sampleSite({ timeZone: 'UTC', timeZoneConfirmed: false });
    const bridge = new FakeBridge()
      .answer('sites.connect', demo)
      .handle('sites.update', ({ timeZone }) => ({ ok: true, value: { ...demo, timeZone: timeZone!, timeZoneConfirmed: true } }))
      .answer('doors.list', []);
    const wizard = wizardFor(bridge, [demo]);
    await wizard.connectDemo();
    expect(wizard.step).toBe('zone');
    wizard.zonePicker.query = 'New York';
    await wizard.useZone();
    expect(bridge.sent('sites.update')).toEqual([{ siteId: 'site-1', timeZone: 'America/New_York' }]);
    expect(wizard.site).toMatchObject({ timeZone: 'America/New_York', timeZoneConfirmed: true });
    expect(wizard.step).toBe('locks');
  });

  it('knows one controller by its connection', () => {
    expect(sameConnection({ kind: 'demo' }, { kind: 'demo' })).toBe(true);
    expect(sameConnection({ kind: 'serial', path: 'COM3' }, { kind: 'serial', path: 'COM3' })).toBe(true);
    expect(sameConnection({ kind: 'serial', path: 'COM3' }, { kind: 'serial', path: 'COM4' })).toBe(false);
    expect(sameConnection({ kind: 'serial', path: 'COM3' }, { kind: 'demo' })).toBe(false);
  });
});
