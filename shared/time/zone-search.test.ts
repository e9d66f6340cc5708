import { describe, expect, it } from 'vitest';
import { currentZoneName, currentZones, describeZone, findZone, searchZones } from './zone-search';

/** What this runtime's Intl lists (Node 20 still lists Asia/Calcutta; newer runtimes list Asia/Kolkata). */
const runtime = Intl.supportedValuesOf('timeZone');
/** An older runtime's list, with the old names only. */
const oldRuntime = ['America/New_York', 'America/Chicago', 'America/Indiana/Knox', 'Asia/Calcutta', 'Europe/Berlin', 'Europe/Busingen', 'Europe/Kiev'];
const zones = (query: string, list: readonly string[] = runtime) => searchZones(query, list).map((m) => m.zone);

describe('searchZones', () => {
  it('finds a zone by its city: "New York" → America/New_York (the hint suggests it, so it must work)', () => {
    expect(searchZones('New York', runtime)).toEqual([
      { zone: 'America/New_York', city: 'New York', country: 'United States', countryCode: 'US', matchedBy: 'city' },
    ]);
    expect(zones('new york')).toEqual(['America/New_York']);
    expect(zones('  NEW   york ')).toEqual(['America/New_York']);
  });

  it('finds the zones of a country by its name, its main zone first', () => {
    expect(zones('Germany')).toEqual(['Europe/Berlin', 'Europe/Busingen']);
    expect(zones('germany')[0]).toBe('Europe/Berlin');
    expect(searchZones('Germany', runtime)[0]).toMatchObject({ matchedBy: 'country', country: 'Germany' });
  });

  it('puts the country named exactly before names that only start alike: "india" → Asia/Kolkata, then Indiana', () => {
    const found = zones('india');
    expect(found[0]).toBe('Asia/Kolkata');
    expect(found.filter((zone) => zone === 'Asia/Kolkata')).toHaveLength(1);
    expect(found.slice(1).every((zone) => /^(America\/Indiana\/|Indian\/)/.test(zone) || zone === 'Indian/Chagos')).toBe(true);
  });

  it('lists every zone of a country with many, where most people live first', () => {
    const us = zones('United States');
    expect(us.slice(0, 7)).toEqual([
      'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
    ]);
    expect(us).toContain('America/Indiana/Knox');
    expect(zones('USA')).toEqual(zones('usa'));
    expect(zones('usa')[0]).toBe('America/New_York');
    expect(zones('Australia')[0]).toBe('Australia/Sydney');
    expect(zones('Canada')[0]).toBe('America/Toronto');
  });

  it('takes an IANA id typed in full, in any case, and old names under today\'s name', () => {
    expect(zones('Europe/Berlin')).toEqual(['Europe/Berlin']);
    expect(zones('europe/berlin')).toEqual(['Europe/Berlin']);
    expect(zones('Asia/Calcutta')).toEqual(['Asia/Kolkata']);
    expect(zones('Calcutta')).toEqual(['Asia/Kolkata']);
    expect(zones('UTC')).toEqual(['UTC']);
  });

  it('works the same on a runtime that only knows the old names', () => {
    expect(zones('india', oldRuntime)).toEqual(['Asia/Kolkata', 'America/Indiana/Knox']);
    expect(zones('kyiv', oldRuntime)).toEqual(['Europe/Kyiv']);
    expect(zones('kiev', oldRuntime)).toEqual(['Europe/Kyiv']);
  });

  it('ignores accents, separators and word order-free prefixes', () => {
    expect(zones('São Paulo')).toEqual(['America/Sao_Paulo']);
    expect(zones('ho chi minh')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(zones('buenos')).toEqual(['America/Argentina/Buenos_Aires']);
    expect(zones('Port-au-Prince')).toEqual(['America/Port-au-Prince']);
  });

  it('knows the names installers use beside the official one', () => {
    expect(zones('UK')[0]).toBe('Europe/London');
    expect(zones('England')).toEqual(['Europe/London']);
    expect(zones('Holland')).toEqual(['Europe/Amsterdam']);
    expect(zones('de')[0]).toBe('Europe/Berlin');
  });

  it('finds nothing for nothing, and keeps to the limit', () => {
    expect(searchZones('', runtime)).toEqual([]);
    expect(searchZones('   ', runtime)).toEqual([]);
    expect(searchZones('Atlantis', runtime)).toEqual([]);
    expect(searchZones('a', runtime, 5)).toHaveLength(5);
  });
});

describe('findZone', () => {
  it('reads only a zone typed out in full, under today\'s name', () => {
    expect(findZone('Europe/Berlin', runtime)).toBe('Europe/Berlin');
    expect(findZone('asia/calcutta', runtime)).toBe('Asia/Kolkata');
    expect(findZone('Asia/Kolkata', oldRuntime)).toBe('Asia/Kolkata');
    expect(findZone('utc', runtime)).toBe('UTC');
    expect(findZone('New York', runtime)).toBeNull();
    expect(findZone('Berlin', runtime)).toBeNull();
    expect(findZone('', runtime)).toBeNull();
  });
});

describe('zone names', () => {
  it('renames what IANA renamed, and keeps a merged zone\'s own name', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(currentZoneName('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(currentZoneName('UTC')).toBe('UTC');
    expect(currentZoneName('Mars/Olympus_Mons')).toBe('Mars/Olympus_Mons');
  });

  it('lists the runtime\'s zones once each, UTC first', () => {
    const list = currentZones(oldRuntime);
    expect(list[0]).toBe('UTC');
    expect(list).toContain('Asia/Kolkata');
    expect(list).not.toContain('Asia/Calcutta');
    expect(new Set(currentZones(runtime)).size).toBe(currentZones(runtime).length);
  });

  it('describes a zone by city and country', () => {
    expect(describeZone('Asia/Calcutta')).toEqual({ zone: 'Asia/Kolkata', city: 'Kolkata', country: 'India', countryCode: 'IN' });
    expect(describeZone('America/Indiana/Knox')).toMatchObject({ city: 'Knox, Indiana', countryCode: 'US' });
    expect(describeZone('America/Argentina/Buenos_Aires')).toMatchObject({ city: 'Buenos Aires', country: 'Argentina' });
    expect(describeZone('UTC')).toEqual({ zone: 'UTC', city: 'UTC', country: null, countryCode: null });
  });
});
