/**
 * Finding a site's IANA time zone from what an installer types: a city, a country, or the zone id itself.
 * Pure: the zones the runtime knows are passed in (`Intl.supportedValuesOf('timeZone')` where the caller has it);
 * which zones belong to which country, and which old names were renamed, come from `countries-and-timezones`
 * (IANA's zone.tab and backward file, kept current by its maintainer). Country names are English.
 *
 *   "New York"        → America/New_York                    (the city in the zone's name)
 *   "Germany", "de"   → Europe/Berlin, Europe/Busingen      (the zones whose home country it is, main zone first)
 *   "india"           → Asia/Kolkata, then America/Indiana/… (an exact country name beats a name that starts alike)
 *   "asia/calcutta"   → Asia/Kolkata                        (an old name reads as today's)
 */
import { getAllTimezones, getCountry } from 'countries-and-timezones';

/** A zone as the installer reads it: "Europe/Berlin" is Berlin, in Germany. */
export interface ZoneFacts {
  /** Today's IANA name (renamed zones under their new name: Asia/Kolkata, not Asia/Calcutta). */
  zone: string;
  /** "Berlin", "Buenos Aires", "Knox, Indiana"; "UTC" for UTC. */
  city: string;
  /** English name of the zone's home country, or null (UTC, Etc/…, Antarctica bases…). */
  country: string | null;
  /** ISO 3166 code of that country, or null. */
  countryCode: string | null;
}

/** One search result: the zone and what the query matched. */
export interface ZoneMatch extends ZoneFacts {
  matchedBy: 'zone' | 'city' | 'country';
}

/** Most results a search returns (a country like the US has 29 zones; a few letters match more). */
export const ZONE_SEARCH_LIMIT = 50;

/** Zones shown first among equals: where most people of a many-zone country live. Order matters. */
const MAIN_ZONES = [
  'UTC',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
  'America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax', 'America/St_Johns', 'America/Regina',
  'Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Perth', 'Australia/Darwin', 'Australia/Hobart',
  'America/Sao_Paulo', 'America/Mexico_City', 'America/Cancun', 'America/Tijuana', 'America/Argentina/Buenos_Aires', 'America/Santiago',
  'Europe/Berlin', 'Europe/Madrid', 'Europe/Lisbon', 'Europe/Moscow', 'Europe/Kyiv', 'Asia/Shanghai', 'Asia/Jakarta', 'Asia/Almaty',
  'Pacific/Auckland',
];

/** The name shown for a country where the package's is longer than what people say. */
const SHORT_NAMES: Record<string, string> = { US: 'United States' };

/** Other English names installers use for a country (the package and Intl give the rest). */
const COUNTRY_SYNONYMS: Record<string, readonly string[]> = {
  US: ['USA', 'United States of America', 'America'],
  GB: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  NL: ['Holland'],
  AE: ['UAE', 'Emirates'],
  CZ: ['Czech Republic'],
  KR: ['Korea'],
  CI: ["Cote d'Ivoire"],
  MM: ['Burma'],
  TR: ['Turkiye'],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
};

interface ZoneEntry extends ZoneFacts {
  /** Normalised ids this zone answers to: its own and the old names renamed to it. */
  ids: string[];
  cityKey: string;
  cityWords: string[];
  /** Normalised country names (with synonyms and the 2-letter code). */
  countryKeys: string[];
  countryWords: string[];
  allWords: string[];
  rank: number;
}

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
const catalogue = getAllTimezones({ deprecated: true }) as Record<string, { countries: string[]; aliasOf?: string } | undefined>;

/** Lower case, accents dropped, every separator (/, _, -, commas) a space: "Asia/Ho_Chi_Minh" → "asia ho chi minh". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Today's name of a zone: a zone IANA renamed (Asia/Calcutta → Asia/Kolkata, Europe/Kiev → Europe/Kyiv) under its new
 * name. A zone that was merged into another one (Europe/Copenhagen into Europe/Berlin) keeps its own name: the
 * installer in Denmark looks for Copenhagen. "UTC" stays "UTC".
 */
export function currentZoneName(zone: string): string {
  if (zone === 'UTC' || zone.startsWith('Etc/')) return zone;
  const entry = catalogue[zone];
  const target = entry?.aliasOf ? catalogue[entry.aliasOf] : undefined;
  return entry?.aliasOf && target && sameList(entry.countries, target.countries) ? entry.aliasOf : zone;
}

function cityOf(zone: string): string {
  const parts = zone.split('/').map((part) => part.replace(/_/g, ' '));
  if (parts.length === 1) return parts[0]!;
  const city = parts[parts.length - 1]!;
  return parts.length > 2 && parts[0] === 'America' && parts[1] !== 'Argentina' ? `${city}, ${parts[1]}` : city;
}

