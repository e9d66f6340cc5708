import { zwaveAddress } from '../shared/domain/lock-address';
import { randomUUID } from 'node:crypto';
import type { AccessCode } from '../shared/domain/access-code';
import type { Door } from '../shared/domain/door';
import type { Site } from '../shared/domain/site';
import { sampleAccessCode, sampleDoor, sampleLockProfile, sampleSite } from '../shared/testing/samples';
import type { FieldCipher } from '../electron/core/secrets/field-cipher';
import { openShardedStore } from '../electron/core/store/open-sharded-store';

/** One benchmark site: its record, its doors and its codes. */
export interface BenchSite {
  site: Site;
  doors: Door[];
  codes: AccessCode[];
}

const DOORS_PER_SITE = 10;
const DAY_MS = 86_400_000;

/** A realistic access code: a resident (ongoing) or guest (time-bound) code, set on its lock, with its history. */
function benchAccessCode(doorId: string, n: number): AccessCode {
  const isGuest = n % 3 === 0;
  const created = Date.UTC(2026, 0, 1) + n * 3_600_000;
  const at = (offsetMs: number) => new Date(created + offsetMs).toISOString();
  return sampleAccessCode({
    access_code_id: randomUUID(),
    door_id: doorId,
    name: isGuest ? `Guest booking ${100_000 + n}` : `Flat ${(n % 120) + 1} – resident`,
    code: String(100_000 + ((n * 7919) % 900_000)),
    type: isGuest ? 'time_bound' : 'ongoing',
    starts_at: isGuest ? at(2 * DAY_MS) : null,
    ends_at: isGuest ? at(9 * DAY_MS) : null,
    slot: (n % 240) + 1,
    status: 'set',
    warnings: n % 40 === 0 ? [{ error_code: 'delay_in_setting_on_device', message: 'The lock took long to confirm the code.', created_at: at(20_000) }] : [],
    events: [
      { event_type: 'access_code.created', occurred_at: at(0) },
      ...(n % 40 === 0 ? [{ event_type: 'access_code.delay_in_setting_on_device' as const, occurred_at: at(20_000) }] : []),
      { event_type: 'access_code.set_on_device', occurred_at: at(25_000) },
    ],
    created_at: at(0),
    updated_at: at(25_000),
  });
}

/** `siteCount` sites of `codesPerSite` codes each, spread over 10 doors per site. */
export function createBenchSites(siteCount: number, codesPerSite: number): BenchSite[] {
  return Array.from({ length: siteCount }, (_, s) => {
    const id = randomUUID();
    const site: Site = sampleSite({ id, name: `Property ${s + 1}`, createdAt: '2026-01-01T00:00:00.000Z' });
    const doors = Array.from({ length: DOORS_PER_SITE }, (_, d) => sampleDoor({ id: randomUUID(), siteId: id, name: `Door ${d + 1}`, lockAddress: zwaveAddress(d + 2), createdAt: site.createdAt, lastProfile: sampleLockProfile({ address: String(d + 2) }) }));
    const codes = Array.from({ length: codesPerSite }, (_, n) => benchAccessCode(doors[n % DOORS_PER_SITE]!.id, s * codesPerSite + n));
    return { site, doors, codes };
  });
}

/** What a measurement needs to know of a seeded site (not its codes: the bench's heap stays small, like the app's). */
export interface SeededSite {
  siteId: string;
  codeIds: string[];
}

/** Writes `sites` into a sharded store at `dir`, through the store itself (one durable write per file; PINs sealed with `pinCipher`). */
export async function seedShardedStore(dir: string, sites: BenchSite[], pinCipher: FieldCipher | null = null): Promise<SeededSite[]> {
  const store = await openShardedStore({ dir, pinCipher });
  await store.index.update((data) => {
    for (const s of sites) {
      data.sites.push(s.site);
      data.doors.push(...s.doors);
    }
  });
  for (const s of sites) await (await store.codes(s.site.id)).update((data) => void data.accessCodes.push(...s.codes));
  await store.close();
  return sites.map((s) => ({ siteId: s.site.id, codeIds: s.codes.map((c) => c.access_code_id) }));
}

/** The change every measurement makes: one code's status flips (set ⇄ removing), as after a lock round trip. */
export function flipStatus(codes: AccessCode[], accessCodeId: string): void {
  const code = codes.find((c) => c.access_code_id === accessCodeId);
  if (!code) throw new Error(`bench: no code ${accessCodeId}`);
  code.status = code.status === 'set' ? 'removing' : 'set';
  code.updated_at = new Date().toISOString();
}

/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Milliseconds `task` took. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}
