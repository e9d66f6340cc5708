/**
 * The store benchmark (`npm run bench -- store`, or `node --import tsx bench/store-bench.ts`): the sharded
 * store with 100,000 access codes over 50 sites against plain lowdb writing the whole store on each change, in one run.
 *
 *   seed 50 × 2,000 codes ─▶ open · open + first site ─▶ one change ×200 ─▶ 1,000 changes (awaited, concurrent)
 *   seed 5 × 2,000 codes  ─▶ one change, 5 vs 50 sites, interleaved ─▶ plain lowdb (one file, 100k codes) ─▶ v1 file
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createDataKey } from '../electron/core/secrets/data-key';
import { createFieldCipher } from '../electron/core/secrets/field-cipher';
import { openShardedStore } from '../electron/core/store/open-sharded-store';
import { openStore } from '../electron/core/store/open-store';
import type { StoreData } from '../electron/core/store/store';
import { createBenchSites, flipStatus, percentile, seedShardedStore, timed, type SeededSite } from './store-bench-data';

/** What the store benchmark measured, in ms (ratios unitless). */
export interface StoreBenchResult {
  openMs: number;
  openFirstSiteMs: number;
  /** Open + first site, first time in this process (JIT cold). */
  openFirstSiteColdMs: number;
  changeMedianMs: number;
  changeP99Ms: number;
  sequential1000Ms: number;
  concurrent1000Ms: number;
  fiveSitesChangeMs: number;
  fiftySitesChangeMs: number;
  lowdbOpenMs: number;
  lowdbChangeMs: number;
  v1ChangeMs: number;
  summary: string;
}

const SITES = 50;
const CODES_PER_SITE = 2_000;
const OPENS = 5;
const SAMPLES = 200;
const BATCH = 1_000;
const LOWDB_SAMPLES = 12;
const V1_SAMPLES = 3;

/** The app seals every PIN in the site files (pin-sealing.ts): measured with it, as the app runs. */
const pinCipher = createFieldCipher(createDataKey(), 'store pins');
const median = (values: readonly number[]) => percentile(values, 50);
const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const pick = (site: SeededSite, n: number) => site.codeIds[(n * 7_919) % site.codeIds.length]!;

