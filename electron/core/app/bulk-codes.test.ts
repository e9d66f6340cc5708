import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkRunView } from '../../../shared/domain/bulk';
import type { DoorView } from '../../../shared/domain/door';
import { checkPin } from '../../../shared/codes/pin-rules';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';
import { waitUntil } from '../zwave/test-support';

/**
 * Bulk codes through the whole main-process stack on the demo site's three Z-Wave locks: the preview says per door
 * what each lock would do with each code, the run stores everything before it is acknowledged, and pause, resume and
 * cancel do what they say on real queued work.
 */
let dataDir: string;
let services: AppServices;
let doors: DoorView[];
const runs: BulkRunView[] = [];
const door = (name: string) => doors.find((d) => d.name === name)!;
const plan = (codes: Array<{ name?: string; pin?: string | null; unit?: string | null; window?: { starts: { date: string; time: string }; ends: { date: string; time: string } } | null }>, doorNames = ['Front door', 'Back door']) => ({
  siteId: 'demo',
  doorIds: doorNames.map((n) => door(n).id),
  codes: codes.map((c) => ({ name: c.name ?? null, pin: c.pin ?? null, unit: c.unit ?? null, window: c.window ?? null })),
  confirmLockbenchScheduling: false,
});
const runNow = async (runId: string) => (await services.handlers['bulk.runs']({ siteId: 'demo' })).find((r) => r.run_id === runId)!;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-bulk-'));
  services = await createAppServices({ dataDir, host: 'browser', version: 'test' });
  await services.ready;
  services.events.subscribe((channel, payload) => channel === 'bulk.changed' && runs.push(payload as BulkRunView));
  doors = await services.handlers['doors.list']({ siteId: 'demo' });
}, 120_000);
afterAll(async () => {
  await services?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('bulk codes on the demo site', () => {
  it('previews per door: each lock refuses what breaks its own rules, the code made elsewhere is a duplicate, a generated PIN fits every door', async () => {
    const preview = await services.handlers['bulk.preview'](
      plan([{ name: 'Master', pin: null }, { name: 'Long', pin: '70315928' }, { name: 'Owner clash', pin: '2580' }, { name: 'Plain', pin: '7772' }], ['Front door', 'Back door', 'Garage side door']),
    );
    const verdicts = Object.fromEntries(preview.doors.map((d) => [d.door_name, d.lines.map((l) => l.verdict)]));
    // Back door takes 4–6 digits and already holds 2580 (its owner's code, made elsewhere).
    expect(verdicts['Back door']).toEqual(['ready', 'refused', 'duplicate', 'ready']);
    expect(verdicts['Front door']).toEqual(['ready', 'ready', 'ready', 'ready']);
    // Garage side door refuses fewer than three different digits.
    expect(verdicts['Garage side door']).toEqual(['ready', 'ready', 'ready', 'refused']);
    const back = preview.doors.find((d) => d.door_name === 'Back door')!;
    expect(back.lines[1]!.message).toMatch(/4.*6|digits/);
    expect(back.free_places).toBe(9);
    const master = preview.pins[0]!;
    expect(master).toMatch(/^\d+$/);
    expect(master.length).toBeLessThanOrEqual(6);
    expect(preview.totals).toEqual({ ready: 9, not_ready: 3 });
    expect(checkPin(master, { supportedCodeLengths: [4, 5, 6], pinCharset: 'digits', existingPins: [] }).ok).toBe(true);
  });

  it('asks to confirm Lockbench scheduling for a guest code on a lock without its own schedule, and says who switches it', async () => {
    const window = { starts: { date: '2030-06-01', time: '15:00' }, ends: { date: '2030-06-03', time: '11:00' } };
    const first = await services.handlers['bulk.preview'](plan([{ name: 'Guest', pin: '482913', window }]));
    const byDoor = Object.fromEntries(first.doors.map((d) => [d.door_name, d]));
    expect(byDoor['Back door']!.lines[0]).toMatchObject({ verdict: 'needs_confirmation' });
    expect(byDoor['Front door']!.lines[0]).toMatchObject({ verdict: 'ready', scheduled_by: 'lock' });
    expect(byDoor['Front door']!.notes.join(' ')).toMatch(/switches 1 time-bound code/);
    const confirmed = await services.handlers['bulk.preview']({ ...plan([{ name: 'Guest', pin: '482913', window }]), confirmLockbenchScheduling: true });
    expect(confirmed.doors.find((d) => d.door_name === 'Back door')!.lines[0]).toMatchObject({ verdict: 'ready', scheduled_by: 'lockbench' });
  });

  it('stores the whole run before acknowledging it, then puts every code on its lock; a second run of the same plan adds nothing', async () => {
    const staff = plan([{ name: 'Cleaner', pin: '640285' }, { name: 'Caretaker', pin: '751396' }, { name: 'Master', pin: null }]);
    const preview = await services.handlers['bulk.preview'](staff);
    const run = await services.handlers['bulk.start']({ plan: staff, pins: preview.pins });
    expect(run.totals.total).toBe(6);
    // On disk at the acknowledgement: the run, its six codes and their lock changes.
    const onDisk = JSON.parse(await readFile(join(dataDir, 'sites', 'demo.json'), 'utf8')) as { bulkRuns: Array<{ run_id: string; items: unknown[] }>; operations: Array<{ run_id: string | null }> };
    expect(onDisk.bulkRuns.find((r) => r.run_id === run.run_id)!.items).toHaveLength(6);
    expect(onDisk.operations.filter((o) => o.run_id === run.run_id)).toHaveLength(6);
    await waitUntil('the run finished', async () => (await runNow(run.run_id)).phase === 'finished', 60_000);
    const done = await runNow(run.run_id);
    expect(done).toMatchObject({ progress: 1, eta_seconds: null, totals: { done: 6, failed: 0 } });
    await waitUntil('the finished run pushed to the UI', () => runs.some((r) => r.run_id === run.run_id && r.phase === 'finished'), 5_000);
    const codes = (await services.handlers['codes.list']({ doorId: door('Back door').id })).filter((c) => c.run_id === run.run_id);
    expect(codes.map((c) => c.status)).toEqual(['set', 'set', 'set']);
    expect(codes.every((c) => c.verified_at !== null)).toBe(true);

    const again = await services.handlers['bulk.preview']({ ...staff, codes: staff.codes.map((c, i) => ({ ...c, pin: preview.pins[i]! })) });
    expect(again.doors.flatMap((d) => d.lines.map((l) => l.verdict))).toEqual(Array(6).fill('already_there'));
    await expect(services.handlers['bulk.start']({ plan: staff, pins: preview.pins })).rejects.toMatchObject({ code: 'bulk.nothing_to_do' });
  }, 90_000);

  it('cancels a run: the codes that had not reached their lock are withdrawn, never sent', async () => {
    const pins = ['417520', '528631', '639742'];
    // One door at a time per stick: Back door waits behind Front door, so pausing at once holds all of its codes.
    const p = plan(pins.map((pin, i) => ({ name: `Temp ${i}`, pin })));
    const run = await services.handlers['bulk.start']({ plan: p, pins });
    await services.handlers['bulk.control']({ runId: run.run_id, action: 'pause' });
    await waitUntil('nothing on the air', async () => (await runNow(run.run_id)).totals.running === 0, 30_000);
    const cancelled = await services.handlers['bulk.control']({ runId: run.run_id, action: 'cancel' });
    expect(cancelled.phase).toBe('cancelled');
    await expect(services.handlers['bulk.control']({ runId: run.run_id, action: 'resume' })).rejects.toMatchObject({ code: 'bulk.not_allowed' });
    const back = (await services.handlers['codes.list']({ doorId: door('Back door').id })).filter((c) => c.run_id === run.run_id);
    expect(back.map((c) => [c.is_removed, c.status, c.verified_at])).toEqual(Array(3).fill([true, 'unset', null]));
    expect(cancelled.totals.cancelled).toBeGreaterThanOrEqual(3);
    expect(cancelled.totals.done + cancelled.totals.cancelled).toBe(6);
  }, 60_000);
  it('pauses (nothing more of it reaches the locks) and resumes', async () => {
    const pins = ['862407', '973518', '184629', '295730', '306841'];
    const p = plan(pins.map((pin, i) => ({ name: `Flat ${i}`, pin })));
    const run = await services.handlers['bulk.start']({ plan: p, pins });
    const paused = await services.handlers['bulk.control']({ runId: run.run_id, action: 'pause' });
    expect(paused.phase).toBe('paused');
    // What was on the air when paused finishes; after that nothing of the run moves.
    await waitUntil('nothing on the air', async () => (await runNow(run.run_id)).totals.running === 0, 30_000);
    const settled = (await runNow(run.run_id)).totals;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runNow(run.run_id)).totals).toEqual(settled);
    expect(settled.waiting).toBeGreaterThan(0);

    await services.handlers['bulk.control']({ runId: run.run_id, action: 'resume' });
    await waitUntil('finished after resume', async () => (await runNow(run.run_id)).phase === 'finished', 60_000);
    expect((await runNow(run.run_id)).totals).toMatchObject({ done: 10, failed: 0 });
  }, 90_000);

});
