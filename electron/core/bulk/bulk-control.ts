import type { AccessCode } from '../../../shared/domain/access-code';
import type { BulkRun } from '../../../shared/domain/bulk';
import { CodedError } from '../../../shared/result';
import { cancelOperation, retryOperation } from '../queue/operation-choices';
import type { SiteCodesData } from '../store/store-v2';

/** What a run control needs from the running queue. */
export interface ControlContext {
  now: Date;
  newId: () => string;
  isRunning: (operationId: string) => boolean;
}

/**
 * Pause, resume, cancel, or retry what failed — inside one durable update of the run's site:
 * - pause: the queue holds the run's waiting changes (a batch on the air finishes first);
 * - resume: they go on;
 * - cancel: every change of the run not on the air now is given up as a single one would be (a code that cannot have
 *   reached its lock is withdrawn; one that may have is cleared from its place);
 * - retry_failed: every failed change of the run waits again, tried at once.
 */
export function runControl(data: SiteCodesData, runId: string, action: 'pause' | 'resume' | 'cancel' | 'retry_failed', ctx: ControlContext): { run: BulkRun; touched: AccessCode[]; fresh: string[] } {
  const run = data.bulkRuns.find((r) => r.run_id === runId);
  if (!run) throw new CodedError('bulk.not_found', 'This bulk run does not exist (any more).');
  if (run.state === 'cancelled') throw new CodedError('bulk.not_allowed', 'This run was cancelled; start a new run for what is left.');
  const ops = data.operations.filter((o) => o.run_id === runId && o.kind === 'set_code');
  const touched: AccessCode[] = [];
  const fresh: string[] = [];
  if (action === 'pause') run.state = 'paused';
  if (action === 'resume') run.state = 'running';
  if (action === 'cancel') {
    for (const op of ops) {
      if ((op.state !== 'waiting' && op.state !== 'failed') || ctx.isRunning(op.operation_id)) continue;
      const code = cancelOperation(op, data, { ...ctx, onRemovalCreated: (id) => fresh.push(id) });
      if (code) touched.push(structuredClone(code));
    }
    run.state = 'cancelled';
  }
  if (action === 'retry_failed') {
    for (const op of ops.filter((o) => o.state === 'failed')) {
      const code = retryOperation(op, data, ctx.now);
      if (code) touched.push(structuredClone(code));
    }
  }
  run.updated_at = ctx.now.toISOString();
  return { run: structuredClone(run), touched, fresh };
}
