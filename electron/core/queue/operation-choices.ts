import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation } from '../../../shared/domain/operation';
import { applyTransition, isNameOnly, mayBeOnLock } from '../records/code-records';
import type { SiteCodesData } from '../store/store-v2';
import { newOperation } from './operation-records';

/** Try a failed or waiting change again now; returns the code it touched (its status back to setting/removing). */
export function retryOperation(op: Operation, data: SiteCodesData, now: Date): AccessCode | null {
  op.state = 'waiting';
  op.not_before = null;
  op.attempts = 0;
  op.updated_at = now.toISOString();
  const code = data.accessCodes.find((c) => c.access_code_id === op.access_code_id);
  if (code && isNameOnly(op)) return code;
  return code ? applyTransition(code, { status: op.kind === 'set_code' ? 'setting' : 'removing', clearIssues: true }, now) : null;
}

/** What cancelling needs from the running queue. */
export interface CancelContext {
  now: Date;
  newId: () => string;
  isRunning: (operationId: string) => boolean;
  /** Notes a removal created here as durable once the update that holds it is written. */
  onRemovalCreated: (operationId: string) => void;
}

/**
 * Give up a waiting or failed change. A code never confirmed is withdrawn when it cannot have reached the lock; when
 * it may have landed, its place is cleared (a removal) so no unconfirmed code stays usable on the door. A removal
 * given up leaves the code set; a new name given up leaves the lock with the name it had.
 */
export function cancelOperation(op: Operation, data: SiteCodesData, ctx: CancelContext): AccessCode | null {
  op.state = 'cancelled';
  op.updated_at = ctx.now.toISOString();
  const code = data.accessCodes.find((c) => c.access_code_id === op.access_code_id);
  if (!code) return null;
  if (isNameOnly(op)) return code;
  if (op.kind === 'remove_code') return applyTransition(code, { status: 'set', clearIssues: true }, ctx.now);
  if (!mayBeOnLock(code, data.operations, ctx.isRunning)) return applyTransition(code, { status: 'unset', isRemoved: true, event: 'access_code.deleted', clearIssues: true }, ctx.now);
  const clear = newOperation({ id: ctx.newId(), code, kind: 'remove_code', reason: 'cancelled_set', notBefore: null, at: ctx.now });
  data.operations.push(clear);
  ctx.onRemovalCreated(clear.operation_id);
  return applyTransition(code, { status: 'removing', clearIssues: true }, ctx.now);
}
