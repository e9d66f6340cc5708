import { describe, expect, it } from 'vitest';
import type { SiteView } from '../../../../shared/domain/site';
import { SiteTimeZone } from './site-time-zone.svelte';
import { ZonePicker } from './zone-picker.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleSite } from '../testing/sample-data';

const now = new Date('2026-01-10T12:00:00Z');
const zones = Intl.supportedValuesOf('timeZone');

function setup(over: Partial<SiteView> = {}, laptop: string | null = 'Europe/Berlin') {
  const site = sampleSite({ timeZone: 'Europe/Berlin', ...over });
  const saved: SiteView[] = [];
  const bridge = new FakeBridge().handle('sites.update', ({ timeZone }) => ({
    ok: true,
    value: { ...site, timeZone: timeZone ?? site.timeZone, timeZoneConfirmed: true },
  }));
  const zone = new SiteTimeZone(bridge, () => site, (s) => saved.push(s), new ZonePicker(zones, laptop, () => now), () => now);
  return { bridge, zone, saved };
}

describe('SiteTimeZone', () => {
  it('names the site zone with its offset', () => {
    expect(setup().zone.label).toBe('Times at the property: Europe/Berlin (UTC+1)');
  });

  it('finds "New York" by city (the hint suggests it, so it is taken) and saves it', async () => {
    const { zone, bridge, saved } = setup();
    zone.edit();
    expect(zone.picker.query).toBe('Europe/Berlin');
    expect(zone.canSave).toBe(false);
    zone.picker.query = 'New York';
    expect(zone.picker.matches.map((m) => m.zone)).toEqual(['America/New_York']);
    expect(zone.picker.chosen).toBe('America/New_York');
    expect(zone.canSave).toBe(true);
    expect(await zone.save()).toBe(true);
    expect(bridge.sent('sites.update')).toEqual([{ siteId: 'site-1', timeZone: 'America/New_York' }]);
    expect(saved[0]?.timeZone).toBe('America/New_York');
    expect(zone.isEditing).toBe(false);
  });

  it('asks to pick one of a country\'s zones, then saves the one picked', async () => {
    const { zone, bridge } = setup();
    zone.edit();
    zone.picker.query = 'Australia';
    expect(zone.picker.chosen).toBeNull();
    expect(zone.picker.status).toMatch(/zones match.*Pick the one the property is in/);
    expect(zone.canSave).toBe(false);
    zone.picker.pick('Australia/Perth');
    expect(await zone.save()).toBe(true);
    expect(bridge.sent('sites.update')).toEqual([{ siteId: 'site-1', timeZone: 'Australia/Perth' }]);
  });

  it('asks while nobody chose the zone: the laptop\'s zone in one tap, or keeping the current one confirms it', async () => {
    const asked = setup({ timeZone: 'UTC', timeZoneConfirmed: false });
    expect(asked.zone.needsAnswer).toBe(true);
    expect(asked.zone.laptopOffer).toBe('Europe/Berlin');
    expect(await asked.zone.use('Europe/Berlin')).toBe(true);
    expect(asked.bridge.sent('sites.update')).toEqual([{ siteId: 'site-1', timeZone: 'Europe/Berlin' }]);
    expect(asked.saved[0]).toMatchObject({ timeZone: 'Europe/Berlin', timeZoneConfirmed: true });

    const keep = setup({ timeZone: 'UTC', timeZoneConfirmed: false }, 'UTC');
    expect(keep.zone.laptopOffer).toBeNull();
    keep.zone.edit();
    expect(keep.zone.picker.query).toBe('');
    keep.zone.picker.query = 'UTC';
    expect(keep.zone.canSave).toBe(true);
    expect(setup().zone.needsAnswer).toBe(false);
  });

  it('keeps the editor open with main’s refusal', async () => {
    const { zone, bridge } = setup();
    bridge.refuse('sites.update', 'ipc.invalid_request');
    zone.edit();
    zone.picker.query = 'Asia/Tokyo';
    expect(await zone.save()).toBe(false);
    expect(zone.isEditing).toBe(true);
    expect(zone.error?.code).toBe('ipc.invalid_request');
  });
});
