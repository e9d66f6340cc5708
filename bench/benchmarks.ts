import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-lock';
import { buildingCommission } from './building-commission';
import { cloudPush } from './cloud-push';
import { measureHostStart, type HostStartTimes } from './first-usable-page';
import { lockbenchSetAndVerify } from './lockbench-path';
import { nukiCodes } from './nuki-codes';
import { packageBench } from './package-bench';
import { commandsPerVerifiedCode } from './radio-bench';
import { rendererJsSize } from './renderer-size';
import { verdict, type BenchFigure, type FigureInput } from './results';
import { runStoreBench } from './store-bench';
import { bareSetAndReadBack } from './zwave-bare';

/** What a benchmark gets: how many rounds to run, and where its figures go (printed and kept for bench-results.json). */
export interface BenchContext {
  rounds: number;
  /** Keeps the figure and returns it (with ratio and verdict) for printing. */
  record(input: FigureInput): BenchFigure;
}

/** One benchmark `npm run bench -- <name>` can run alone. */
export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

const CODES = 50;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(50)}: ${text}`);

/** Program + verify one code: Lockbench's whole path against two bare zwave-js loops, interleaved round by round. */
async function programVerify(ctx: BenchContext): Promise<void> {
  const unsafe: number[] = [];
  const safe: number[] = [];
  const lockbench: number[] = [];
  for (let round = 1; round <= ctx.rounds; round++) {
    unsafe.push(...(await bareSetAndReadBack(CODES)));
    safe.push(...(await bareSetAndReadBack(CODES, { readFirst: true })));
    lockbench.push(...(await lockbenchSetAndVerify(CODES)));
    console.log(`round ${round}/${ctx.rounds}: bare set+read-back ${ms(median(unsafe))}, bare read+set+read-back ${ms(median(safe))}, Lockbench ${ms(median(lockbench))} (running medians)`);
  }
  const vsSafe = ctx.record({ name: 'program-verify/vs-safe-loop', value: median(lockbench), unit: 'ms/code', baseline: median(safe), target: 1.15 });
  const vsUnsafe = ctx.record({ name: 'program-verify/vs-set-readback', value: median(lockbench), unit: 'ms/code', baseline: median(unsafe) });
  console.log(`\nProgram + verify one code (${CODES} codes x ${ctx.rounds} rounds, virtual S2 lock, median per code)`);
  line('bare zwave-js read (slot free?) + set + read-back', `${ms(vsSafe.baseline!)}  (the minimal SAFE loop: a Set only to a slot the lock just said is free)`);
  line('bare zwave-js set + read-back', `${ms(vsUnsafe.baseline!)}  (the old baseline: overwrites whatever the slot held)`);
  line('Lockbench full path', `${ms(vsSafe.value)}  (service → PIN rules → durable write → queue → fresh read → Set → read-back → durable write)`);
  line('ratio Lockbench / safe loop', `${vsSafe.ratio!.toFixed(3)}  (target <= 1.15) ${verdict(vsSafe)}`);
  line('ratio Lockbench / set + read-back', `${vsUnsafe.ratio!.toFixed(3)}  (for comparison with earlier runs; no target: that loop is not safe)`);
}

/** The browser host from process start: page served, doors listed over the WebSocket, every lock interviewed. */
async function hostStart(ctx: BenchContext): Promise<void> {
  const fresh: HostStartTimes[] = [];
  const warm: HostStartTimes[] = [];
  for (let round = 1; round <= ctx.rounds; round++) {
    const root = await mkdtemp(join(tmpdir(), 'lockbench-start-'));
    const [dataDir, keyDir] = [join(root, 'data'), join(root, 'keys')];
    try {
      fresh.push(await measureHostStart(dataDir, keyDir));
      warm.push(await measureHostStart(dataDir, keyDir));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    console.log(`round ${round}/${ctx.rounds}: first start ${ms(fresh.at(-1)!.allDoorsMs)} to all doors, next start ${ms(warm.at(-1)!.allDoorsMs)}`);
  }
  const of = (runs: HostStartTimes[], key: keyof HostStartTimes) => median(runs.map((r) => r[key]));
  console.log(`\nBrowser host start, from spawning node out/main/host.js (median of ${ctx.rounds} runs each)`);
  console.log('  "first usable page" = the URL is printed, a client opens the real WebSocket with its token, and doors.list for');
  console.log('  the demo site returns all three demo doors (asked at once and again on every sites/doors push, as the page does).');
  console.log('  "ready with locks interviewed" = the host prints "Demo site ready" (the demo site connected, every lock interviewed).');
  const report = (label: string, name: string, value: number, target?: number) => {
    const figure = ctx.record({ name, value, unit: 'ms', ...(target === undefined ? {} : { target }) });
    line(label, `${ms(value)}${target === undefined ? '' : `  (target <= ${target} ms) ${verdict(figure)}`}`);
  };
  console.log('  everyday start (data folder of an earlier start: doors in the store, zwave-js cache warm)');
  report('  page served (URL printed)', 'host-start/next/url', of(warm, 'urlMs'), 3000);
  report('  first usable page (all demo doors listed)', 'host-start/next/first-usable-page', of(warm, 'allDoorsMs'), 3000);
  report('  ready with locks interviewed', 'host-start/next/locks-interviewed', of(warm, 'interviewedMs'));
  console.log('  first start (fresh data folder: every lock interviewed from scratch, one after another by zwave-js)');
  report('  page served (URL printed)', 'host-start/first/url', of(fresh, 'urlMs'), 3000);
  report('  first door listed', 'host-start/first/first-door', of(fresh, 'firstDoorMs'));
  report('  first usable page (all demo doors listed)', 'host-start/first/first-usable-page', of(fresh, 'allDoorsMs'));
  report('  ready with locks interviewed', 'host-start/first/locks-interviewed', of(fresh, 'interviewedMs'));
}

/** Radio commands per verified code: checksum verification against a read-back per code. */
async function radio(ctx: BenchContext): Promise<void> {
  console.log('\nRadio: commands sent per verified code, 30 codes queued for one virtual lock (S2, User Code v2 vs v1)');
  const withChecksum = await commandsPerVerifiedCode(30, true);
  const withoutChecksum = await commandsPerVerifiedCode(30, false);
  const perCode = ctx.record({ name: 'radio/commands-per-code', value: withChecksum.perCode, unit: 'commands/code', baseline: withoutChecksum.perCode, target: 1.2, targetOf: 'value' });
  const time = ctx.record({ name: 'radio/batch-time', value: withChecksum.ms, unit: 'ms', baseline: withoutChecksum.ms });
  line('with checksum verification', `${perCode.value.toFixed(2)} commands/code, ${ms(time.value)} for the batch  (target <= 1.2) ${verdict(perCode)}`);
  line('read-back per code (baseline)', `${perCode.baseline!.toFixed(2)} commands/code, ${ms(time.baseline!)} for the batch`);
  line('ratio', `${perCode.ratio!.toFixed(3)} of the commands, ${time.ratio!.toFixed(3)} of the time`);
}

/** The sharded store with 100,000 codes against plain lowdb (prints its own lines; every figure is recorded here). */
async function store(ctx: BenchContext): Promise<void> {
  console.log('\nStore: 100,000 codes across 50 sites (sharded durable store vs plain lowdb writing the whole store per change)');
  const r = await runStoreBench();
  ctx.record({ name: 'store/open-index', value: r.openMs, unit: 'ms', target: 300 });
  ctx.record({ name: 'store/open-first-site', value: r.openFirstSiteMs, unit: 'ms' });
  ctx.record({ name: 'store/open-first-site-first-in-process', value: r.openFirstSiteColdMs, unit: 'ms', target: 300 });
  ctx.record({ name: 'store/change-median', value: r.changeMedianMs, unit: 'ms', baseline: r.lowdbChangeMs, target: 20, targetOf: 'value' });
  ctx.record({ name: 'store/change-p99', value: r.changeP99Ms, unit: 'ms' });
  ctx.record({ name: 'store/1000-changes-in-turn', value: r.sequential1000Ms, unit: 'ms' });
  ctx.record({ name: 'store/1000-changes-at-once', value: r.concurrent1000Ms, unit: 'ms' });
  ctx.record({ name: 'store/change-50-vs-5-sites', value: r.fiftySitesChangeMs, unit: 'ms', baseline: r.fiveSitesChangeMs });
  ctx.record({ name: 'store/plain-lowdb-open', value: r.lowdbOpenMs, unit: 'ms' });
  ctx.record({ name: 'store/v1-durable-change', value: r.v1ChangeMs, unit: 'ms' });
}

/** The built renderer's JavaScript. */
async function rendererSize(ctx: BenchContext): Promise<void> {
  const size = await rendererJsSize();
  ctx.record({ name: 'renderer/js-gzip', value: size.gzip / 1024, unit: 'KiB' });
  ctx.record({ name: 'renderer/js-raw', value: size.raw / 1024, unit: 'KiB' });
  console.log(`\nRenderer JavaScript: ${(size.gzip / 1024).toFixed(1)} KiB gzip (${(size.raw / 1024).toFixed(1)} KiB raw, ${size.files} files)`);
}

/** Every benchmark, in the order `npm run bench` runs them. */
export const BENCHMARKS: readonly Benchmark[] = [
  { name: 'program-verify', description: `program + verify ${CODES} codes: Lockbench vs bare zwave-js (safe read+set+read-back, and set+read-back)`, run: programVerify },
  { name: 'host-start', description: 'browser host start: first usable page (doors listed over the WebSocket) and ready with locks interviewed', run: hostStart },
  { name: 'nuki-codes', description: 'program + verify 30 codes on the virtual Nuki lock: Lockbench vs the bare protocol loop (add + list), and BLE commands per code', run: nukiCodes },
  { name: 'radio', description: 'radio commands per verified code: checksum vs read-back per code', run: radio },
  { name: 'store', description: 'the store with 100,000 codes across 50 sites vs plain lowdb', run: store },
  { name: 'cloud-push', description: 'push 1,000 queued codes to the demo cloud: Lockbench sync vs a bare @seamapi/http loop (8 in flight), and duplicates after an outage', run: cloudPush },
  { name: 'building-commission', description: "commission the building demo (24 doors × 8 codes): Lockbench's bulk run vs the radio floor (bare zwave-js ‖ bare Nuki loops), ETA error at 25 %, the site's report (PDF, CSV)", run: buildingCommission },
  { name: 'renderer-size', description: "the built renderer's JavaScript, gzip and raw", run: rendererSize },
  { name: 'package', description: 'the packaged app (stand-in Electron): app.asar size and files vs the same build untrimmed, and the packed main process to demo ready (smoke mode)', run: packageBench },
];
