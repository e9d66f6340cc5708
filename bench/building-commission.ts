import type { LockProtocol } from '../shared/domain/lock-address';
import { median } from './bench-lock';
import type { BenchContext } from './benchmarks';
import { radioFloor, type FloorRun } from './building-floor';
import { lockbenchBuildingRun, type LockbenchRun } from './building-lockbench';
import { printEta, printWhereTimeGoes, signed, steadyDoors } from './building-breakdown';
import { verdict } from './results';

/**
 * Issue 9's numbers: commission the building demo's 24 doors × 8 codes. Lockbench's bulk run (the app's services,
 * bulk.start → every code set and verified) against the radio floor in the same run (bare zwave-js and bare Nuki
 * protocol loops over the same locks, one lock at a time per radio, both radios at once), rounds interleaved; the
 * ETA's error at 25 % progress; the time to build the site's report. At most 2 rounds: each first starts the app on a
 * fresh data folder (16 interviews, 8 pairings) and waits for its Nuki links to drop idle, which is not timed.
 */

const MAX_ROUNDS = 2;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(50)}: ${text}`);

/** The building-commission benchmark. */
export async function buildingCommission(ctx: BenchContext): Promise<void> {
  const rounds = Math.min(ctx.rounds, MAX_ROUNDS);
  const lockbench: LockbenchRun[] = [];
  const floor: FloorRun[] = [];
  const began = performance.now();
  for (let round = 1; round <= rounds; round++) {
    const roundBegan = performance.now();
    // Alternate which goes first, so a machine that slows down over time hits both alike.
    if (round % 2 === 1) {
      lockbench.push(await lockbenchBuildingRun(round));
      floor.push(await radioFloor(round));
    } else {
      floor.push(await radioFloor(round));
      lockbench.push(await lockbenchBuildingRun(round));
    }
    const [lb, fl] = [lockbench.at(-1)!, floor.at(-1)!];
    console.log(
      `round ${round}/${rounds}: Lockbench ${ms(lb.ms)}, floor ${ms(fl.ms)} (Z-Wave ${ms(fl.zwave.ms)}, Nuki ${ms(fl.nuki.ms)}), ratio ${(lb.ms / fl.ms).toFixed(3)}, ` +
        `ETA at ${(lb.eta.progress * 100).toFixed(0)} %: ${lb.eta.predictedS.toFixed(1)} s shown, ${lb.eta.actualS.toFixed(1)} s left (${signed(lb.eta.error)}), ` +
        `report PDF ${ms(lb.reportPdfMs)}; round took ${((performance.now() - roundBegan) / 1000).toFixed(0)} s (app setup ${(lb.setupMs / 1000).toFixed(1)} s)`,
    );
  }
  const of = <T>(runs: readonly T[], pick: (run: T) => number) => median(runs.map(pick));
  const total = ctx.record({ name: 'building/bulk-vs-radio-floor', value: of(lockbench, (r) => r.ms), unit: 'ms', baseline: of(floor, (r) => r.ms), target: 1.1 });
  const eta = ctx.record({ name: 'building/eta-error-at-25pct', value: of(lockbench, (r) => Math.abs(r.eta.error)), unit: 'fraction', target: 0.2, targetOf: 'value' });
  const pdf = ctx.record({ name: 'building/report-pdf', value: of(lockbench, (r) => r.reportPdfMs), unit: 'ms', target: 2000, targetOf: 'value' });
  const csv = ctx.record({ name: 'building/report-csv', value: of(lockbench, (r) => r.reportCsvMs), unit: 'ms' });
  const steady = lockbench.map((r, i) => steadyDoors(r, floor[i]!, 'zwave'));
  const steadyZWave = ctx.record({ name: 'building/steady-zwave-doors-vs-floor', value: of(steady, (s) => s.lockbenchMs), unit: 'ms', baseline: of(steady, (s) => s.floorMs) });
  const perCode = (protocol: LockProtocol) => of(lockbench, (r) => r.lanes[protocol].ms / r.lanes[protocol].codes / 1000);
  const pushes = lockbench.map((r) => r.finishedPushMs);

  console.log(`\nCommission the building demo: 24 doors × 8 codes = 192 (${rounds} rounds, median; whole benchmark ${((performance.now() - began) / 1000).toFixed(0)} s)`);
  line('radio floor (bare zwave-js ‖ bare Nuki protocol)', `${ms(total.baseline!)}  (Z-Wave loop ${ms(of(floor, (r) => r.zwave.ms))}, Nuki loop ${ms(of(floor, (r) => r.nuki.ms))}; one lock at a time per radio)`);
  line('Lockbench bulk run', `${ms(total.value)}  (bulk.start → last code set and verified)`);
  line('ratio Lockbench / floor', `${total.ratio!.toFixed(3)}  (target <= 1.10) ${verdict(total)}`);
  line('  steady Z-Wave doors only (no drops)', `${ms(steadyZWave.value)} / ${ms(steadyZWave.baseline!)} = ${steadyZWave.ratio!.toFixed(3)}  (time at the 13 doors, no drop luck in it)`);
  line('finished pushed to the UI', pushes.map((p) => (Number.isNaN(p) ? 'NEVER (see below)' : ms(p))).join(', '));
  line('ETA error at 25 % progress', `${lockbench.map((r) => signed(r.eta.error)).join(', ')}; median |error| ${(eta.value * 100).toFixed(1)} %  (target <= 20 %) ${verdict(eta)}`);
  printEta(lockbench);
  line('report for the site, PDF', `${ms(pdf.value)}  (target <= 2000 ms) ${verdict(pdf)}; built again ${ms(of(lockbench, (r) => r.reportPdfAgainMs))}`);
  line('report for the site, CSV', ms(csv.value));
  line('measured seconds per code (Lockbench run)', `Z-Wave ${perCode('zwave').toFixed(3)} s, Nuki ${perCode('nuki').toFixed(3)} s  (a lane's last code / its codes)`);
  if (pushes.some((p) => Number.isNaN(p))) {
    console.log('  NOTE: a run longer than 60 s is never pushed as finished: create-bulk-service.ts pushSite sends a finished run only when');
    console.log('  run.updated_at is under 60 s old, and updated_at changes only on pause/resume/cancel/retry.');
  }
  printWhereTimeGoes(lockbench, floor);
}
