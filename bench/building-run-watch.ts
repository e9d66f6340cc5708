import type { AccessCode } from '../shared/domain/access-code';
import type { BulkRunView } from '../shared/domain/bulk';
import type { DoorView } from '../shared/domain/door';
import type { LockProtocol } from '../shared/domain/lock-address';
import type { QueueItem } from '../shared/domain/operation';
import type { AppServices } from '../electron/core/app/app-services';

/**
 * Follows a bulk run from the pushes the UI gets (times in ms from `start()`):
 *   codes.changed  ─▶ when each code of a run was set and verified (the commit that made it so)
 *   bulk.changed   ─▶ every view pushed (progress, ETA, phase)
 *   queue.changed  ─▶ when each door first had a code on the air; time each lane sat idle with codes left; failed tries
 */
export interface RunWatch {
  /** Starts the clock (call just before bulk.start). */
  start(): void;
  since(): number;
  /** Resolves once every one of `total` codes is verified. */
  readonly allVerified: Promise<void>;
  readonly verifiedAt: ReadonlyMap<string, { ms: number; doorId: string }>;
  readonly onAirAt: ReadonlyMap<string, number>;
  readonly pushes: ReadonlyArray<{ ms: number; view: BulkRunView }>;
  /** Per protocol: time its lane had codes left and no door on the air. */
  readonly idleMs: Record<LockProtocol, number>;
  /** Per operation, its failed tries as last pushed, and its door. */
  readonly attempts: ReadonlyMap<string, { attempts: number; doorId: string }>;
  /** Code errors pushed (a code that failed, or is slow to be confirmed). */
  readonly errors: readonly string[];
  /** Per door: time it had a code on the air (its attempts, without the backoff between them). */
  readonly busyMs: ReadonlyMap<string, number>;
  /** The messages of failed tries (operations' last_error) as pushed, counted once per operation and try. */
  readonly tryErrors: Readonly<Record<string, number>>;
  stop(): void;
}

/** Watches the site's pushes for a run of `codesPerDoor` codes on each of `doors`. */
export function watchRun(services: AppServices, siteId: string, doors: readonly DoorView[], codesPerDoor: number): RunWatch {
  const doorById = new Map(doors.map((d) => [d.id, d]));
  const protocolOf = (doorId: string) => doorById.get(doorId)?.lockAddress.protocol;
  const total = doors.length * codesPerDoor;
  const verifiedAt = new Map<string, { ms: number; doorId: string }>();
  const onAirAt = new Map<string, number>();
  const pushes: Array<{ ms: number; view: BulkRunView }> = [];
  const attempts = new Map<string, { attempts: number; doorId: string }>();
  const errors: string[] = [];
  const busyMs = new Map<string, number>();
  const busySince = new Map<string, number>();
  const tryErrors: Record<string, number> = {};
  const laneLeft = { zwave: 0, nuki: 0 };
  for (const door of doors) laneLeft[door.lockAddress.protocol] += codesPerDoor;
  const idleMs = { zwave: 0, nuki: 0 };
  const idleSince: Record<LockProtocol, number | null> = { zwave: 0, nuki: 0 };
  let allVerified: () => void = () => {};
  const verified = new Promise<void>((resolve) => (allVerified = resolve));
  let started = 0;
  const since = () => performance.now() - started;

  const endIdle = (protocol: LockProtocol) => {
    const idle = idleSince[protocol];
    if (idle !== null) idleMs[protocol] += since() - idle;
    idleSince[protocol] = null;
  };
  const onCode = (code: AccessCode) => {
    if (code.run_id === null || verifiedAt.has(code.access_code_id)) return;
    if (code.status === 'set' && code.verified_at !== null) {
      verifiedAt.set(code.access_code_id, { ms: since(), doorId: code.door_id });
      const protocol = protocolOf(code.door_id)!;
      if (--laneLeft[protocol] === 0) endIdle(protocol);
      if (verifiedAt.size === total) allVerified();
    } else if (code.errors.length > 0) {
      errors.push(`${doorById.get(code.door_id)?.name}: ${code.errors.at(-1)!.message}`);
    }
  };
  const onQueue = (items: readonly QueueItem[]) => {
    for (const item of items) {
      if (item.run_id === null) continue;
      if (item.is_running && !onAirAt.has(item.door_id)) onAirAt.set(item.door_id, since());
      if (item.attempts > (attempts.get(item.operation_id)?.attempts ?? 0)) {
        attempts.set(item.operation_id, { attempts: item.attempts, doorId: item.door_id });
        const message = item.last_error?.message ?? 'none';
        tryErrors[message] = (tryErrors[message] ?? 0) + 1;
      }
    }
    const running = new Set(items.filter((i) => i.is_running).map((i) => i.door_id));
    for (const doorId of running) if (!busySince.has(doorId)) busySince.set(doorId, since());
    for (const [doorId, from] of busySince) {
      if (running.has(doorId)) continue;
      busyMs.set(doorId, (busyMs.get(doorId) ?? 0) + since() - from);
      busySince.delete(doorId);
    }
    for (const protocol of ['zwave', 'nuki'] as const) {
      if (laneLeft[protocol] === 0) continue;
      const isBusy = items.some((i) => i.is_running && protocolOf(i.door_id) === protocol);
      if (isBusy) endIdle(protocol);
      else idleSince[protocol] ??= since();
    }
  };
  const off = services.events.subscribe((channel, payload) => {
    if (started === 0) return;
    if (channel === 'codes.changed') onCode(payload as AccessCode);
    else if (channel === 'queue.changed') onQueue((payload as { items: QueueItem[] }).items);
    else if (channel === 'bulk.changed' && (payload as BulkRunView).site_id === siteId) pushes.push({ ms: since(), view: payload as BulkRunView });
  });

  return {
    start: () => void (started = performance.now()),
    since,
    allVerified: verified,
    verifiedAt, onAirAt, pushes, idleMs, attempts, errors, busyMs, tryErrors,
    stop: off,
  };
}
