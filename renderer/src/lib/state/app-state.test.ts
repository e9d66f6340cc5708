import { describe, expect, it } from 'vitest';
import { AppState } from './app-state.svelte';
import { FakeBridge, settle } from '../testing/fake-bridge';
import { sampleCode, sampleDoor, sampleQueueItem, sampleSite } from '../testing/sample-data';

function setup(sites = [sampleSite()]) {
  const bridge = new FakeBridge()
    .answer('sites.list', sites)
    .handle('doors.list', ({ siteId }) => ({
      ok: true,
      value: [sampleDoor({ siteId }), sampleDoor({ id: 'door-2', siteId, name: 'Back door', isConnected: false })],
    }));
  return { bridge, app: new AppState(bridge, () => 1000) };
}

describe('AppState', () => {
  it('opens straight on a ready site, its doors and its first door', async () => {
    const { bridge, app } = setup([sampleSite({ id: 'old', state: 'disconnected' }), sampleSite()]);
    expect(app.view).toBe('loading');
    await app.start();
    expect(app.selectedSite?.id).toBe('site-1');
    expect(app.doors.map((d) => d.name)).toEqual(['Front door', 'Back door']);
    expect(app.selectedDoor?.id).toBe('door-1');
    expect(app.view).toBe('site');
    expect(bridge.sent('doors.list')).toEqual([{ siteId: 'site-1' }]);
  });

  it('shows the connect wizard when no site is ready or connecting', async () => {
    const { app } = setup([sampleSite({ state: 'failed', stateMessage: 'stick unplugged' })]);
    await app.start();
    expect(app.selectedSite).toBeNull();
    expect(app.view).toBe('connect');
  });

  it('keeps the store notice from app.info for the banner', async () => {
    const { bridge, app } = setup();
    bridge.answer('app.info', { version: '1', host: 'browser', dataDir: '/d', storeNotice: 'Recovered from the last good copy.', now: '2025-01-01T10:00:00.000Z', demoClock: false });
    await app.start();
    expect(app.storeNotice).toBe('Recovered from the last good copy.');
  });

  it('keeps the sites list error to show', async () => {
    const bridge = new FakeBridge().refuse('sites.list', 'store.corrupt');
    const app = new AppState(bridge);
    await app.start();
    expect(app.loadError?.code).toBe('store.corrupt');
  });

  it('follows sites.changed and reloads the doors when the site becomes ready', async () => {
    const { bridge, app } = setup([sampleSite({ state: 'connecting' })]);
    await app.start();
    expect(app.selectedSite?.state).toBe('connecting');
    bridge.emit('sites.changed', sampleSite({ state: 'ready' }));
    await settle();
    expect(app.selectedSite?.state).toBe('ready');
    expect(bridge.sent('doors.list')).toHaveLength(2);
  });

  it('selects a site that starts connecting when none was selected', async () => {
    const { bridge, app } = setup([]);
    await app.start();
    bridge.emit('sites.changed', sampleSite({ id: 'new', state: 'connecting' }));
    await settle();
    expect(app.selectedSiteId).toBe('new');
  });

  it('updates doors of the selected site from doors.changed and ignores other sites', async () => {
    const { bridge, app } = setup();
    await app.start();
    bridge.emit('doors.changed', sampleDoor({ isConnected: false }));
    bridge.emit('doors.changed', sampleDoor({ id: 'door-3', name: 'Side door' }));
    bridge.emit('doors.changed', sampleDoor({ id: 'elsewhere', siteId: 'site-2' }));
    expect(app.doors.map((d) => [d.id, d.isConnected])).toEqual([
      ['door-1', false],
      ['door-2', false],
      ['door-3', true],
    ]);
  });

  it('keeps the latest activity line per door and per site', async () => {
    const { bridge, app } = setup();
    await app.start();
    bridge.emit('activity', { siteId: 'site-1', doorId: 'door-1', message: 'Reading slot 1' });
    bridge.emit('activity', { siteId: 'site-1', doorId: 'door-2', message: 'Interviewing' });
    bridge.emit('activity', { siteId: 'site-1', doorId: 'door-1', message: 'Reading slot 2' });
    expect(app.latestActivity('site-1', 'door-1')?.message).toBe('Reading slot 2');
    expect(app.latestActivity('site-1')).toMatchObject({ message: 'Reading slot 2', at: 1000 });
    expect(app.latestActivity('site-1', 'door-9')).toBeNull();
  });

  it('counts pending and failing codes per door from codes.changed', async () => {
    const { bridge, app } = setup();
    await app.start();
    bridge.emit('codes.changed', sampleCode({ access_code_id: 'a', status: 'setting' }));
    bridge.emit('codes.changed', sampleCode({ access_code_id: 'b', status: 'setting', errors: [{ error_code: 'failed_to_set_on_device', message: 'no', created_at: 'x' }] }));
    bridge.emit('codes.changed', sampleCode({ access_code_id: 'c', status: 'set' }));
    expect(app.codeProgress('door-1')).toEqual({ pending: 1, failing: 1 });
    bridge.emit('codes.changed', sampleCode({ access_code_id: 'a', status: 'set' }));
    expect(app.codeProgress('door-1')).toEqual({ pending: 0, failing: 1 });
  });

  it('reloads after the link comes back, and unsubscribes on dispose', async () => {
    const { bridge, app } = setup();
    await app.start();
    bridge.setLink('down');
    expect(app.linkState).toBe('down');
    bridge.setLink('up');
    await settle();
    expect(bridge.sent('sites.list')).toHaveLength(2);
    app.dispose();
    expect(bridge.listenerCount('sites.changed')).toBe(0);
  });

  it('says Lockbench is unreachable when the link is down and nothing is loaded', async () => {
    const bridge = new FakeBridge().handle('sites.list', () => ({ ok: false, error: { code: 'transport.disconnected', message: 'x' } }));
    const app = new AppState(bridge);
    bridge.setLink('down');
    await app.start();
    expect(app.view).toBe('unreachable');
    expect(app.loadError?.code).toBe('transport.disconnected');
  });

  it('reconnects the selected site with its own connection, keeping a failure to show', async () => {
    const { bridge, app } = setup([sampleSite({ state: 'failed', stateMessage: 'unplugged' })]);
    await app.start();
    await app.selectSite('site-1');
    bridge.refuse('sites.connect', 'transport.port_not_found');
    await app.reconnect();
    expect(app.reconnectError?.code).toBe('transport.port_not_found');
    bridge.answer('sites.connect', sampleSite({ state: 'ready' }));
    await app.reconnect();
    await settle();
    expect(bridge.sent('sites.connect')).toEqual([{ connection: { kind: 'demo' } }, { connection: { kind: 'demo' } }]);
    expect(app.reconnectError).toBeNull();
    expect(app.selectedSite?.state).toBe('ready');
  });

  it('opens the connect wizard and lands on the site it connected', async () => {
    const { app } = setup();
    await app.start();
    app.openConnect();
    expect(app.view).toBe('connect');
    await app.finishConnect(sampleSite({ id: 'site-2', name: 'Flat 3' }));
    expect(app.view).toBe('site');
    expect(app.selectedSite?.name).toBe('Flat 3');
    expect(app.sites).toHaveLength(2);
  });

  it('keeps the selected site queue, following the site', async () => {
    const { bridge, app } = setup([sampleSite(), sampleSite({ id: 'site-2', name: 'Flat 3' })]);
    bridge.handle('queue.list', ({ siteId }) => ({ ok: true, value: siteId === 'site-1' ? [sampleQueueItem({ door_id: 'door-2', door_name: 'Back door' })] : [] }));
    await app.start();
    await settle();
    expect(app.queue.summaryOf({ id: 'door-2', name: 'Back door' })).toBe('1 change waiting for Back door');
    await app.selectSite('site-2');
    await settle();
    expect(app.queue.items).toEqual([]);
    expect(bridge.sent('queue.list')).toEqual([{ siteId: 'site-1' }, { siteId: 'site-2' }]);
    app.dispose();
    expect(bridge.listenerCount('queue.changed')).toBe(0);
  });

  it('takes a site changed by this window (a new time zone)', async () => {
    const { app } = setup();
    await app.start();
    app.acceptSite(sampleSite({ timeZone: 'Europe/Berlin' }));
    expect(app.selectedSite?.timeZone).toBe('Europe/Berlin');
  });

  it('takes a door changed by this window (its lock\'s clock set, a demo fault)', async () => {
    const { app } = setup();
    await app.start();
    app.acceptDoor(sampleDoor({ demoFault: 'no_answer' }));
    expect(app.selectedDoor?.demoFault).toBe('no_answer');
    app.acceptDoor(sampleDoor({ id: 'elsewhere', siteId: 'site-2' }));
    expect(app.doors.map((d) => d.id)).toEqual(['door-1', 'door-2']);
  });

  it('runs its now from main\'s clock (app.info), and says whether the demo clock can move it', async () => {
    const { app, bridge } = setup();
    bridge.answer('app.info', { version: '1', host: 'browser', dataDir: '/d', storeNotice: null, now: '2026-03-14T14:00:00.000Z', demoClock: true });
    await app.start();
    expect(app.clock.now.toISOString()).toBe('2026-03-14T14:00:00.000Z');
    expect(app.clock.canMove).toBe(true);
    app.dispose();
  });

  it('opens the Bluetooth pairing wizard for the selected site; a door picked or another site closes it', async () => {
    const { app } = setup([sampleSite(), sampleSite({ id: 'site-2', name: 'Other' })]);
    await app.start();
    app.openPair();
    expect(app.view).toBe('pair');
    app.acceptDoor(sampleDoor({ id: 'door-nuki', name: 'Office' }));
    app.selectDoor('door-nuki');
    expect([app.view, app.selectedDoor?.name]).toEqual(['site', 'Office']);
    app.openPair();
    await app.selectSite('site-2');
    expect(app.view).toBe('site');
    app.openPair();
    app.closePair();
    expect(app.view).toBe('site');
  });
});
