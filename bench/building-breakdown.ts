import type { LockProtocol } from '../shared/domain/lock-address';
import { TYPICAL_SECONDS_PER_CODE } from '../electron/core/bulk/bulk-eta';
import { BUILDING_ZWAVE_LOCKS } from '../electron/core/demo/building/building-zwave-locks';
import { median } from './bench-lock';
import type { FloorRun } from './building-floor';
import type { LockbenchRun } from './building-lockbench';
import { describeCount } from './building-probes';

/**
 * Where the building-commission time goes: the ETA at 25 % lane by lane, each lane's time at doors, between doors and
 * idle, the doors with a steady radio against the floor's time at the same locks, radio commands, store writes, CPU.
 */

const ms = (value: number) => `${value.toFixed(0)} ms`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(50)}: ${text}`);
const of = <T>(runs: readonly T[], pick: (run: T) => number) => median(runs.map(pick));
/** "+12.3 %". */
export const signed = (fraction: number): string => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;

/** The building's locks whose radio drops frames in the run (their time is mostly luck: zwave-js timeouts per drop). */
const FLAKY = new Set(BUILDING_ZWAVE_LOCKS.filter((l) => l.spec.dropRate > 0).map((l) => l.door.name));

/** One lane's ETA at the 25 % push, recomputed from when each code was verified. */
interface LaneEta {
  protocol: LockProtocol;
  settled: number;
  remaining: number;
  /** Lockbench's formula: codes left × time so far / codes verified. */
  shownS: number;
  /** The same with the speed measured up to the lane's last verified code, minus the time since. */
  lastDoorS: number;
  actualS: number;
}

/**
 * A lane's codes are verified a door's batch at a time, so "time so far / codes verified" counts the batch on the air
 * as if it brought nothing yet; `lastDoorS` is what the formula gives with the speed up to the last verified code.
 */
function etaByLane(run: LockbenchRun): { lanes: LaneEta[]; lastDoorS: number } {
  const at = run.eta.pushMs;
  const lanes = (['zwave', 'nuki'] as const).map((protocol): LaneEta => {
    const all = run.settles.filter((c) => c.protocol === protocol);
    const done = all.filter((c) => c.ms <= at);
    const settled = done.length;
    const remaining = all.length - settled;
    const last = Math.max(0, ...done.map((c) => c.ms));
    // Before a lane's first door is done, Lockbench stands in the typical speed (basis `estimated`).
    const perCodeS = (until: number) => (settled === 0 ? TYPICAL_SECONDS_PER_CODE[protocol] : until / settled / 1000);
    return {
      protocol, settled, remaining,
      shownS: remaining * perCodeS(at),
      lastDoorS: settled === 0 ? remaining * perCodeS(0) : Math.max(0, remaining * perCodeS(last) - (at - last) / 1000),
      actualS: (Math.max(...all.map((c) => c.ms)) - at) / 1000,
    };
  });
  return { lanes, lastDoorS: Math.max(...lanes.map((l) => l.lastDoorS)) };
}

/** Per round: the ETA shown at 25 %, per lane, and what the last-verified-door speed would have shown. */
export function printEta(lockbench: readonly LockbenchRun[]): void {
  for (const [i, r] of lockbench.entries()) {
    line(`  round ${i + 1}: shown / really left`, `${r.eta.predictedS.toFixed(1)} s / ${r.eta.actualS.toFixed(1)} s (${signed(r.eta.error)}) at ${(r.eta.progress * 100).toFixed(1)} %, ${(r.eta.pushMs / 1000).toFixed(1)} s in (${r.eta.basis})`);
    const { lanes, lastDoorS } = etaByLane(r);
    for (const l of lanes) {
      const err = (s: number) => signed((s - l.actualS) / l.actualS);
      line(`    ${l.protocol} lane (${l.settled} verified, ${l.remaining} left)`, `ETA ${l.shownS.toFixed(1)} s (${err(l.shownS)}), with last-door speed ${l.lastDoorS.toFixed(1)} s (${err(l.lastDoorS)}); really ${l.actualS.toFixed(1)} s`);
    }
    line('    the run with last-door speed', `${lastDoorS.toFixed(1)} s (${signed((lastDoorS - r.eta.actualS) / r.eta.actualS)})`);
  }
}

/** Lockbench's time at the steady doors (no drops) of a protocol, and the floor's at the same locks. */
export function steadyDoors(run: LockbenchRun, floorRun: FloorRun, protocol: LockProtocol): { lockbenchMs: number; floorMs: number; doors: number } {
  const floorLocks = [...floorRun.zwave.locks, ...floorRun.nuki.locks];
  const doors = run.doors.filter((d) => d.protocol === protocol && !FLAKY.has(d.name));
  const lockbenchMs = doors.reduce((n, d) => n + d.doneMs - d.onAirMs, 0);
  const floorMs = doors.reduce((n, d) => n + (floorLocks.find((l) => l.lock === d.name)?.ms ?? NaN), 0);
  return { lockbenchMs, floorMs, doors: doors.length };
}

/** Per protocol: Lockbench's lane against the floor's loop, split into time at the doors and time the lane was idle. */
export function printWhereTimeGoes(lockbench: readonly LockbenchRun[], floor: readonly FloorRun[]): void {
  console.log('\n  Where the time goes (median of the rounds; "at doors" = a door\'s first code on the air → its last verified)');
  line('  bulk.start answered (192 codes durably stored)', ms(of(lockbench, (r) => r.ackMs)));
  line('  CPU of this process in the timed window', `Lockbench ${ms(of(lockbench, (r) => r.cpuMs))}, floor ${ms(of(floor, (f) => f.cpuMs))}`);
  const store = (pick: (r: LockbenchRun) => number) => of(lockbench, pick);
  line('  Lockbench store writes in the run', `${store((r) => r.store.files)} site-file writes (${(store((r) => r.store.bytes) / 1e6).toFixed(1)} MB), ${ms(store((r) => r.store.fileMs))} in write+fsync, ${ms(store((r) => r.store.dirSyncMs))} in ${store((r) => r.store.dirSyncs)} dir fsyncs`);
  for (const protocol of ['zwave', 'nuki'] as const) {
    const label = protocol === 'zwave' ? 'Z-Wave' : 'Nuki';
    const loop = (f: FloorRun) => (protocol === 'zwave' ? f.zwave : f.nuki);
    line(`  ${label}: Lockbench lane / floor loop`, `${ms(of(lockbench, (r) => r.lanes[protocol].ms))} / ${ms(of(floor, (f) => loop(f).ms))}`);
    line(`  ${label}: lane idle with codes left`, `${ms(of(lockbench, (r) => r.idleMs[protocol]))}  (retry backoff with no other door to do, and the hand-offs)`);
    const steady = lockbench.map((r, i) => steadyDoors(r, floor[i]!, protocol));
    line(`  ${label}: steady doors, Lockbench / floor`, `${ms(of(steady, (s) => s.lockbenchMs))} / ${ms(of(steady, (s) => s.floorMs))} over ${steady[0]!.doors} doors (ratio ${(of(steady, (s) => s.lockbenchMs) / of(steady, (s) => s.floorMs)).toFixed(3)})`);
    for (const [i, r] of lockbench.entries()) {
      line(`  ${label}: radio commands, round ${i + 1}`, `Lockbench ${describeCount(r.radio[protocol])}`);
      line('', `floor     ${describeCount(floor[i]!.radio[protocol])}`);
    }
  }
  for (const [i, r] of lockbench.entries()) {
    line(`  Lockbench retries, round ${i + 1}`, `${r.retries.count} failed tries${r.retries.doors.length > 0 ? ` on ${r.retries.doors.join(', ')}` : ''}; floor ${floor[i]!.zwave.retries} steps repeated`);
    for (const [why, n] of Object.entries(r.retries.why)) line('', `${n} × "${why}"`);
    const flaky = r.doors.filter((d) => FLAKY.has(d.name));
    const atFloor = (name: string) => [...floor[i]!.zwave.locks].find((l) => l.lock === name)?.ms ?? NaN;
    line('  flaky doors: on the air / span / floor', flaky.map((d) => `${d.name} ${ms(d.busyMs)} / ${ms(d.doneMs - d.onAirMs)} / ${ms(atFloor(d.name))}`).join('; '));
    line('  bulk.changed pushes while running', `${r.pushes.count}, longest gap ${ms(r.pushes.maxGapMs)}`);
  }
  const [last, lastFloor] = [lockbench.at(-1)!, floor.at(-1)!];
  console.log('\n  Last round, per door (ms from bulk.start: on the air → verified; the floor\'s time at the same lock):');
  for (const door of last.doors) {
    const atFloor = [...lastFloor.zwave.locks, ...lastFloor.nuki.locks].find((l) => l.lock === door.name);
    const span = (door.doneMs - door.onAirMs).toFixed(0).padStart(5);
    const busy = door.busyMs.toFixed(0).padStart(5);
    console.log(`    ${door.protocol.padEnd(5)} ${door.name.padEnd(18)} ${door.onAirMs.toFixed(0).padStart(6)} → ${door.doneMs.toFixed(0).padStart(6)}  (${span} ms, on the air ${busy} ms; floor ${atFloor ? atFloor.ms.toFixed(0).padStart(5) : '    ?'} ms ${atFloor?.proof ?? ''})${FLAKY.has(door.name) ? '  flaky radio' : ''}`);
  }
}
