import { describe, expect, it } from 'vitest';
import type { BulkRun } from '../../../shared/domain/bulk';
import { sampleAccessCode, sampleDoor } from '../../../shared/testing/samples';
import { newOperation } from '../queue/operation-records';
import { createEmptySiteCodes } from '../store/store-v2-schema';
import type { SiteCodesData } from '../store/store-v2';
import { runControl } from './bulk-control';
import { viewRun } from './bulk-progress';

const at = new Date('2026-11-30T10:00:00Z');
const later = new Date('2026-11-30T10:00:30Z');
const door = sampleDoor();

/** A run of three codes on door-1: one proven, one failed (the lock refused it), one waiting. */
function siteWithRun(): SiteCodesData {
  const data = createEmptySiteCodes('site-1');
  const codes = ['a', 'b', 'c'].map((id, i) => sampleAccessCode({ access_code_id: id, slot: i + 1, code: `48291${i}`, run_id: 'run-1', name: `Staff ${id}` }));
  const ops = codes.map((code) => newOperation({ id: `op-${code.access_code_id}`, code, kind: 'set_code', reason: 'new_code', notBefore: null, at, runId: 'run-1' }));
  Object.assign(codes[0]!, { status: 'set', verified_at: at.toISOString(), verified_by: 'read_back' });
  Object.assign(ops[0]!, { state: 'done', updated_at: later.toISOString() });
  Object.assign(codes[1]!, { errors: [{ error_code: 'failed_to_set_on_device', message: 'The lock refused 482911: too short.', created_at: at.toISOString() }] });
  Object.assign(ops[1]!, { state: 'failed', updated_at: later.toISOString() });
  data.accessCodes.push(...codes);
  data.operations.push(...ops);
  const run: BulkRun = { run_id: 'run-1', site_id: 'site-1', created_at: at.toISOString(), updated_at: at.toISOString(), state: 'running', door_ids: [door.id], items: codes.map((c, i) => ({ door_id: door.id, access_code_id: c.access_code_id, input: i })), skipped: [] };
  data.bulkRuns.push(run);
  return data;
}
const ctx = { now: later, newId: () => 'new-op', isRunning: () => false };
const view = (data: SiteCodesData) => viewRun({ run: data.bulkRuns[0]!, data, doors: [door], isRunning: () => false, now: later, activeSince: at });

describe('a bulk run’s progress and controls', () => {
  it('counts per door and overall, and names each failure without its PIN', () => {
    const v = view(siteWithRun());
    expect(v.totals).toMatchObject({ total: 3, done: 1, failed: 1, waiting: 1 });
    expect(v.progress).toBeCloseTo(2 / 3);
    expect(v.phase).toBe('running');
    expect(v.doors[0]!.failures).toEqual([{ access_code_id: 'b', code_name: 'Staff b', operation_id: 'op-b', message: 'The lock refused •••••1: too short.' }]);
    // Two settled in 30 s on Z-Wave, one left: 15 s.
    expect(v).toMatchObject({ eta_seconds: 15, eta_basis: 'measured' });
  });

  it('retries only what failed', () => {
    const data = siteWithRun();
    const { touched } = runControl(data, 'run-1', 'retry_failed', ctx);
    expect(touched.map((c) => c.access_code_id)).toEqual(['b']);
    expect(data.operations.find((o) => o.operation_id === 'op-b')).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(data.accessCodes.find((c) => c.access_code_id === 'b')).toMatchObject({ status: 'setting', errors: [] });
    expect(view(data).totals).toMatchObject({ failed: 0, waiting: 2 });
  });

  it('pauses and resumes; a cancelled run withdraws what never reached the lock and cannot be resumed', () => {
    const data = siteWithRun();
    expect(runControl(data, 'run-1', 'pause', ctx).run.state).toBe('paused');
    expect(view(data)).toMatchObject({ phase: 'paused', eta_seconds: null });
    expect(runControl(data, 'run-1', 'resume', ctx).run.state).toBe('running');
    runControl(data, 'run-1', 'cancel', ctx);
    expect(data.accessCodes.find((c) => c.access_code_id === 'c')).toMatchObject({ is_removed: true, status: 'unset' });
    expect(data.accessCodes.find((c) => c.access_code_id === 'a')).toMatchObject({ is_removed: false, status: 'set' });
    expect(view(data)).toMatchObject({ phase: 'cancelled', totals: { done: 1, cancelled: 2 } });
    expect(() => runControl(data, 'run-1', 'resume', ctx)).toThrow(expect.objectContaining({ code: 'bulk.not_allowed' }));
    expect(() => runControl(data, 'nope', 'pause', ctx)).toThrow(expect.objectContaining({ code: 'bulk.not_found' }));
  });
});
