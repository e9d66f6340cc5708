import { describe, expect, it } from 'vitest';
import type { SiteView } from '../../../../shared/domain/site';
import { SiteTimeZone, knownZones } from './site-time-zone.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleSite } from '../testing/sample-data';

const now = new Date('2026-01-10T12:00:00Z');

function setup() {
  const site = sampleSite({ timeZone: 'Europe/Berlin' });
  const saved: SiteView[] = [];
  const bridge = new FakeBridge().handle('sites.update', ({ timeZone }) => ({ ok: true, value: { ...site, timeZone: timeZone ?? site.timeZone } }));
  const zone = new SiteTimeZone(bridge, () => site, (s) => saved.push(s), knownZones(), () => now);
  return { bridge, zone, saved };
}

describe('SiteTimeZone', () => {
  it('names the site zone with its offset', () => {
    expect(setup().zone.label).toBe('Times at the property: Europe/Berlin (UTC+1)');
  });

  it('searches the zones, spaces matching underscores', () => {
    const { zone } = setup();
    zone.edit();
    expect(zone.query).toBe('Europe/Berlin');
    zone.query = 'new york';
    expect(zone.matches).toContain('America/New_York');
    expect(zone.chosen).toBeNull();
    expect(zone.canSave).toBe(false);
  });

  it('saves a known zone with sites.update and hands the site back', async () => {
    const { zone, bridge, saved } = setup();
    zone.edit();
    zone.query = 'Europe/Berlin';
    expect(zone.canSave).toBe(false);
    zone.query = 'America/New_York';
    expect(await zone.save()).toBe(true);
    expect(bridge.sent('sites.update')).toEqual([{ siteId: 'site-1', timeZone: 'America/New_York' }]);
    expect(saved[0]?.timeZone).toBe('America/New_York');
    expect(zone.isEditing).toBe(false);
  });

  it('keeps the editor open with main’s refusal', async () => {
    const { zone, bridge } = setup();
    bridge.refuse('sites.update', 'ipc.invalid_request');
    zone.edit();
    zone.query = 'Asia/Tokyo';
    expect(await zone.save()).toBe(false);
    expect(zone.isEditing).toBe(true);
    expect(zone.error?.code).toBe('ipc.invalid_request');
  });
});
