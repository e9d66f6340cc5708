/**
 * `npm run bench`: Lockbench's full path against a bare zwave-js loop on the same kind of virtual lock, measured in
 * the same run and interleaved (bare, Lockbench, bare, Lockbench…) so machine noise hits both alike; then the browser
 * host's cold start and the renderer's size. Prints medians and ratios.
 */
import { median } from './bench-lock';
import { hostColdStart } from './host-cold-start';
import { lockbenchSetAndVerify } from './lockbench-path';
import { commandsPerVerifiedCode } from './radio-bench';
import { rendererJsSize } from './renderer-size';
import { runStoreBench } from './store-bench';
import { bareSetAndReadBack } from './zwave-bare';

const CODES = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const bare: number[] = [];
  const lockbench: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    bare.push(...(await bareSetAndReadBack(CODES)));
    lockbench.push(...(await lockbenchSetAndVerify(CODES)));
    console.log(`round ${round}/${ROUNDS}: bare ${fmt(median(bare))}, lockbench ${fmt(median(lockbench))} (running medians)`);
  }
  const ratio = median(lockbench) / median(bare);
  console.log(`\nProgram + verify one code (${CODES} codes x ${ROUNDS} rounds, virtual S2 lock, median per code)`);
  console.log(`  bare zwave-js set + read-back : ${fmt(median(bare))}`);
  console.log(`  Lockbench full path           : ${fmt(median(lockbench))}`);
  console.log(`  ratio Lockbench / bare        : ${ratio.toFixed(3)}  (target <= 1.15) ${ratio <= 1.15 ? 'OK' : 'OVER'}`);

  const starts: number[] = [];
  for (let i = 0; i < 3; i++) starts.push(await hostColdStart());
  console.log(`\nBrowser host cold start to ready (demo site interviewed), fresh data folder, 3 runs`);
  console.log(`  median ${fmt(median(starts))}  (runs: ${starts.map(fmt).join(', ')})`);

  console.log('\nRadio: commands sent per verified code, 30 codes queued for one virtual lock (S2, User Code v2 vs v1)');
  const withChecksum = await commandsPerVerifiedCode(30, true);
  const withoutChecksum = await commandsPerVerifiedCode(30, false);
  console.log(`  with checksum verification    : ${withChecksum.perCode.toFixed(2)} commands/code, ${fmt(withChecksum.ms)} for the batch  (target <= 1.2) ${withChecksum.perCode <= 1.2 ? 'OK' : 'OVER'}`);
  console.log(`  read-back per code (baseline) : ${withoutChecksum.perCode.toFixed(2)} commands/code, ${fmt(withoutChecksum.ms)} for the batch`);
  console.log(`  ratio                         : ${(withChecksum.perCode / withoutChecksum.perCode).toFixed(3)} of the commands, ${(withChecksum.ms / withoutChecksum.ms).toFixed(3)} of the time`);

  console.log('\nStore: 100,000 codes across 50 sites (sharded durable store vs plain lowdb writing the whole store per change)');
  await runStoreBench();

  const size = await rendererJsSize();
  console.log(`\nRenderer JavaScript: ${(size.gzip / 1024).toFixed(1)} KiB gzip (${(size.raw / 1024).toFixed(1)} KiB raw, ${size.files} files)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
