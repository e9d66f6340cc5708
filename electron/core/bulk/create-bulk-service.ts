import type { AccessCode } from '../../../shared/domain/access-code';
import type { BulkPlan, BulkRun, BulkRunView } from '../../../shared/domain/bulk';
import type { Door } from '../../../shared/domain/door';
import { CodedError, isCodedError } from '../../../shared/result';
import { createDoorRules } from '../codes/door-rules';
import { pruneFinished } from '../codes/code-admission';
import type { LockManager } from '../locks/lock-manager';
import type { Clock } from '../ports/clock';
import type { OperationQueue } from '../queue/operation-queue';
import type { ShardedStore } from '../store/store-v2';
import { admitPlan, type DoorContext } from './bulk-admission';
import type { BulkService } from './bulk-service';
import { runControl } from './bulk-control';
import { expandPlan } from './bulk-plan';
import { buildPreview, choosePins } from './bulk-preview';
import { viewRun } from './bulk-progress';
import { readCodesCsv } from './csv-import';

/** What the bulk service needs. */
export interface BulkServiceDeps {
  store: ShardedStore;
  locks: LockManager;
  queue: OperationQueue;
  clock: Clock;
  newId: () => string;
  /** Codes a run stored or touched (the UI, the queue panel and the time keeper hear of them). */
  onCodesStored: (siteId: string, codes: AccessCode[]) => void;
  /** A run moved on (pushed to the UI as `bulk.changed`). */
  onRunChanged: (view: BulkRunView) => void;
}

/** How often a running run's view is pushed at most while its codes go on (the last change always gets out). */
const PUSH_EVERY_MS = 250;

/**
 * Creates the bulk service.
 *
 *   preview: doors' rules (live or last read) ─▶ PINs chosen ─▶ admitPlan on a COPY of the site's data ─▶ per door
 *   start:   the same admitPlan inside ONE durable update (codes + operations + the run) ─▶ ack ─▶ queue, door by door
 *   store commits / queue changes ─▶ viewRun (counts, failures, ETA from measured speed) ─▶ bulk.changed
 */