function countryNames(code: string): string[] {
  const names = [SHORT_NAMES[code], getCountry(code)?.name, regionNames?.of(code), ...(COUNTRY_SYNONYMS[code] ?? [])];
  return [...new Set(names.filter((name): name is string => !!name && name !== code))];
}

/** The facts of one zone: city, home country. Works for any name, known to the runtime or not. */
export function describeZone(zone: string): ZoneFacts {
  const current = currentZoneName(zone);
  const code = catalogue[current]?.countries[0] ?? catalogue[zone]?.countries[0] ?? null;
  return { zone: current, city: cityOf(current), country: code ? (countryNames(code)[0] ?? null) : null, countryCode: code };
}

const words = (text: string) => normalise(text).split(' ').filter(Boolean);

function entryOf(zone: string, oldNames: readonly string[]): ZoneEntry {
  const facts = describeZone(zone);
  const names = facts.countryCode ? countryNames(facts.countryCode) : [];
  const countryKeys = [...names.map(normalise), ...(facts.countryCode ? [facts.countryCode.toLowerCase()] : [])];
  const ids = [zone, ...oldNames].map(normalise);
  const cityWords = [...new Set([facts.city, ...oldNames.map(cityOf)].flatMap(words))];
  const countryWords = [...new Set(countryKeys.flatMap((key) => key.split(' ')))];
  const rank = MAIN_ZONES.indexOf(zone);
  return {
    ...facts,
    ids,
    cityKey: normalise(facts.city),
    cityWords,
    countryKeys,
    countryWords,
    allWords: [...new Set([...ids.flatMap((id) => id.split(' ')), ...cityWords, ...countryWords])],
    rank: rank === -1 ? MAIN_ZONES.length : rank,
  };
}

const indexes = new WeakMap<readonly string[], ZoneEntry[]>();

/** The runtime's zones under today's names, once each, UTC first (Intl may list Asia/Calcutta; we show Asia/Kolkata). */
export function currentZones(runtimeZones: readonly string[]): string[] {
  return [...new Set(['UTC', ...runtimeZones.map(currentZoneName)])];
}

function indexOf(runtimeZones: readonly string[]): ZoneEntry[] {
  const cached = indexes.get(runtimeZones);
  if (cached) return cached;
  const oldNames = new Map<string, string[]>();
  for (const name of [...runtimeZones, ...Object.keys(catalogue)]) {
    const current = currentZoneName(name);
    if (current !== name) oldNames.set(current, [...new Set([...(oldNames.get(current) ?? []), name])]);
  }
  const index = currentZones(runtimeZones).map((zone) => entryOf(zone, oldNames.get(zone) ?? []));
  indexes.set(runtimeZones, index);
  return index;
}

/** A zone typed out in full ("Europe/Berlin", "asia/calcutta", "utc"): today's name of it, or null. */
export function findZone(text: string, runtimeZones: readonly string[]): string | null {
  const key = normalise(text);
  if (!key || !/[a-z]/.test(key)) return null;
  return indexOf(runtimeZones).find((entry) => entry.ids.includes(key))?.zone ?? null;
}

const startsAnyWord = (list: readonly string[]) => (word: string) => list.some((candidate) => candidate.startsWith(word));

function score(entry: ZoneEntry, key: string, query: string[]): { score: number; matchedBy: ZoneMatch['matchedBy'] } | null {
  if (entry.ids.includes(key)) return { score: 100, matchedBy: 'zone' };
  if (entry.cityKey === key) return { score: 90, matchedBy: 'city' };
  if (entry.countryKeys.includes(key)) return { score: 80, matchedBy: 'country' };
  if (query.every(startsAnyWord(entry.cityWords))) return { score: 60, matchedBy: 'city' };
  if (query.every(startsAnyWord(entry.countryWords))) return { score: 50, matchedBy: 'country' };
  if (query.every(startsAnyWord(entry.allWords))) return { score: 30, matchedBy: 'zone' };
  return null;
}

/**
 * Zones for what was typed, best first: the zone's own id, then a city named exactly so, then every zone of a
 * country named exactly so (main zone first), then names that start like the words typed. Every word must match.
 */
export function searchZones(query: string, runtimeZones: readonly string[], limit = ZONE_SEARCH_LIMIT): ZoneMatch[] {
  const key = normalise(query);
  const queryWords = key.split(' ').filter(Boolean);
  if (queryWords.length === 0) return [];
  const hits: Array<{ entry: ZoneEntry; score: number; matchedBy: ZoneMatch['matchedBy'] }> = [];
  for (const entry of indexOf(runtimeZones)) {
    const hit = score(entry, key, queryWords);
    if (hit) hits.push({ entry, ...hit });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.rank - b.entry.rank || a.entry.zone.localeCompare(b.entry.zone));
  return hits.slice(0, limit).map(({ entry, matchedBy }) => ({
    zone: entry.zone,
    city: entry.city,
    country: entry.country,
    countryCode: entry.countryCode,
    matchedBy,
  }));
}