/** Runs the store benchmark in a temp folder (removed afterwards), prints the results and returns them. */
export async function runStoreBench(): Promise<StoreBenchResult> {
  const started = performance.now();
  const root = await mkdtemp(path.join(tmpdir(), 'lockbench-store-bench-'));
  try {
    return await measure(root);
  } finally {
    await rm(root, { recursive: true, force: true });
    console.log(`(store benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}

async function measure(root: string): Promise<StoreBenchResult> {
  const dir50 = path.join(root, 'fifty');
  const dir5 = path.join(root, 'five');
  const sites = await seedShardedStore(dir50, createBenchSites(SITES, CODES_PER_SITE), pinCipher);
  const fewSites = await seedShardedStore(dir5, createBenchSites(5, CODES_PER_SITE), pinCipher);
  const [first, second, third, fourth] = [sites[0]!, sites[1]!, sites[2]!, sites[3]!];
  const siteFileMb = (await stat(path.join(dir50, 'sites', `${first.siteId}.json`))).size / 1e6;
  console.log(`seeded ${SITES} sites × ${CODES_PER_SITE} codes (and 5 × ${CODES_PER_SITE}); one site file is ${siteFileMb.toFixed(2)} MB`);

  // Opening: a new store instance each time. The OS file cache is warm (as after the app's previous run); the first
  // round is also the first parse of a site file in this process (zod and JSON.parse not yet optimised by the JIT).
  const opens: number[] = [];
  const opensWithSite: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    let opened = await openShardedStore({ dir: dir50, pinCipher });
    await opened.close();
    opensWithSite.push(
      await timed(async () => {
        opened = await openShardedStore({ dir: dir50, pinCipher });
        await opened.codes(opened.index.read().sites[0]!.id);
      }),
    );
    await opened.close();
    opens.push(await timed(async () => (opened = await openShardedStore({ dir: dir50, pinCipher }))));
    await opened.close();
  }

  const store = await openShardedStore({ dir: dir50, pinCipher });
  const firstDoc = await store.codes(first.siteId);
  const change = (n: number) => timed(() => firstDoc.update((d) => flipStatus(d.accessCodes, pick(first, n))));
  for (let i = 0; i < 10; i++) await change(i); // warm-up
  const changes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) changes.push(await change(i));

  const secondDoc = await store.codes(second.siteId);
  const sequential1000Ms = await timed(async () => {
    for (let i = 0; i < BATCH; i++) await secondDoc.update((d) => flipStatus(d.accessCodes, pick(second, i)));
  });
  const thirdDoc = await store.codes(third.siteId);
  const concurrent1000Ms = await timed(() =>
    Promise.all(Array.from({ length: BATCH }, (_, i) => thirdDoc.update((d) => flipStatus(d.accessCodes, pick(third, i))))),
  );
  console.log(`one change ×${SAMPLES}, ${BATCH} changes awaited one by one and ${BATCH} at once: done`);

  // The same change with 5 sites and with 50 sites, interleaved so machine noise hits both alike.
  const small = await openShardedStore({ dir: dir5, pinCipher });
  const smallDoc = await small.codes(fewSites[0]!.siteId);
  const fourthDoc = await store.codes(fourth.siteId);
  const five: number[] = [];
  const fifty: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    five.push(await timed(() => smallDoc.update((d) => flipStatus(d.accessCodes, pick(fewSites[0]!, i)))));
    fifty.push(await timed(() => fourthDoc.update((d) => flipStatus(d.accessCodes, pick(fourth, i)))));
  }
  await Promise.all([store.close(), small.close()]);

  const baseline = await measurePlainLowdb(root);
  const result: Omit<StoreBenchResult, 'summary'> = {
    openMs: median(opens),
    openFirstSiteMs: median(opensWithSite),
    openFirstSiteColdMs: opensWithSite[0]!,
    changeMedianMs: median(changes),
    changeP99Ms: percentile(changes, 99),
    sequential1000Ms,
    concurrent1000Ms,
    fiveSitesChangeMs: median(five),
    fiftySitesChangeMs: median(fifty),
    ...baseline,
  };
  const summary = report(result);
  return { ...result, summary };
}

/** Plain lowdb on one file holding all 100k codes (`db.write()` per change: no fsync), then the durable v1 file. */
async function measurePlainLowdb(root: string): Promise<Pick<StoreBenchResult, 'lowdbOpenMs' | 'lowdbChangeMs' | 'v1ChangeMs'>> {
  const file = path.join(root, 'plain', 'lockbench.json');
  const sites = createBenchSites(SITES, CODES_PER_SITE); // same shape and sizes as the sharded store's
  await mkdir(path.dirname(file));
  const all: StoreData = {
    schemaVersion: 1,
    sites: sites.map((s) => s.site),
    doors: sites.flatMap((s) => s.doors),
    accessCodes: sites.flatMap((s) => s.codes),
  };
  const empty = (): StoreData => ({ schemaVersion: 1, sites: [], doors: [], accessCodes: [] });
  const seed = new Low<StoreData>(new JSONFile(file), empty());
  seed.data = all;
  await seed.write();
  console.log(`plain lowdb file: ${((await stat(file)).size / 1e6).toFixed(0)} MB (lowdb's JSONFile indents)`);

  const opens: number[] = [];
  let db = seed;
  for (let i = 0; i < 3; i++) {
    opens.push(await timed(async () => {
      db = new Low<StoreData>(new JSONFile(file), empty());
      await db.read();
    }));
  }
  const target: SeededSite = { siteId: sites[0]!.site.id, codeIds: sites[0]!.codes.map((c) => c.access_code_id) };
  const changes: number[] = [];
  for (let i = 0; i < LOWDB_SAMPLES; i++) {
    changes.push(await timed(async () => {
      flipStatus(db.data.accessCodes, pick(target, i));
      await db.write();
    }));
  }
  console.log(`plain lowdb: ${LOWDB_SAMPLES} changes done`);

  // For reference: the durable single-file v1 store on the same data (what the sharded store replaces).
  const v1 = await openStore({ file });
  const v1Changes: number[] = [];
  for (let i = 0; i < V1_SAMPLES; i++) {
    v1Changes.push(await timed(() => v1.update((d) => flipStatus(d.accessCodes, pick(target, i)))));
  }
  await v1.close();
  return { lowdbOpenMs: median(opens), lowdbChangeMs: median(changes), v1ChangeMs: median(v1Changes) };
}

function report(r: Omit<StoreBenchResult, 'summary'>): string {
  const speedup = r.lowdbChangeMs / r.changeMedianMs;
  const sitesRatio = r.fiftySitesChangeMs / r.fiveSitesChangeMs;
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  const summary =
    `store: open ${ms(r.openMs)} (open + first site ${ms(r.openFirstSiteMs)}) · change median ${ms(r.changeMedianMs)} ` +
    `p99 ${ms(r.changeP99Ms)} · 1,000 changes ${seconds(r.sequential1000Ms)} (at once ${seconds(r.concurrent1000Ms)}) · ` +
    `5 vs 50 sites ${sitesRatio.toFixed(2)}× · plain lowdb: open ${ms(r.lowdbOpenMs)}, change ${ms(r.lowdbChangeMs)} → ${speedup.toFixed(0)}× faster`;
  console.log(`\nLocal store, ${SITES} sites × ${CODES_PER_SITE.toLocaleString('en')} codes = ${(SITES * CODES_PER_SITE).toLocaleString('en')} (medians)`);
  console.log(`  cold open (index only)          : ${ms(r.openMs)}  (target <= 300 ms) ${r.openMs <= 300 ? 'OK' : 'OVER'}`);
  console.log(`  cold open + first site's codes  : ${ms(r.openFirstSiteMs)}  (first in process ${ms(r.openFirstSiteColdMs)}; target <= 300 ms) ${r.openFirstSiteColdMs <= 300 ? 'OK' : 'OVER'}`);
  console.log(`  one durable change              : median ${ms(r.changeMedianMs)}, p99 ${ms(r.changeP99Ms)}  (target median <= 20 ms) ${r.changeMedianMs <= 20 ? 'OK' : 'OVER'}`);
  console.log(`  1,000 changes, awaited in turn  : ${seconds(r.sequential1000Ms)} (${ms(r.sequential1000Ms / BATCH)} each)`);
  console.log(`  1,000 changes at once (grouped) : ${seconds(r.concurrent1000Ms)} (${ms(r.concurrent1000Ms / BATCH)} each)`);
  console.log(`  one change, 5 vs 50 sites       : ${ms(r.fiveSitesChangeMs)} vs ${ms(r.fiftySitesChangeMs)} → ${sitesRatio.toFixed(2)}×`);
  console.log(`  plain lowdb, one file (no fsync): open ${ms(r.lowdbOpenMs)}, change ${ms(r.lowdbChangeMs)} → store ${speedup.toFixed(0)}× faster`);
  console.log(`  v1 durable single file          : change ${ms(r.v1ChangeMs)}`);
  console.log(summary);
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runStoreBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
