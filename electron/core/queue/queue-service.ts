import type { Operation, QueueItem } from '../../../shared/domain/operation';
import { CodedError } from '../../../shared/result';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from './operation-queue';
import { cancelOperation, retryOperation } from './operation-choices';
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

    retry: (doorId, operationId) => change(doorId, operationId, (op, data) => retryOperation(op, data, clock.now())),

    cancel: (doorId, operationId) =>
      change(doorId, operationId, (op, data) =>
        cancelOperation(op, data, { now: clock.now(), newId: deps.newId, isRunning: queue.isRunning, onRemovalCreated: queue.markFresh }),
      ),
  };
}
