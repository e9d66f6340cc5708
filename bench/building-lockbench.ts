import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulkPlan, BulkPreview, BulkRunView } from '../shared/domain/bulk';
import type { DoorView } from '../shared/domain/door';
import type { LockProtocol } from '../shared/domain/lock-address';
import type { AppServices } from '../electron/core/app/app-services';
import { createAppServices } from '../electron/core/app/create-app-services';
import { BUILDING_SITE_ID } from '../electron/core/demo/building/building-site';
import { NUKI_IDLE_DISCONNECT_MS } from '../electron/core/nuki/nuki-connection';
import { buildingPlan, CODES_PER_LOCK, FOUR_DIGIT_UNIT, STAFF_PINS } from './building-plan';
import { countRadioCommands, countStoreWrites, type RadioCount, type StoreWrites } from './building-probes';
import { watchRun } from './building-run-watch';

/** One door's work in the timed run, in ms from the call of bulk.start. */
export interface DoorTimeline {
  name: string;
  protocol: LockProtocol;
  /** The queue first showed one of its codes on the air. */
  onAirMs: number;
  /** Its last code set and verified. */
  doneMs: number;
  /** Time it had a code on the air (its attempts, not the backoff between them). */
  busyMs: number;
}

/** The ETA the wizard showed when the run first reached 25 % progress, against what really followed. */
export interface EtaAt25 {
  /** When that push reached the UI, ms from bulk.start. */
  pushMs: number;
  progress: number;
  basis: string | null;
  /** Seconds left, as shown. */
  predictedS: number;
  /** Seconds that really were left (from that push to the last code done). */
  actualS: number;
  /** (predicted − actual) / actual. */
  error: number;
}

/** What one Lockbench run measured. */
export interface LockbenchRun {
  /** bulk.start called → every code of the run set and verified (the commit that made the last one so). */
  ms: number;
  /** bulk.start called → its answer (every code and operation durably stored). */
  ackMs: number;
  /** bulk.start called → the `finished` push reached the UI; NaN when it never came. */
  finishedPushMs: number;
  eta: EtaAt25;
  /** Per protocol: ms from bulk.start to its last code done, and its codes (what the ETA's speed is measured on). */
  lanes: Record<LockProtocol, { ms: number; codes: number }>;
  doors: DoorTimeline[];
  /** Every code's verification, ms from bulk.start, with its door's protocol. */
  settles: Array<{ ms: number; protocol: LockProtocol }>;
  /**
   * Per protocol: time its lane had codes left but no door on the air (a door waiting out its retry backoff while no
   * other door of the lane had work, plus the hand-offs between doors), from the queue pushes.
   */
  idleMs: Record<LockProtocol, number>;
  /** Failed tries over the run's operations (each retried after its backoff), from the queue pushes, their doors and why. */
  retries: { count: number; doors: string[]; why: Record<string, number> };
  /** bulk.changed pushes while running, and the longest gap between two. */
  pushes: { count: number; maxGapMs: number };
  /** Radio commands from bulk.start to the last code verified. */
  radio: RadioCount;
  /** CPU time of this process (user + system) in the same window. */
  cpuMs: number;
  /** The store's durable writes in the same window. */
  store: StoreWrites;
  reportPdfMs: number;
  reportPdfAgainMs: number;
  reportCsvMs: number;
  /** First start (interviews, pairings) until every building door was connected (not timed as the result). */
  setupMs: number;
}

const TOTAL = 24 * CODES_PER_LOCK;
const RUN_TIMEOUT_MS = 300_000;

/**
 * The Lockbench path of the building-commission benchmark: the app's own services (createAppServices, the building
 * demo opened at start, no house demo, its radio drops seeded like the floor's) in a fresh data folder. Not timed: the first start (16 interviews, 8 pairings),
 * the preview (checked: 192 codes ready, the only others Flat 3.02 refusing the 6-digit staff codes) and the wait for
 * the Nuki links opened at start to drop idle (so the run starts with every lock to be reached, as the floor's does).
 * Timed: bulk.start → the last of the 192 codes set and verified, from the store's commits as pushed to the UI
 * (`codes.changed`); then report.build for the site, PDF (twice: the first in this process also loads the PDF library) and CSV.
 */
