import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation, OperationReason } from '../../../shared/domain/operation';
import { newOperation } from '../queue/operation-records';
import { applyTransition } from '../records/code-records';

/**
 * Ends a code inside a store update, whoever asked (the installer, the cloud): its Sets still waiting or failed are
 * withdrawn; a code that may be on its lock (`isOnLock`, from `mayBeOnLock`) gets a removal queued and shows
 * `removing`; one that never reached the lock is removed at once, with no radio. Returns the new removal's id, or null.
 */
export function endCode(data: { operations: Operation[] }, code: AccessCode, input: { isOnLock: boolean; reason: OperationReason; newId: () => string; now: Date }): string | null {
  for (const o of data.operations) {
    if (o.access_code_id !== code.access_code_id || o.kind !== 'set_code' || (o.state !== 'waiting' && o.state !== 'failed')) continue;
    o.state = 'cancelled';
    o.updated_at = input.now.toISOString();
  }
  if (!input.isOnLock) {
    applyTransition(code, { status: 'unset', isRemoved: true, event: 'access_code.deleted', clearIssues: true }, input.now);
    return null;
  }
  const op = newOperation({ id: input.newId(), code, kind: 'remove_code', reason: input.reason, notBefore: null, at: input.now });
  data.operations.push(op);
  applyTransition(code, { status: 'removing', clearIssues: true }, input.now);
  return op.operation_id;
}
