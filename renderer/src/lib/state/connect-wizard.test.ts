import { describe, expect, it } from 'vitest';
import { ConnectWizard, parseTypedAddress } from './connect-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleSite } from '../testing/sample-data';

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
    const wizard = new ConnectWizard(bridge);
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
    const wizard = new ConnectWizard(bridge);
    wizard.choosePort('/dev/ttyACM0');
    wizard.siteName = ' Flat 3 ';
    await wizard.connect();
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'serial', path: '/dev/ttyACM0' }, name: 'Flat 3' }]);
  });

  it('stays on connecting with the error, and goes back keeping the choice', async () => {
    const bridge = new FakeBridge().refuse('sites.connect', 'transport.open_failed');
    const wizard = new ConnectWizard(bridge);
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
    const wizard = new ConnectWizard(bridge);
    await wizard.connectDemo();
    expect(wizard.errors.connecting).toEqual({ code: 'transport.open_failed', message: 'No answer from the stick' });
  });

  it('keeps a doors.list failure on the locks step', async () => {
    const bridge = new FakeBridge().answer('sites.connect', sampleSite()).refuse('doors.list', 'site.not_connected');
    const wizard = new ConnectWizard(bridge);
    await wizard.connectDemo();
    expect(wizard.step).toBe('locks');
    expect(wizard.errors.locks?.code).toBe('site.not_connected');
  });
});