export function createBulkService(deps: BulkServiceDeps): BulkService & { noteSiteChanged(siteId: string): void; close(): void } {
  const { store, locks, queue, clock } = deps;
  const rules = createDoorRules(locks);
  /** Since when each run has been going in this process (start, resume, or first seen after a restart). */
  const activeSince = new Map<string, Date>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The phase each run was last pushed in: a run that finishes (or is cancelled) is pushed once more, however old. */
  const pushedPhase = new Map<string, BulkRunView['phase']>();
  const push = (v: BulkRunView) => {
    pushedPhase.set(v.run_id, v.phase);
    deps.onRunChanged(v);
  };

  const siteDoors = (siteId: string): Door[] => store.index.read().doors.filter((d) => d.siteId === siteId);
  const requireSite = (siteId: string) => {
    const site = store.index.read().sites.find((s) => s.id === siteId);
    if (!site) throw new CodedError('site.not_found', 'This site does not exist (any more).');
    return site;
  };

  async function contextsOf(doors: readonly Door[], zone: string): Promise<Map<string, DoorContext>> {
    const entries = await Promise.all(
      doors.map(async (door): Promise<[string, DoorContext]> => {
        const base = { door, zone, cloudSchedules: door.cloud?.facts?.can_program_online_access_codes === true, isConnected: locks.isLockReady(door.siteId, door.lockAddress) && (locks.profile(door.siteId, door.lockAddress)?.isOnline ?? false) };
        try {
          return [door.id, { ...base, profile: await rules.profileOf(door), profileProblem: null }];
        } catch (error) {
          if (!isCodedError(error)) throw error;
          return [door.id, { ...base, profile: null, profileProblem: error.message }];
        }
      }),
    );
    return new Map(entries);
  }

  function view(run: BulkRun, data: Parameters<typeof viewRun>[0]['data']): BulkRunView {
    if (!activeSince.has(run.run_id)) activeSince.set(run.run_id, clock.now());
    return viewRun({ run, data, doors: siteDoors(run.site_id), isRunning: queue.isRunning, now: clock.now(), activeSince: activeSince.get(run.run_id)! });
  }

  async function findRun(runId: string): Promise<{ siteId: string; run: BulkRun }> {
    for (const site of store.index.read().sites) {
      const run = (await store.codes(site.id)).read().bulkRuns.find((r) => r.run_id === runId);
      if (run) return { siteId: site.id, run };
    }
    throw new CodedError('bulk.not_found', 'This bulk run does not exist (any more).');
  }

  async function pushSite(siteId: string): Promise<void> {
    const data = (await store.codes(siteId)).read();
    for (const run of data.bulkRuns) {
      // A run seen finished or cancelled stays so until a control (retry) pushes it again: not looked at on every commit.
      const seen = pushedPhase.get(run.run_id);
      if (seen === 'finished' || seen === 'cancelled') continue;
      const v = view(run, data);
      if (v.phase === 'running' || v.phase === 'paused' || seen !== undefined) push(v);
      else pushedPhase.set(run.run_id, v.phase); // an old run, over before this start: nothing to tell
    }
  }

  const unsubscribe = store.onSiteCommit((commit) => service.noteSiteChanged(commit.siteId));

  const service = {
    async importCsv(siteId: string, text: string) {
      requireSite(siteId);
      const units = new Set(siteDoors(siteId).flatMap((d) => (d.unit === null ? [] : [d.unit])));
      return readCodesCsv(text, { units });
    },

    async preview(plan: BulkPlan) {
      const site = requireSite(plan.siteId);
      const { doors, planned } = expandPlan(plan, siteDoors(plan.siteId));
      const contexts = await contextsOf(doors, site.timeZone);
      const data = structuredClone((await store.codes(plan.siteId)).read());
      const pins = choosePins(planned, contexts, rules, data, plan.codes.map((c) => c.pin));
      let n = 0;
      const admitted = admitPlan(structuredClone(data), planned, {
        rules, contexts, pins, confirmLockbenchScheduling: plan.confirmLockbenchScheduling, now: clock.now(), newId: () => `preview-${++n}`, runId: null,
      });
      return buildPreview(admitted, doors.map((d) => contexts.get(d.id)!), pins, rules, data, clock.now());
    },

    async start(plan: BulkPlan, pins: ReadonlyArray<string | null>) {
      const site = requireSite(plan.siteId);
      if (pins.length !== plan.codes.length) throw new CodedError('ipc.invalid_request', 'pins: one PIN (or null) per code of the plan is needed, from the preview.');
      const { doors, planned } = expandPlan(plan, siteDoors(plan.siteId));
      const contexts = await contextsOf(doors, site.timeZone);
      const doc = await store.codes(plan.siteId);
      const runId = deps.newId();
      const now = clock.now();
      const { run, codes } = await doc.update((data) => {
        const admitted = admitPlan(data, planned, { rules, contexts, pins, confirmLockbenchScheduling: plan.confirmLockbenchScheduling, now, newId: deps.newId, runId });
        const made = admitted.filter((a) => a.code !== null);
        if (made.length === 0) {
          throw new CodedError('bulk.nothing_to_do', 'None of these codes can go on these doors; the preview says why on each door.');
        }
        data.operations = pruneFinished(data.operations, now);
        const stored: BulkRun = {
          run_id: runId, site_id: plan.siteId, created_at: now.toISOString(), updated_at: now.toISOString(), state: 'running',
          door_ids: doors.map((d) => d.id),
          items: made.map((a) => ({ door_id: a.planned.door.id, access_code_id: a.code!.access_code_id, input: a.planned.index })),
          skipped: admitted.filter((a) => a.code === null).map((a) => ({ door_id: a.planned.door.id, input: a.planned.index, name: a.line.name, reason: a.line.message ?? a.line.verdict })),
        };
        data.bulkRuns.push(stored);
        return { run: structuredClone(stored), codes: made.map((a) => structuredClone(a.code!)), ops: made.flatMap((a) => (a.operation ? [a.operation.operation_id] : [])) };
      }).then((r) => {
        r.ops.forEach((id) => queue.markFresh(id));
        return r;
      });
      activeSince.set(runId, now);
      deps.onCodesStored(plan.siteId, codes);
      for (const door of doors) queue.kickDoor(door.id);
      const v = view(run, doc.read());
      push(v);
      return v;
    },

    async runs(siteId: string) {
      requireSite(siteId);
      const data = (await store.codes(siteId)).read();
      return [...data.bulkRuns].reverse().map((r) => view(r, data));
    },

    async control(runId: string, action: 'pause' | 'resume' | 'cancel' | 'retry_failed') {
      const { siteId } = await findRun(runId);
      const doc = await store.codes(siteId);
      const { run, touched, fresh } = await doc.update((data) => runControl(data, runId, action, { now: clock.now(), newId: deps.newId, isRunning: queue.isRunning }));
      fresh.forEach((id) => queue.markFresh(id));
      if (action === 'resume' || action === 'retry_failed') activeSince.set(runId, clock.now());
      if (touched.length > 0) deps.onCodesStored(siteId, touched);
      for (const doorId of run.door_ids) queue.kickDoor(doorId);
      const v = view(run, doc.read());
      push(v);
      return v;
    },

    /** The site's codes or queue moved: its open runs' views are pushed (at most every PUSH_EVERY_MS). */
    noteSiteChanged(siteId: string) {
      if (pushTimers.has(siteId)) return;
      pushTimers.set(siteId, setTimeout(() => {
        pushTimers.delete(siteId);
        void pushSite(siteId).catch(() => {});
      }, PUSH_EVERY_MS));
    },

    close() {
      unsubscribe();
      pushTimers.forEach((t) => clearTimeout(t));
      pushTimers.clear();
    },
  };
  return service;
}
