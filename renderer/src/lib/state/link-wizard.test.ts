import { describe, expect, it } from 'vitest';
import { LinkWizard } from './link-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDevice } from '../testing/cloud-samples';
import { sampleDoor } from '../testing/sample-data';
import type { DoorView } from '../../../../shared/domain/door';

const front = sampleDoor();
const back = sampleDoor({ id: 'door-2', name: 'Back door' });
const frontLock = sampleDevice();
const backLock = sampleDevice({ device_id: 'dev-2', name: 'Back door lock', serial_number: 'SN-2' });

function setup(doors: DoorView[] = [front, back]) {
  const bridge = new FakeBridge().answer('cloud.devices', {
    devices: [frontLock, backLock],
    suggestions: [
      { door_id: 'door-1', device_id: 'dev-1', reason: 'serial' },
      { door_id: 'door-2', device_id: 'dev-2', reason: 'name' },
    ],
  });
  const linked: DoorView[][] = [];
  const wizard = new LinkWizard(bridge, 'site-1', () => doors, { onLinked: (d) => linked.push(d) });
  return { bridge, wizard, linked };
}

describe('LinkWizard', () => {
  it('reads the devices for the site and pre-fills each door from the suggestions', async () => {
    const { bridge, wizard } = setup();
    expect(wizard.step).toBe('loading');
    await wizard.load();
    expect(bridge.sent('cloud.devices')).toEqual([{ siteId: 'site-1' }]);
    expect(wizard.step).toBe('choose');
    expect(wizard.choices).toEqual({ 'door-1': 'dev-1', 'door-2': 'dev-2' });
    expect(wizard.suggestionFor('door-1')?.reason).toBe('serial');
    expect(wizard.canAdvance).toBe(true);
    expect(wizard.submitLabel).toBe('Link 2 doors');
  });

  it('a door already linked keeps its link, and sends nothing for it', async () => {
    const linkedFront = sampleDoor({ cloud: { device_id: 'dev-1', linked_at: '2026-03-14T13:00:00Z', facts: null } });
    const { wizard } = setup([linkedFront, back]);
    await wizard.load();
    expect(wizard.changes).toEqual([{ doorId: 'door-2', deviceId: 'dev-2' }]);
    expect(wizard.submitLabel).toBe('Link 1 door');
    wizard.choose('door-2', '');
    expect(wizard.canAdvance).toBe(false);
    expect(wizard.problem).toBe('Nothing to change: every door keeps its link.');
    wizard.choose('door-1', '');
    expect(wizard.submitLabel).toBe('Unlink 1 door');
    wizard.choose('door-2', 'dev-2');
    expect(wizard.submitLabel).toBe('Link 1 door and unlink 1');
  });

  it('says why each door has its choice', async () => {
    const linkedFront = sampleDoor({ cloud: { device_id: 'dev-1', linked_at: '2026-03-14T13:00:00Z', facts: null } });
    const { wizard } = setup([linkedFront, back]);
    await wizard.load();
    expect(wizard.noteFor(linkedFront)).toBe('Linked to this device now');
    expect(wizard.noteFor(back)).toBe('Suggested by the cloud: matched by name');
    wizard.choose('door-2', '');
    expect(wizard.noteFor(back)).toBe('Not linked; the cloud suggests Back door lock (matched by name)');
    wizard.choose('door-1', '');
    expect(wizard.noteFor(linkedFront)).toBe('Unlinks Front door lock');
    wizard.choose('door-1', 'dev-2');
    expect(wizard.noteFor(linkedFront)).toBe('Changes the link (now Front door lock)');
  });

  it('a device may be chosen for one door only', async () => {
    const { bridge, wizard } = setup();
    await wizard.load();
    wizard.choose('door-2', 'dev-1');
    expect(wizard.clashes).toEqual([{ deviceId: 'dev-1', deviceName: 'Front door lock', doorNames: ['Front door', 'Back door'] }]);
    expect(wizard.canAdvance).toBe(false);
    expect(wizard.problem).toBe('Front door lock is chosen for Front door and Back door: a cloud device can be linked to one door only.');
    expect(await wizard.submit()).toBe(false);
    expect(bridge.sent('cloud.link')).toEqual([]);
  });

  it('links every change at once and shows the doors as main returns them', async () => {
    const { bridge, wizard, linked } = setup();
    const after = [
      sampleDoor({ cloud: { device_id: 'dev-1', linked_at: '2026-03-14T13:05:00Z', facts: frontLock } }),
      sampleDoor({ id: 'door-2', name: 'Back door', cloud: { device_id: 'dev-2', linked_at: '2026-03-14T13:05:00Z', facts: backLock } }),
    ];
    bridge.answer('cloud.link', after);
    await wizard.load();
    expect(await wizard.submit()).toBe(true);
    expect(bridge.sent('cloud.link')).toEqual([{ links: [{ doorId: 'door-1', deviceId: 'dev-1' }, { doorId: 'door-2', deviceId: 'dev-2' }] }]);
    expect(wizard.step).toBe('done');
    expect(wizard.result).toEqual(after);
    expect(linked).toEqual([after]);
  });

  it('a refused link keeps the choices and says why', async () => {
    const { bridge, wizard } = setup();
    bridge.refuse('cloud.link', 'sync.not_found');
    await wizard.load();
    wizard.choose('door-2', '');
    expect(await wizard.submit()).toBe(false);
    expect([wizard.step, wizard.linkError?.code]).toEqual(['choose', 'sync.not_found']);
    expect(wizard.choices).toEqual({ 'door-1': 'dev-1', 'door-2': '' });
    wizard.choose('door-2', 'dev-2');
    expect(wizard.linkError).toBeNull();
  });

  it('stays loading with the error when the devices cannot be read, and reads again', async () => {
    const { bridge, wizard } = setup();
    bridge.refuse('cloud.devices', 'sync.no_account');
    await wizard.load();
    expect([wizard.step, wizard.loadError?.code]).toEqual(['loading', 'sync.no_account']);
    bridge.answer('cloud.devices', { devices: [], suggestions: [] });
    await wizard.load();
    expect(wizard.step).toBe('choose');
    expect(wizard.choices).toEqual({ 'door-1': '', 'door-2': '' });
  });

  it('after linking, chooses again from the doors\' new links', async () => {
    let doors = [front, back];
    const bridge = new FakeBridge()
      .answer('cloud.devices', { devices: [frontLock, backLock], suggestions: [] })
      .handle('cloud.link', () => ({ ok: true, value: doors }));
    const wizard = new LinkWizard(bridge, 'site-1', () => doors);
    await wizard.load();
    wizard.choose('door-1', 'dev-1');
    await wizard.submit();
    doors = [sampleDoor({ cloud: { device_id: 'dev-1', linked_at: '2026-03-14T13:05:00Z', facts: null } }), back];
    wizard.again();
    expect(wizard.step).toBe('choose');
    expect(wizard.choices).toEqual({ 'door-1': 'dev-1', 'door-2': '' });
    expect(wizard.changes).toEqual([]);
  });
});
