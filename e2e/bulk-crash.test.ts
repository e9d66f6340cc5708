/**
 * A bulk run cut by SIGKILL and resumed: the run is acknowledged only once every code and its lock change are on
 * disk, so a kill right after the acknowledgement and another in the middle of the run lose nothing and double
 * nothing. After the restarts the run finishes by itself; the virtual locks' memory then holds every code of the run
 * exactly once, beside the codes that were there before.
 *
 *   start host ─▶ bulk.start (16 codes, 2 doors) ─▶ SIGKILL at once ─▶ restart: run + all 16 codes there
 *              ─▶ wait for the first codes to be proven ─▶ SIGKILL mid-run ─▶ restart ─▶ run finishes
 *              ─▶ graceful stop ─▶ demo-locks.json: each PIN once, on its door, nothing missing
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BulkRunView } from '../shared/domain/bulk';
import type { DoorView } from '../shared/domain/door';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';
import { lockSlots, readLockMemory } from './support/lock-memory';

/** Distinct 6-digit PINs every demo lock takes (≥ 3 unique digits, no run of three consecutive digits). */
const PINS = ['318467', '529174', '640285', '751396', '862407', '973518', '184629', '295730'];
const DOORS = ['Front door', 'Back door'];

const dirs: string[] = [];
const hosts: HostProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  for (const h of hosts) await h.stop('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function open(dataDir: string): Promise<{ host: HostProcess; client: HostClient }> {
  const host = await startHost(dataDir);
  hosts.push(host);
  return { host, client: await connectHostClient(host.url) };
}

async function runOf(client: HostClient): Promise<BulkRunView> {
  const runs = await client.call('bulk.runs', { siteId: 'demo' });
  expect(runs).toHaveLength(1);
  return runs[0]!;
}

describe('a bulk run across SIGKILLs', () => {
  it('keeps every acknowledged code of the run, sends none twice, and finishes after the restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-bulk-crash-'));
    dirs.push(dataDir);
    let { host, client } = await open(dataDir);
    const doors = (await client.call('doors.list', { siteId: 'demo' })).filter((d) => DOORS.includes(d.name));
    const before = await readLockMemory(dataDir);
    const plan = { siteId: 'demo', doorIds: doors.map((d) => d.id), codes: PINS.map((pin, i) => ({ name: `Staff ${i + 1}`, pin, unit: null, window: null })) };
    const preview = await client.call('bulk.preview', plan);
    expect(preview.totals).toEqual({ ready: 16, not_ready: 0 });

    // Acknowledged, then killed at once: the whole run is already on disk.
    const started = await client.call('bulk.start', { plan, pins: preview.pins });
    expect(started.totals.total).toBe(16);
    await host.stop('SIGKILL');
    client.close();

    ({ host, client } = await open(dataDir));
    const afterFirstKill = await runOf(client);
    expect(afterFirstKill.run_id).toBe(started.run_id);
    expect(afterFirstKill.totals.total).toBe(16);

    // Killed again in the middle, once the locks have proven some of the codes but not all.
    const waitStart = Date.now();
    let mid = afterFirstKill;
    while (mid.totals.done === 0 && Date.now() - waitStart < 60_000) {
      await sleep(20);
      mid = await runOf(client);
    }
    await host.stop('SIGKILL');
    client.close();
    console.log(`[bulk-crash] killed mid-run with ${mid.totals.done} of 16 proven, ${mid.totals.running} on the air`);
    expect(mid.totals.done).toBeGreaterThan(0);

    ({ host, client } = await open(dataDir));
    const finishStart = Date.now();
    let end = await runOf(client);
    while (end.phase !== 'finished' && Date.now() - finishStart < 90_000) {
      await sleep(250);
      end = await runOf(client);
    }
    expect(end).toMatchObject({ phase: 'finished', progress: 1 });
    expect(end.totals).toMatchObject({ total: 16, done: 16, failed: 0, cancelled: 0 });

    // Each code of the run once in Lockbench, each `set` and proven.
    const codes = (await Promise.all(doors.map((d: DoorView) => client.call('codes.list', { doorId: d.id })))).flat().filter((c) => c.run_id === started.run_id);
    expect(codes).toHaveLength(16);
    for (const door of doors) {
      const mine = codes.filter((c) => c.door_id === door.id);
      expect(mine.map((c) => c.code).sort()).toEqual([...PINS].sort());
      expect(mine.every((c) => c.status === 'set' && c.verified_at !== null)).toBe(true);
      expect(new Set(mine.map((c) => c.slot)).size).toBe(PINS.length);
    }
    await host.stop('SIGTERM');
    client.close();

    // What a keypad would open with: every PIN exactly once on each door's lock, the codes from before untouched.
    const memory = await readLockMemory(dataDir);
    for (const door of doors) {
      const nodeId = Number(door.lockAddress.address);
      const held = [...lockSlots(memory, nodeId).values()];
      for (const pin of PINS) expect(held.filter((p) => p === pin), `${door.name}: ${pin}`).toHaveLength(1);
      for (const [slot, pin] of lockSlots(before, nodeId)) expect(lockSlots(memory, nodeId).get(slot)).toBe(pin);
    }
  }, 240_000);
});
