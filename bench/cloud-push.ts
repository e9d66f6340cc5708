import { zwaveAddress } from '../shared/domain/lock-address';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeamHttp } from '@seamapi/http';
import type { AccessCode } from '../shared/domain/access-code';
import type { CloudAccount } from '../shared/domain/cloud';
import { sampleAccessCode, sampleDoor, sampleSite } from '../shared/testing/samples';
import type { CloudGateway } from '../electron/core/cloud/cloud-gateway';
import { startDemoCloud, type DemoCloud } from '../electron/core/cloud/demo-cloud';
import { codesOf } from '../electron/core/cloud/demo-cloud-rows';
import { GATEWAY_ROUTES } from '../electron/core/cloud/fake-cloud.fixture';
import { createSeamGateway, DEFAULT_CLOUD_TIMEOUT_MS } from '../electron/core/cloud/seam-gateway';
import { DEMO_CLOUD_DEVICES } from '../electron/core/demo/demo-cloud-devices';
import { createDataKey } from '../electron/core/secrets/data-key';
import { createFieldCipher } from '../electron/core/secrets/field-cipher';
import { openShardedStore } from '../electron/core/store/open-sharded-store';
import type { ShardedStore } from '../electron/core/store/store-v2';
import { fillOutbox } from '../electron/core/sync/outbox-rules';
import { emptyCloudState } from '../electron/core/records/code-records';
import { deviceOfDoor, runSync } from '../electron/core/sync/sync-run';
import { median } from './bench-lock';
import type { BenchContext } from './benchmarks';
import { verdict } from './results';

/**
 * Issue 7's numbers: 1,000 queued time-bound codes pushed to the demo cloud (Seam's fake server on 127.0.0.1, in this
 * process), Lockbench's whole sync (reconcile → push → pull) against a bare loop of Seam's official client with the
 * same 8 requests in flight, each round on a fresh cloud; then the duplicates left in the cloud after an outage.
 */

const COUNT = 1_000;
const IN_FLIGHT = 8;
const OUTAGE_AT = 300;
const WARM_UP = 200;
const SITE = 'bench';

