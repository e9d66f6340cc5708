import type { BenchContext } from './benchmarks';
import { median } from './bench-lock';
import { verdict } from './results';
import { bareNukiAddAndList, type NukiRun } from './nuki-bare';
import { NUKI_BENCH_TIMING } from './nuki-bench-lock';
import { lockbenchNukiCodes, type LockbenchNukiSplit } from './nuki-lockbench-path';

const CODES = 30;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(50)}: ${text}`);

/**
 * Program + verify 30 codes on the virtual Nuki lock: Lockbench's whole path against the bare protocol loop (add +
 * list), interleaved round by round on a fresh lock each, same BLE timing; median time of each, their ratio, and BLE
 * commands per verified code as the connection counted them and as the lock did.
 */
export async function nukiCodes(ctx: BenchContext): Promise<void> {
  const bare: NukiRun[] = [];
  const lockbench: Array<NukiRun & { split: LockbenchNukiSplit }> = [];
  const timing = `indication every ${NUKI_BENCH_TIMING.indicationDelayMs} ms, connect ${NUKI_BENCH_TIMING.connectDelayMs} ms`;
  for (let round = 1; round <= ctx.rounds; round++) {
    bare.push(await bareNukiAddAndList(CODES));
    lockbench.push(await lockbenchNukiCodes(CODES));
    console.log(`round ${round}/${ctx.rounds}: bare add+list ${ms(bare.at(-1)!.ms)}, Lockbench ${ms(lockbench.at(-1)!.ms)}`);
  }
  const of = <T>(runs: readonly T[], pick: (run: T) => number) => median(runs.map(pick));
  const time = ctx.record({ name: 'nuki-codes/vs-bare', value: of(lockbench, (r) => r.ms), unit: 'ms', baseline: of(bare, (r) => r.ms), target: 1.15 });
  const perCode = ctx.record({
    name: 'nuki-codes/commands-per-code',
    value: of(lockbench, (r) => r.commandsSent) / CODES,
    unit: 'commands/code',
    baseline: of(bare, (r) => r.commandsSent) / CODES,
    target: 1.2,
    targetOf: 'value',
  });
  const lockPerCode = ctx.record({
    name: 'nuki-codes/lock-commands-per-code',
    value: of(lockbench, (r) => r.lock.commands) / CODES,
    unit: 'commands/code',
    baseline: of(bare, (r) => r.lock.commands) / CODES,
    target: 1.2,
    targetOf: 'value',
  });
  const challenges = (runs: readonly NukiRun[]) => of(runs, (r) => r.lock.challenges) / CODES;

  console.log(`\nProgram + verify ${CODES} codes on the virtual Nuki lock (${ctx.rounds} rounds, fresh paired lock each, median; BLE: ${timing}, both paths)`);
  line('bare protocol loop', `${ms(time.baseline!)}  (connectNuki → ${CODES} × Add Keypad Code → one list, every code checked in it)`);
  line('Lockbench full path', `${ms(time.value)}  (queue released → on-air mark → connect → ${CODES} × Add → list → one durable write: all set)`);
  line('ratio Lockbench / bare', `${time.ratio!.toFixed(3)}  (target <= 1.15) ${verdict(time)}`);
  line('  of which the BLE connect (both start with one)', `bare ${ms(of(bare, (r) => r.connectMs))}, Lockbench ${ms(of(lockbench, (r) => r.connectMs))}`);
  const split = (pick: (s: LockbenchNukiSplit) => number) => of(lockbench, (r) => pick(r.split));
  line('  Lockbench: release → radio', ms(split((s) => s.beforeRadioMs)));
  line('  Lockbench: putCodes (connect, Add × 30, list)', ms(split((s) => s.putCodesMs)));
  line('  Lockbench: radio done → all set', ms(split((s) => s.afterRadioMs)));
  line('  Lockbench: in store writes', `${ms(split((s) => s.storeMs))} in ${split((s) => s.storeWrites)} writes (the on-air mark runs beside the connect)`);
  line('BLE commands per verified code (connection)', `Lockbench ${perCode.value.toFixed(3)}, bare ${perCode.baseline!.toFixed(3)}  (target <= 1.2) ${verdict(perCode)}`);
  const agrees = lockPerCode.value === perCode.value && lockPerCode.baseline === perCode.baseline;
  line(
    'BLE commands per verified code (lock counted)',
    `${agrees ? 'the same' : `Lockbench ${lockPerCode.value.toFixed(3)}, bare ${lockPerCode.baseline!.toFixed(3)}  ${verdict(lockPerCode)}`}; plus challenge requests: Lockbench ${challenges(lockbench).toFixed(3)}, bare ${challenges(bare).toFixed(3)} per code`,
  );
}