export async function lockbenchBuildingRun(seed: number): Promise<LockbenchRun> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-building-bench-'));
  const setupStarted = performance.now();
  let services: AppServices | null = null;
  try {
    services = await createAppServices({ dataDir: dir, host: 'browser', version: 'bench', openBuildingOnStart: true, connectDemoOnStart: false, demoRadioSeed: seed });
    await services.ready;
    const doors = await allDoorsConnected(services);
    const setupMs = performance.now() - setupStarted;
    const plan = buildingPlan(BUILDING_SITE_ID, doors.map((d) => d.id));
    const preview = await services.handlers['bulk.preview'](plan);
    checkPreview(preview);
    await new Promise((resolve) => setTimeout(resolve, NUKI_IDLE_DISCONNECT_MS + 2_000));
    const run = await timedRun(services, doors, plan, preview.pins);
    return { ...run, ...(await timeReports(services)), setupMs };
  } finally {
    await services?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The building's doors once all 24 are connected (the site is ready before its last locks may be). */
async function allDoorsConnected(services: AppServices): Promise<DoorView[]> {
  const until = performance.now() + 120_000;
  for (;;) {
    const site = (await services.handlers['sites.list']({})).find((s) => s.id === BUILDING_SITE_ID);
    const doors = await services.handlers['doors.list']({ siteId: BUILDING_SITE_ID });
    if (site?.state === 'ready' && doors.length === 24 && doors.every((d) => d.isConnected)) return doors;
    if (performance.now() > until) throw new Error(`building demo not ready: site ${site?.state ?? 'missing'}, ${doors.filter((d) => d.isConnected).length} of ${doors.length} doors connected`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Fails loudly unless the preview has exactly the 192 ready codes (8 per door) and nothing else but Flat 3.02's refusals. */
function checkPreview(preview: BulkPreview): void {
  const problems: string[] = [];
  for (const door of preview.doors) {
    const ready = door.lines.filter((l) => l.verdict === 'ready').length;
    if (ready !== CODES_PER_LOCK) problems.push(`${door.door_name}: ${ready} ready`);
    for (const line of door.lines.filter((l) => l.verdict !== 'ready')) {
      const isExpected = door.door_name === `Flat ${FOUR_DIGIT_UNIT}` && line.verdict === 'refused' && line.input < STAFF_PINS.length;
      if (!isExpected) problems.push(`${door.door_name}, code ${line.input + 1}: ${line.verdict} (${line.message ?? ''})`);
    }
  }
  if (preview.doors.length !== 24 || preview.totals.ready !== TOTAL || problems.length > 0) {
    throw new Error(`building-commission: the preview is not 24 doors × ${CODES_PER_LOCK} ready codes (${preview.totals.ready} ready): ${problems.join('; ')}`);
  }
}

type TimedRun = Omit<LockbenchRun, 'reportPdfMs' | 'reportPdfAgainMs' | 'reportCsvMs' | 'setupMs'>;

/** bulk.start → every code verified, with the ETA pushes, the doors' timeline, the lanes, radio and store counts. */
async function timedRun(services: AppServices, doors: readonly DoorView[], plan: BulkPlan, pins: BulkPreview['pins']): Promise<TimedRun> {
  const doorById = new Map(doors.map((d) => [d.id, d]));
  const watch = watchRun(services, BUILDING_SITE_ID, doors, CODES_PER_LOCK);
  const counting = countRadioCommands();
  const storeCounting = countStoreWrites();
  const cpuBefore = process.cpuUsage();
  const checking = { isOver: false };
  try {
    watch.start();
    const run = await services.handlers['bulk.start']({ plan, pins });
    const ackMs = watch.since();
    if (run.totals.total !== TOTAL) throw new Error(`bulk.start stored ${run.totals.total} codes, not ${TOTAL}`);
    const checker = failedOrStuck(services, run.run_id, watch.errors, checking);
    checker.catch(() => undefined); // after the race it may still see the services closing
    await Promise.race([watch.allVerified, checker]);
    checking.isOver = true;
    const ms = Math.max(...[...watch.verifiedAt.values()].map((d) => d.ms));
    const [radio, store, cpu] = [counting.stop(), storeCounting.stop(), process.cpuUsage(cpuBefore)];
    const finishedPushMs = await waitForPush(watch.pushes, run.run_id);
    const final = (await services.handlers['bulk.runs']({ siteId: BUILDING_SITE_ID })).find((r) => r.run_id === run.run_id)!;
    if (final.phase !== 'finished' || final.totals.done !== TOTAL || final.totals.failed !== 0) {
      throw new Error(`bulk run: phase ${final.phase}, totals ${JSON.stringify(final.totals)}; ${watch.errors.join('; ')}`);
    }
    // An operation's `attempts` counts its failed tries (one that succeeds at once never shows any).
    const retried = [...watch.attempts.values()].filter((a) => a.attempts > 0);
    const retries = { count: retried.reduce((n, a) => n + a.attempts, 0), doors: [...new Set(retried.map((a) => doorById.get(a.doorId)!.name))], why: { ...watch.tryErrors } };
    const running = watch.pushes.filter((p) => p.view.run_id === run.run_id && p.view.phase === 'running').map((p) => p.ms);
    const pushes = { count: running.length, maxGapMs: Math.max(0, ...running.slice(1).map((at, i) => at - running[i]!)) };
    const settles = [...watch.verifiedAt.values()].map(({ ms: at, doorId }) => ({ ms: at, protocol: doorById.get(doorId)!.lockAddress.protocol }));
    return {
      ms, ackMs, finishedPushMs, settles, radio, store, retries, pushes,
      cpuMs: (cpu.user + cpu.system) / 1000,
      idleMs: { ...watch.idleMs },
      eta: etaAt25(watch.pushes, run.run_id, ms),
      lanes: lanesOf(watch.verifiedAt, doorById),
      doors: timelineOf(watch.verifiedAt, watch.onAirAt, watch.busyMs, doorById),
    };
  } finally {
    checking.isOver = true;
    counting.stop();
    storeCounting.stop();
    watch.stop();
  }
}

/** Rejects when the run finishes with codes not verified, or is not done within RUN_TIMEOUT_MS; stops once `isOver`. */
async function failedOrStuck(services: AppServices, runId: string, errors: readonly string[], checking: { isOver: boolean }): Promise<void> {
  const until = performance.now() + RUN_TIMEOUT_MS;
  while (!checking.isOver) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (checking.isOver) return;
    const view = (await services.handlers['bulk.runs']({ siteId: BUILDING_SITE_ID })).find((r) => r.run_id === runId);
    const isStuck = performance.now() > until;
    if (view && ((view.phase === 'finished' && view.totals.done < TOTAL) || isStuck)) {
      const reasons = view.doors.flatMap((d) => d.failures.map((f) => `${d.door_name}: ${f.message}`));
      throw new Error(`bulk run ${isStuck ? 'not finished in time' : 'finished with failures'}: ${JSON.stringify(view.totals)}; ${[...reasons, ...errors].join('; ')}`);
    }
  }
}

/** Ms from bulk.start to the `finished` push (it follows the last commit by up to the 250 ms push throttle); NaN if none came. */
async function waitForPush(pushes: ReadonlyArray<{ ms: number; view: BulkRunView }>, runId: string): Promise<number> {
  const until = performance.now() + 10_000;
  for (;;) {
    const push = pushes.find((p) => p.view.run_id === runId && p.view.phase === 'finished');
    if (push) return push.ms;
    if (performance.now() > until) return NaN; // reported with the run's state below
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first push at 25 % progress or more, its ETA against the time that really was left. */
function etaAt25(pushes: ReadonlyArray<{ ms: number; view: BulkRunView }>, runId: string, doneMs: number): EtaAt25 {
  const push = pushes.find((p) => p.view.run_id === runId && p.view.phase === 'running' && p.view.progress >= 0.25 && p.view.eta_seconds !== null);
  if (!push) throw new Error('no push with an ETA at 25 % progress or more');
  const actualS = (doneMs - push.ms) / 1000;
  const predictedS = push.view.eta_seconds!;
  return { pushMs: push.ms, progress: push.view.progress, basis: push.view.eta_basis, predictedS, actualS, error: (predictedS - actualS) / actualS };
}

function lanesOf(doneAt: ReadonlyMap<string, { ms: number; doorId: string }>, doorById: ReadonlyMap<string, DoorView>): LockbenchRun['lanes'] {
  const lanes: LockbenchRun['lanes'] = { zwave: { ms: 0, codes: 0 }, nuki: { ms: 0, codes: 0 } };
  for (const { ms, doorId } of doneAt.values()) {
    const lane = lanes[doorById.get(doorId)!.lockAddress.protocol];
    lane.ms = Math.max(lane.ms, ms);
    lane.codes += 1;
  }
  return lanes;
}

function timelineOf(
  doneAt: ReadonlyMap<string, { ms: number; doorId: string }>,
  onAirAt: ReadonlyMap<string, number>,
  busyMs: ReadonlyMap<string, number>,
  doorById: ReadonlyMap<string, DoorView>,
): DoorTimeline[] {
  const doneMs = new Map<string, number>();
  for (const { ms, doorId } of doneAt.values()) doneMs.set(doorId, Math.max(doneMs.get(doorId) ?? 0, ms));
  return [...doneMs].map(([doorId, ms]) => {
    const door = doorById.get(doorId)!;
    return { name: door.name, protocol: door.lockAddress.protocol, onAirMs: onAirAt.get(doorId) ?? NaN, doneMs: ms, busyMs: busyMs.get(doorId) ?? NaN };
  }).sort((a, b) => a.onAirMs - b.onAirMs);
}

/** report.build for the whole site: PDF (first and again) and CSV; the PDF must be a PDF. */
async function timeReports(services: AppServices): Promise<Pick<LockbenchRun, 'reportPdfMs' | 'reportPdfAgainMs' | 'reportCsvMs'>> {
  const request = { siteId: BUILDING_SITE_ID, installerName: 'Bench Installer', paper: 'a4' as const, showPins: false, doorIds: null };
  const timed = async (format: 'pdf' | 'csv') => {
    const started = performance.now();
    const file = await services.handlers['report.build']({ ...request, format });
    const ms = performance.now() - started;
    const bytes = Buffer.from(file.base64, 'base64');
    if (format === 'pdf' && bytes.subarray(0, 4).toString('latin1') !== '%PDF') throw new Error('report.build: the PDF does not start with %PDF');
    if (format === 'csv' && bytes.length === 0) throw new Error('report.build: the CSV is empty');
    return ms;
  };
  const reportPdfMs = await timed('pdf');
  const reportPdfAgainMs = await timed('pdf');
  const reportCsvMs = await timed('csv');
  return { reportPdfMs, reportPdfAgainMs, reportCsvMs };
}
