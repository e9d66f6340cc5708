/**
 * Kill the main process (SIGKILL) at random moments during bursts of changes, many times: every acknowledged change
 * is there after restart, and the store always opens. At the end the queue drains and the virtual locks' memory holds
 * exactly the codes Lockbench says are set: nothing duplicated, nothing left over, nothing missing.
 *
 *   loop (seeded): start host ─▶ burst of creates / removals (record every ok:true) ─▶ SIGKILL after 0–1500 ms
 *                  ─▶ restart ─▶ store opened without recovery; acknowledged changes all there; no slot / PIN twice
 *   end:           drain ─▶ graceful stop (the virtual stick saves its memory) ─▶ demo-locks.json == active set codes
 *
 * Seed: LOCKBENCH_CRASH_SEED=<n> reproduces a run (printed at the start); LOCKBENCH_CRASH_ROUNDS=<n> changes the count.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccessCode } from '../shared/domain/access-code';
import type { DoorView } from '../shared/domain/door';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, isNoAnswer, type HostClient } from './support/ws-client';
import { createSeededRandom } from '../electron/core/demo/seeded-random';
import { lockSlots, readLockMemory, writeLockMemory } from './support/lock-memory';

const ROUNDS = Number(process.env.LOCKBENCH_CRASH_ROUNDS ?? 8);
const SEED = Number(process.env.LOCKBENCH_CRASH_SEED ?? Date.now() % 1_000_000);
/**
 * The garage lock (30 % radio drops) is left out unless LOCKBENCH_CRASH_GARAGE=1: on it, a Set can end `failed`
 * ("kept the slot empty") through radio loss alone, which is not what this test is about (see the report).
 */
const ALL_DOORS = ['Front door', 'Back door', 'Garage side door'];
const DOOR_NAMES = process.env.LOCKBENCH_CRASH_GARAGE === '1' ? ALL_DOORS : ALL_DOORS.slice(0, 2);
/** Active codes kept per door at most (below each lock's slot count, so a create is never refused for space). */
const MAX_ACTIVE: Record<string, number> = { 'Front door': 14, 'Back door': 7, 'Garage side door': 10 };

const dirs: string[] = [];
const hosts: HostProcess[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  for (const h of hosts) await h.stop('SIGKILL');
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-crash-'));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string, args: readonly string[] = []): Promise<{ host: HostProcess; client: HostClient }> {
  const host = await startHost(dataDir, args);
  hosts.push(host);
  const client = await connectHostClient(host.url);
  return { host, client };
}


/** A 6-digit PIN every demo lock takes: distinct digits (≥ 3 unique) and no run of three consecutive digits. */
function randomPin(random: () => number, used: Set<string>): string {
  for (;;) {
    const digits = [...'0123456789'].sort(() => random() - 0.5).slice(0, 6).map(Number);
    const hasRun = digits.some((d, i) => i >= 2 && Math.abs(d - digits[i - 1]!) === 1 && d - digits[i - 1]! === digits[i - 1]! - digits[i - 2]!);
    const pin = digits.join('');
    if (!hasRun && !used.has(pin)) {
      used.add(pin);
      return pin;
    }
  }
}

async function allCodes(client: HostClient, doors: readonly DoorView[]): Promise<AccessCode[]> {
  return (await Promise.all(doors.map((d) => client.call('codes.list', { doorId: d.id })))).flat();
}

/** No two active codes on a door share a slot or a PIN. */
function expectNoSharedSlotOrPin(codes: readonly AccessCode[], context: string): void {
  const active = codes.filter((c) => !c.is_removed);
  for (const doorId of new Set(active.map((c) => c.door_id))) {
    const mine = active.filter((c) => c.door_id === doorId);
    expect(new Set(mine.map((c) => c.slot)).size, `${context}: a slot used twice on ${doorId}`).toBe(mine.length);
    expect(new Set(mine.map((c) => c.code)).size, `${context}: a PIN used twice on ${doorId}`).toBe(mine.length);
  }
}

