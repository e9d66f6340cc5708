import type { Operation, QueueItem } from '../../../shared/domain/operation';
import { CodedError } from '../../../shared/result';
import { applyTransition, isNameOnly, mayBeOnLock } from '../records/code-records';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from './operation-queue';
import { newOperation } from './operation-records';
import type { AccessCode } from '../../../shared/domain/access-code';
import { requireDoor } from '../store/find-door';

/** What the queue panel needs. */
export interface QueueServiceDeps {
  store: ShardedStore;
  queue: OperationQueue;
  clock: Clock;
  newId: () => string;
  onCodeChanged: (code: AccessCode) => void;
  onQueueChanged: (siteId: string) => void;
}

/** The queue panel: what is waiting, running and failed on a site, with retry and cancel. */
export interface QueueService {
  list(siteId: string): Promise<QueueItem[]>;
  retry(doorId: string, operationId: string): Promise<QueueItem>;
  cancel(doorId: string, operationId: string): Promise<QueueItem>;
}

/** Creates the queue panel's service over the store and the running queue. */
export function createQueueService(deps: QueueServiceDeps): QueueService {
  const { store, queue, clock } = deps;

  const siteOfDoor = (doorId: string): string => {
    return requireDoor(store.index, doorId).siteId;
  };

  function item(data: Readonly<SiteCodesData>, op: Operation): QueueItem {
    const code = data.accessCodes.find((c) => c.access_code_id === op.access_code_id);
    const door = store.index.read().doors.find((d) => d.id === op.door_id);
    return { ...structuredClone(op), door_name: door?.name ?? 'Unknown door', code_name: code?.name ?? null, slot: code?.slot ?? null, is_running: queue.isRunning(op.operation_id) };
  }

  async function change(doorId: string, operationId: string, apply: (op: Operation, data: SiteCodesData) => AccessCode | null): Promise<QueueItem> {
    const siteId = siteOfDoor(doorId);
    const doc = await store.codes(siteId);
    const { result, code } = await doc.update((data) => {
      const op = data.operations.find((o) => o.operation_id === operationId && o.door_id === doorId);
      if (!op) throw new CodedError('queue.not_found', 'This change is no longer in the queue.');
      if (queue.isRunning(operationId)) throw new CodedError('queue.not_allowed', 'This change is on its way to the lock right now; wait a moment.');
      if (op.state !== 'waiting' && op.state !== 'failed') throw new CodedError('queue.not_allowed', `This change is already ${op.state}.`);
      const touched = apply(op, data);
      op.updated_at = clock.now().toISOString();
      return { result: item(data, op), code: touched ? structuredClone(touched) : null };
    });
    if (code) deps.onCodeChanged(code);
    deps.onQueueChanged(siteId);
    queue.kickDoor(doorId);
    return result;
  }

  return {
    async list(siteId) {
      const data = (await store.codes(siteId)).read();
      return data.operations.filter((o) => o.state === 'waiting' || o.state === 'failed').map((o) => item(data, o));
    },

    retry: (doorId, operationId) =>
      change(doorId, operationId, (op, data) => {
        op.state = 'waiting';
        op.not_before = null;
        op.attempts = 0;
        const code = data.accessCodes.find((c) => c.access_code_id === op.access_code_id);
        if (code && isNameOnly(op)) return code;
        return code ? applyTransition(code, { status: op.kind === 'set_code' ? 'setting' : 'removing', clearIssues: true }, clock.now()) : null;
      }),

    cancel: (doorId, operationId) =>
      change(doorId, operationId, (op, data) => {
        const now = clock.now();
        op.state = 'cancelled';
        const code = data.accessCodes.find((c) => c.access_code_id === op.access_code_id);
        if (!code) return null;
        // Giving up a new name leaves the code on the lock as it was (the lock keeps the name it had).
        if (isNameOnly(op)) return code;
        if (op.kind === 'remove_code') return applyTransition(code, { status: 'set', clearIssues: true }, now);
        if (!mayBeOnLock(code, data.operations, queue.isRunning)) return applyTransition(code, { status: 'unset', isRemoved: true, event: 'access_code.deleted', clearIssues: true }, now);
        // It may have landed: clear the slot so no unconfirmed code stays usable on the door.
        const clear = newOperation({ id: deps.newId(), code, kind: 'remove_code', reason: 'cancelled_set', notBefore: null, at: now });
        data.operations.push(clear);
        queue.markFresh(clear.operation_id);
        return applyTransition(code, { status: 'removing', clearIssues: true }, now);
      }),
  };
}