const ms = (value: number) => `${value.toFixed(0)} ms`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(50)}: ${text}`);

/** Distinct 6-digit PINs (no two alike, on any device). */
const pushPins = (count: number) => Array.from({ length: count }, (_, i) => String(200_000 + i * 773));

/** Every code's window: starts tomorrow, lasts a week (the cloud switches it; nothing moves during the run). */
function codeWindow(): { starts_at: string; ends_at: string } {
  const start = Math.ceil(Date.now() / 60_000) * 60_000 + 86_400_000;
  return { starts_at: new Date(start).toISOString(), ends_at: new Date(start + 7 * 86_400_000).toISOString() };
}

const startCloud = () => startDemoCloud({ devices: DEMO_CLOUD_DEVICES, robotIntervalMs: 0 });

/** Lockbench's gateway (the real one, over the official client) with the demo workspace's key. */
function gatewayOf(cloud: DemoCloud): CloudGateway {
  const account: CloudAccount = { kind: 'demo', workspaceId: cloud.workspaceId, workspaceName: null, endpoint: cloud.endpoint, checkedAt: null };
  return createSeamGateway({ account, secret: cloud.apiKey });
}

/** The baseline: the official client alone, `IN_FLIGHT` creates at a time, codes spread over the cloud's devices. */
async function bareLoop(cloud: DemoCloud, pins: readonly string[]): Promise<number> {
  const seam = SeamHttp.fromApiKey(cloud.apiKey, { endpoint: cloud.endpoint, timeout: DEFAULT_CLOUD_TIMEOUT_MS, axiosRetryOptions: { retries: 0 }, waitForActionAttempt: false });
  const devices = cloud.devices.map((d) => d.deviceId);
  const window = codeWindow();
  let next = 0;
  const worker = async () => {
    while (next < pins.length) {
      const i = next++;
      await seam.accessCodes.create({ device_id: devices[i % devices.length]!, name: `Guest ${i + 1}`, code: pins[i]!, ...window });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const elapsed = performance.now() - started;
  if (codesOf(cloud.database).length !== pins.length) throw new Error(`bare loop: the cloud has ${codesOf(cloud.database).length} codes, not ${pins.length}`);
  return elapsed;
}

/** A store in a temp folder, one site, a door per cloud device, `pins` queued as cloud-scheduled codes with their outbox entries. */
async function queuedStore(cloud: DemoCloud, gateway: CloudGateway, pins: readonly string[]): Promise<{ store: ShardedStore; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-cloud-push-'));
  let store: ShardedStore | null = null;
  const deviceOf = (doorId: string) => (store ? deviceOfDoor(store, doorId) : null);
  store = await openShardedStore({
    dir,
    pinCipher: createFieldCipher(createDataKey(), 'store pins'),
    deriveInCommit: (_siteId, data, changes) => fillOutbox(data, changes, { deviceOf, now: () => new Date(), newId: randomUUID }),
  });
  const at = new Date().toISOString();
  const facts = await gateway.listLocks();
  const doors = cloud.devices.map((d, i) =>
    sampleDoor({ id: `door-${i + 1}`, siteId: SITE, lockAddress: zwaveAddress(i + 2), name: d.name, createdAt: at, cloud: { device_id: d.deviceId, linked_at: at, facts: facts.find((f) => f.device_id === d.deviceId) ?? null } }),
  );
  await store.index.update((data) => {
    data.sites.push(sampleSite({ id: SITE, name: 'Bench', timeZone: 'UTC', createdAt: at }));
    data.doors.push(...doors);
  });
  const window = codeWindow();
  const codes: AccessCode[] = pins.map((pin, i) => {
    const door = doors[i % doors.length]!;
    return sampleAccessCode({ access_code_id: randomUUID(), door_id: door.id, name: `Guest ${i + 1}`, code: pin, type: 'time_bound', ...window, slot: null, status: 'unset', scheduled_by: 'cloud', cloud: emptyCloudState(door.cloud!.device_id), created_at: at, updated_at: at });
  });
  const doc = await store.codes(SITE);
  await doc.update((data) => void data.accessCodes.push(...codes));
  if (doc.read().outbox.filter((e) => e.state === 'pending').length !== pins.length) throw new Error('the outbox was not filled');
  return { store, dir };
}

/** What one Lockbench sync did. */
interface SyncRun {
  totalMs: number;
  /** Reconcile + push, up to the pull's first request. */
  pushMs: number;
  siteCommits: number;
}

const syncOnce = (store: ShardedStore, gateway: CloudGateway, force = false) =>
  runSync({ store, gateway, now: () => new Date(), random: Math.random, newId: randomUUID, inFlight: IN_FLIGHT, isRunning: () => false, onRemovals: () => {}, progress: () => {}, force });

async function counts(store: ShardedStore): Promise<{ pending: number; linked: number }> {
  const data = (await store.codes(SITE)).read();
  return { pending: data.outbox.filter((e) => e.state === 'pending').length, linked: data.accessCodes.filter((c) => c.cloud?.access_code_id).length };
}

/** Lockbench: the codes queued first (not timed), then one `runSync` with the real Seam gateway (timed). */
async function lockbenchSync(cloud: DemoCloud, pins: readonly string[]): Promise<SyncRun> {
  const real = gatewayOf(cloud);
  const { store, dir } = await queuedStore(cloud, real, pins);
  let pullAt = 0;
  const gateway: CloudGateway = { ...real, listCodes: (deviceId) => ((pullAt ||= performance.now()), real.listCodes(deviceId)) };
  let siteCommits = 0;
  store.onSiteCommit(() => siteCommits++);
  try {
    const started = performance.now();
    const error = await syncOnce(store, gateway);
    const totalMs = performance.now() - started;
    const { pending, linked } = await counts(store);
    if (error || pending !== 0 || linked !== pins.length) throw new Error(`Lockbench sync: ${error?.code ?? 'no error'}, ${linked} linked, ${pending} pending`);
    if (codesOf(cloud.database).length !== pins.length) throw new Error(`Lockbench sync: the cloud has ${codesOf(cloud.database).length} codes`);
    return { totalMs, pushMs: pullAt - started, siteCommits };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function withCloud<T>(run: (cloud: DemoCloud) => Promise<T>): Promise<T> {
  const cloud = await startCloud();
  try {
    return await run(cloud);
  } finally {
    await cloud.close();
  }
}

/** What the outage left in the cloud. */
interface OutageResult {
  firstError: string | null;
  pendingAfterOutage: number;
  syncsToRecover: number;
  recoverMs: number;
  total: number;
  /** Codes linked to their cloud code on the laptop at the end. */
  linked: number;
  duplicates: number;
  missing: number;
}

/** 1,000 queued; Seam's workspace outage switched on at the 300th create; off once that sync ends; syncs until 0 pending. */
async function outageDuplicates(pins: readonly string[]): Promise<OutageResult> {
  return withCloud(async (cloud) => {
    const real = gatewayOf(cloud);
    const { store, dir } = await queuedStore(cloud, real, pins);
    let creates = 0;
    const gateway: CloudGateway = {
      ...real,
      createCode(input) {
        if (++creates === OUTAGE_AT) cloud.database.simulateWorkspaceOutage(cloud.workspaceId, { routes: GATEWAY_ROUTES });
        return real.createCode(input);
      },
    };
    try {
      const first = await syncOnce(store, gateway);
      const pendingAfterOutage = (await counts(store)).pending;
      cloud.database.simulateWorkspaceOutageRecovery(cloud.workspaceId);
      const started = performance.now();
      let syncs = 0;
      // Forced, as the installer's "Sync now": entries waiting out their backoff go at once.
      while ((await counts(store)).pending > 0 && syncs < 5) {
        syncs++;
        await syncOnce(store, gateway, true);
      }
      const recoverMs = performance.now() - started;
      const inCloud = codesOf(cloud.database).map((c) => c.code);
      const distinct = new Set(inCloud);
      return {
        firstError: first?.code ?? null,
        pendingAfterOutage,
        syncsToRecover: syncs,
        recoverMs,
        total: inCloud.length,
        linked: (await counts(store)).linked,
        duplicates: inCloud.length - distinct.size,
        missing: pins.filter((p) => !distinct.has(p)).length,
      };
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/**
 * The benchmark: an untimed warm-up of both sides (200 codes: the fake in this process is slow until it is warm),
 * then rounds that alternate which side goes first, then the outage.
 */
export async function cloudPush(ctx: BenchContext): Promise<void> {
  const pins = pushPins(COUNT);
  await withCloud((cloud) => bareLoop(cloud, pins.slice(0, WARM_UP)));
  await withCloud((cloud) => lockbenchSync(cloud, pins.slice(0, WARM_UP)));
  const bare: number[] = [];
  const runs: SyncRun[] = [];
  for (let round = 1; round <= ctx.rounds; round++) {
    const sides = [async () => bare.push(await withCloud((c) => bareLoop(c, pins))), async () => runs.push(await withCloud((c) => lockbenchSync(c, pins)))];
    for (const side of round % 2 ? sides : sides.reverse()) await side();
    const run = runs.at(-1)!;
    console.log(`round ${round}/${ctx.rounds}: bare loop ${ms(bare.at(-1)!)}, Lockbench sync ${ms(run.totalMs)} (push ${ms(run.pushMs)}, ${run.siteCommits} site commits)`);
  }
  const sync = ctx.record({ name: 'cloud-push/sync-vs-bare-loop', value: median(runs.map((r) => r.totalMs)), unit: 'ms', baseline: median(bare), target: 1.25 });
  const push = ctx.record({ name: 'cloud-push/push-vs-bare-loop', value: median(runs.map((r) => r.pushMs)), unit: 'ms', baseline: median(bare) });
  const commits = ctx.record({ name: 'cloud-push/site-commits', value: median(runs.map((r) => r.siteCommits)), unit: 'commits' });
  console.log(`\nCloud push: ${COUNT} queued time-bound codes to the demo cloud (Seam's fake on 127.0.0.1), ${IN_FLIGHT} in flight, median of ${ctx.rounds} rounds, fresh cloud each`);
  line('bare @seamapi/http loop (creates only)', ms(sync.baseline!));
  line('Lockbench runSync (reconcile, push, pull)', `${ms(sync.value)}  (PINs sealed in the store; ${commits.value} site commits)`);
  line('  of which reconcile + push', ms(push.value));
  line('ratio Lockbench sync / bare loop', `${sync.ratio!.toFixed(3)}  (target <= 1.25) ${verdict(sync)}`);
  line('ratio push alone / bare loop', push.ratio!.toFixed(3));

  const outage = await outageDuplicates(pins);
  const dupes = ctx.record({ name: 'cloud-push/duplicates-after-outage', value: outage.duplicates, unit: 'codes', target: 0 });
  ctx.record({ name: 'cloud-push/missing-after-outage', value: outage.missing, unit: 'codes', target: 0 });
  console.log(`\nOutage: ${COUNT} queued, Seam's workspace outage on at the ${OUTAGE_AT}th create, off after that sync`);
  line('first sync', `${outage.firstError ?? 'no error'}, ${outage.pendingAfterOutage} still pending`);
  ctx.record({ name: 'cloud-push/outage-recovery', value: outage.recoverMs, unit: 'ms' });
  line('syncs to 0 pending after the outage', `${outage.syncsToRecover} (${ms(outage.recoverMs)}, forced: entries waiting out a backoff go too)`);
  line('codes in the cloud', `${outage.total}, ${outage.missing} missing; ${outage.linked} of ${COUNT} linked on the laptop`);
  line('duplicates (total - distinct PINs)', `${dupes.value}  (target 0) ${verdict(dupes)}`);
}
