import type { AccessCode } from '../../../shared/domain/access-code';
import type { BulkCounts, BulkItemState, BulkRun, BulkRunView } from '../../../shared/domain/bulk';
import type { Door } from '../../../shared/domain/door';
import type { Operation } from '../../../shared/domain/operation';
import { maskPin } from '../../../shared/codes/pin-mask';
import type { SiteCodesData } from '../store/store-v2';
import { estimateSecondsLeft, type LaneProgress } from './bulk-eta';

/** What a run's view is computed from. */
export interface ProgressInput {
  run: BulkRun;
  data: Readonly<SiteCodesData>;
  doors: readonly Door[];
  isRunning: (operationId: string) => boolean;
  now: Date;
  /** Since when the run has been going in this process (its start, its last resume, or the app's start). */
  activeSince: Date;
}

const SETTLED: ReadonlySet<BulkItemState> = new Set(['done', 'later', 'failed', 'cancelled']);
const emptyCounts = (): BulkCounts => ({ total: 0, done: 0, later: 0, waiting: 0, running: 0, failed: 0, cancelled: 0 });

/** The run's own set operation per code (its latest, if it was retried or moved), in one pass over the operations. */
function runOperations(data: Readonly<SiteCodesData>, run: BulkRun): Map<string, Operation> {
  const latest = new Map<string, Operation>();
  for (const o of data.operations) if (o.run_id === run.run_id && o.kind === 'set_code') latest.set(o.access_code_id, o);
  return latest;
}

/** Where one code of a run stands, from its operation (or, once that is pruned, from the code itself). */
export function itemState(code: AccessCode | undefined, op: Operation | null, isRunning: (id: string) => boolean, now: Date): BulkItemState {
  if (!code) return 'cancelled';
  if (op?.state === 'waiting') {
    if (isRunning(op.operation_id)) return 'running';
    const isLoadedLater = (op.reason === 'preload' || op.reason === 'window_start') && op.not_before !== null && new Date(op.not_before) > now;
    return isLoadedLater ? 'later' : 'waiting';
  }
  if (op?.state === 'failed') return 'failed';
  if (op?.state === 'cancelled' || (code.is_removed && code.verified_at === null)) return 'cancelled';
  return code.errors.length > 0 ? 'failed' : 'done';
}

/** Why a code of the run failed, in words, with its PIN masked wherever the message names it. */
function failureMessage(code: AccessCode | undefined, op: Operation | null): string {
  const message = code?.errors.at(-1)?.message ?? op?.last_error?.message ?? 'The lock did not take this code.';
  return code ? message.split(code.code).join(maskPin(code.code)) : message;
}

/** The run as the wizard shows it: per door and overall counts, progress, failures, and the time left. */
export function viewRun(input: ProgressInput): BulkRunView {
  const { run, data, now } = input;
  const doorById = new Map(input.doors.map((d) => [d.id, d]));
  const totals = emptyCounts();
  const perDoor = new Map(run.door_ids.map((id) => [id, { ...emptyCounts(), door_id: id, door_name: doorById.get(id)?.name ?? 'Removed door', failures: [] as BulkRunView['doors'][number]['failures'] }]));
  const lanes = new Map<string, LaneProgress>();
  const activeMs = Math.max(0, now.getTime() - input.activeSince.getTime());
  const codeById = new Map(data.accessCodes.map((c) => [c.access_code_id, c]));
  const opByCode = runOperations(data, run);
  for (const item of run.items) {
    const code = codeById.get(item.access_code_id);
    const op = opByCode.get(item.access_code_id) ?? null;
    const state = itemState(code, op, input.isRunning, now);
    const door = perDoor.get(item.door_id);
    for (const counts of [totals, door]) {
      if (!counts) continue;
      counts.total += 1;
      counts[state] += 1;
    }
    if (state === 'failed') door?.failures.push({ access_code_id: item.access_code_id, code_name: code?.name ?? null, operation_id: op?.operation_id ?? null, message: failureMessage(code, op) });
    const protocol = doorById.get(item.door_id)?.lockAddress.protocol ?? 'zwave';
    const lane = lanes.get(protocol) ?? { protocol, remaining: 0, settled: 0, activeMs, lastSettledMs: 0 };
    if (state === 'waiting' || state === 'running') lane.remaining += 1;
    else if ((state === 'done' || state === 'failed') && op && new Date(op.updated_at) >= input.activeSince) {
      lane.settled += 1;
      lane.lastSettledMs = Math.max(lane.lastSettledMs, new Date(op.updated_at).getTime() - input.activeSince.getTime());
    }
    lanes.set(protocol, lane);
  }
  const settled = [...SETTLED].reduce((n, s) => n + totals[s], 0);
  const isOpen = totals.waiting + totals.running > 0;
  const phase = run.state === 'cancelled' ? 'cancelled' : !isOpen ? 'finished' : run.state;
  const eta = run.state === 'running' && isOpen ? estimateSecondsLeft([...lanes.values()]) : { seconds: null, basis: null };
  const { items: _items, ...stored } = structuredClone(run);
  return {
    ...stored,
    phase,
    totals,
    progress: totals.total === 0 ? 1 : settled / totals.total,
    eta_seconds: eta.seconds === null ? null : Math.round(eta.seconds * 10) / 10,
    eta_basis: eta.basis,
    doors: [...perDoor.values()],
  };
}