describe('crash and restart (SIGKILL) during bursts of changes', () => {
  it(`keeps every acknowledged change and never needs recovery (${ROUNDS} rounds)`, async () => {
    console.log(`[crash-restart] seed ${SEED} (LOCKBENCH_CRASH_SEED=${SEED} reproduces the choices), ${ROUNDS} rounds`);
    const random = createSeededRandom(SEED);
    const dataDir = await newDataDir();
    /** Acknowledged creates and removals, by access code id. */
    const created = new Map<string, { doorId: string; pin: string; slot: number | null; round: number }>();
    const removed = new Map<string, number>();
    const usedPins = new Map<string, Set<string>>();
    const stats = { creates: 0, removals: 0, unanswered: 0, refused: [] as string[], killsMidBurst: 0 };
    let doors: DoorView[] = [];
    /** Codes the demo locks held before Lockbench (codes from elsewhere): they must still be there at the end. */
    let fromElsewhere = new Map<number, Map<number, string>>();

    for (let round = 0; round < ROUNDS; round++) {
      const started = Date.now();
      const { host, client } = await open(dataDir);
      const startMs = Date.now() - started;
      // The store opened (the host is ready) and needed no recovery: a SIGKILL never leaves a half-written file.
      expect((await client.call('app.info', {})).storeNotice, `round ${round}: store notice`).toBeNull();
      const listed = await client.call('doors.list', { siteId: 'demo' });
      expect(listed.map((d) => d.name).sort()).toEqual([...ALL_DOORS].sort());
      doors = listed.filter((d) => DOOR_NAMES.includes(d.name));
      if (round === 0) {
        const memory = await readLockMemory(dataDir);
        fromElsewhere = new Map(doors.map((d) => [Number(d.lockAddress.address), lockSlots(memory, Number(d.lockAddress.address))]));
      }

      // Everything acknowledged before is still there, unchanged; removals never went back to set.
      const codes = await allCodes(client, doors);
      const byId = new Map(codes.map((c) => [c.access_code_id, c]));
      for (const [id, ack] of created) {
        const code = byId.get(id);
        expect(code, `round ${round}: acknowledged code ${id} (round ${ack.round}) lost`).toBeDefined();
        expect(code).toMatchObject({ door_id: ack.doorId, code: ack.pin, slot: ack.slot });
        if (removed.has(id)) {
          expect(code!.status === 'removing' || (code!.is_removed && code!.status === 'unset'), `round ${round}: removed code ${id} is ${code!.status}/${code!.is_removed}`).toBe(true);
        } else {
          expect(code!.is_removed, `round ${round}: code ${id} removed without being asked`).toBe(false);
          expect(['setting', 'set'], `round ${round}: code ${id}`).toContain(code!.status);
        }
      }
      expectNoSharedSlotOrPin(codes, `round ${round}`);

      // The burst: creates with distinct PINs on every door, removals of earlier acknowledged codes.
      const plan: Array<() => Promise<void>> = [];
      for (const door of doors) {
        const pins = usedPins.get(door.id) ?? new Set(codes.filter((c) => c.door_id === door.id).map((c) => c.code));
        usedPins.set(door.id, pins);
        const active = codes.filter((c) => c.door_id === door.id && !c.is_removed && !removed.has(c.access_code_id));
        const removable = active.filter((c) => created.has(c.access_code_id));
        const removals = Math.min(removable.length, Math.floor(random() * 3));
        // Prefer codes still `setting`: removing a change that may be half-way to the lock is the interesting case.
        removable.sort((a, b) => Number(b.status === 'setting') - Number(a.status === 'setting') || random() - 0.5);
        for (const victim of removable.slice(0, removals)) {
          plan.push(async () => {
            const result = await client.request('codes.remove', { doorId: door.id, accessCodeId: victim.access_code_id });
            if (result.ok) {
              removed.set(victim.access_code_id, round);
              stats.removals++;
            } else if (isNoAnswer(result)) stats.unanswered++;
            else stats.refused.push(`remove: ${result.error.code}`);
          });
        }
        // A code still being removed holds its slot until the lock confirms: count it, or a create rightly gets no_free_slot.
        const holding = codes.filter((c) => c.door_id === door.id && !c.is_removed).length;
        const creates = Math.max(0, Math.min(1 + Math.floor(random() * 4), MAX_ACTIVE[door.name]! - holding));
        for (let i = 0; i < creates; i++) {
          const pin = randomPin(random, pins);
          plan.push(async () => {
            const result = await client.request('codes.create', { doorId: door.id, code: pin });
            if (result.ok) {
              created.set(result.value.access_code_id, { doorId: door.id, pin, slot: result.value.slot, round });
              stats.creates++;
            } else if (isNoAnswer(result)) stats.unanswered++;
            else stats.refused.push(`create: ${result.error.code}`);
          });
        }
      }
      plan.sort(() => random() - 0.5);
      const gaps = plan.map(() => Math.floor(random() * 120));
      const killAfter = Math.floor(random() * 1500);
      const burstStart = Date.now();
      let isBurstDone = false;
      const burst = (async () => {
        const inFlight: Promise<void>[] = [];
        for (const [i, step] of plan.entries()) {
          inFlight.push(step());
          await sleep(gaps[i]!);
        }
        await Promise.all(inFlight);
        isBurstDone = true;
      })();
      await sleep(killAfter);
      if (!isBurstDone) stats.killsMidBurst++;
      await host.stop('SIGKILL');
      await burst;
      client.close();
      console.log(
        `[crash-restart] round ${round}: ready in ${startMs} ms, ${plan.length} changes, killed after ${killAfter} ms` +
          `${isBurstDone ? '' : ' (mid-burst)'}, burst ${Date.now() - burstStart} ms`,
      );
    }

    // Last start: let the queue drain, then stop gracefully so the virtual stick writes its memory.
    const { host, client } = await open(dataDir);
    expect((await client.call('app.info', {})).storeNotice).toBeNull();
    const drainStart = Date.now();
    let codes: AccessCode[] = [];
    while (Date.now() - drainStart < 90_000) {
      codes = await allCodes(client, doors);
      if (!codes.some((c) => c.status === 'setting' || c.status === 'removing')) break;
      await sleep(500);
    }
    const queue = await client.call('queue.list', { siteId: 'demo' });
    console.log(`[crash-restart] drained in ${Date.now() - drainStart} ms; ${JSON.stringify(stats)}; ${codes.length} codes, queue ${queue.length}`);
    expect(codes.filter((c) => c.status === 'setting' || c.status === 'removing').map((c) => `${c.status} slot ${c.slot}`), 'still pending after 90 s').toEqual([]);
    expect(queue).toEqual([]);
    for (const [id] of created) expect(codes.find((c) => c.access_code_id === id)).toBeDefined();
    expectNoSharedSlotOrPin(codes, 'end');
    await host.stop('SIGTERM');

    const memory = await readLockMemory(dataDir);
    for (const door of doors) {
      const expected = new Map(codes.filter((c) => c.door_id === door.id && !c.is_removed && c.status === 'set').map((c) => [c.slot!, c.code]));
      for (const [slot, pin] of fromElsewhere.get(Number(door.lockAddress.address)) ?? []) expected.set(slot, pin);
      const onLock = lockSlots(memory, Number(door.lockAddress.address));
      const sort = (m: Map<number, string>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
      expect(sort(onLock), `${door.name}: lock memory (slot → PIN) vs codes set`).toEqual(sort(expected));
    }
    expect(stats.creates).toBeGreaterThan(0);
    expect(stats.refused).toEqual([]);
  }, 240_000);

  it('after a crash, a removed code whose Set never went out is withdrawn at once; one whose Set may have landed is cleared', async () => {
    // Before any command that changes a lock, the queue writes "may reach the lock" (is_ambiguous) to disk. So after a
    // SIGKILL an operation that is not ambiguous never went out, and one that is may have landed. Both are made here.
    const dataDir = await newDataDir();
    let { host, client } = await open(dataDir); // first start: the demo site is connected once, doors learn their rules
    const back = (await client.call('doors.list', { siteId: 'demo' })).find((d) => d.name === 'Back door')!;
    await host.stop('SIGTERM');

    ({ host, client } = await open(dataDir, ['--no-demo']));
    const unsent = await client.call('codes.create', { doorId: back.id, code: '470236' });
    const landed = await client.call('codes.create', { doorId: back.id, code: '470235' });
    expect([unsent.status, landed.status]).toEqual(['setting', 'setting']);
    await host.stop('SIGKILL');

    // The crash came right after the second code's Set reached the lock: its on-air mark is on disk, its PIN on the lock.
    const siteFile = join(dataDir, 'sites', 'demo.json');
    const site = JSON.parse(await readFile(siteFile, 'utf8')) as { operations: Array<{ access_code_id: string; is_ambiguous: boolean }> };
    for (const op of site.operations) if (op.access_code_id === landed.access_code_id) op.is_ambiguous = true;
    await writeFile(siteFile, JSON.stringify(site));
    const memory = await readLockMemory(dataDir);
    memory.locks[String(Number(back.lockAddress.address))]!.slots[String(landed.slot)] = { status: 1, code: '470235' };
    await writeLockMemory(dataDir, memory);

    ({ host, client } = await open(dataDir, ['--no-demo']));
    const withdrawn = await client.call('codes.remove', { doorId: back.id, accessCodeId: unsent.access_code_id });
    expect(withdrawn).toMatchObject({ is_removed: true, status: 'unset' }); // at once: nothing to clear, no radio, no waiting
    const removal = await client.call('codes.remove', { doorId: back.id, accessCodeId: landed.access_code_id });
    expect(removal).toMatchObject({ is_removed: false, status: 'removing' });
    expect((await client.call('queue.list', { siteId: 'demo' })).map((q) => [q.access_code_id, q.kind])).toEqual([[landed.access_code_id, 'remove_code']]);
    await client.call('sites.connect', { connection: { kind: 'demo' } });
    for (let i = 0; i < 40; i++) {
      const now = (await client.call('codes.list', { doorId: back.id })).find((c) => c.access_code_id === landed.access_code_id)!;
      if (now.status !== 'removing') break;
      await sleep(250);
    }
    const after = (await client.call('codes.list', { doorId: back.id })).find((c) => c.access_code_id === landed.access_code_id)!;
    await host.stop('SIGTERM');
    const onLock = lockSlots(await readLockMemory(dataDir), Number(back.lockAddress.address));
    expect(after.is_removed).toBe(true);
    // Lockbench says the codes are gone: then the lock must not open with either of them.
    expect([...onLock.values()]).not.toContain('470235');
    expect([...onLock.values()]).not.toContain('470236');
  }, 120_000);
});
