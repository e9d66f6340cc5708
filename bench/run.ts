/**
 * `npm run bench` (every benchmark), `npm run bench -- NAME…` (those alone), `npm run bench -- --list` (their names).
 * Each measures Lockbench against a baseline in the same run where there is one, interleaved so machine noise hits both
 * alike, and prints medians and ratios. Every figure printed is also written to bench-results.json (this run only).
 * BENCH_ROUNDS (default 3) sets the rounds of the program + verify and host start benchmarks.
 */
import { BENCHMARKS, type Benchmark } from './benchmarks';
import { toFigure, writeBenchResults, type BenchFigure } from './results';

const RESULTS_FILE = 'bench-results.json';

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--list')) {
    for (const b of BENCHMARKS) console.log(`${b.name.padEnd(16)} ${b.description}`);
    return;
  }
  const unknown = args.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(`No benchmark named ${unknown.join(', ')}. Names: ${BENCHMARKS.map((b) => b.name).join(', ')} (npm run bench -- --list).`);
    process.exit(2);
  }
  const chosen: readonly Benchmark[] = args.length > 0 ? BENCHMARKS.filter((b) => args.includes(b.name)) : BENCHMARKS;
  const figures: BenchFigure[] = [];
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  for (const benchmark of chosen) {
    await benchmark.run({
      rounds,
      record(input) {
        const figure = toFigure(input);
        figures.push(figure);
        return figure;
      },
    });
  }
  await writeBenchResults(RESULTS_FILE, figures);
  console.log(`\n${figures.length} figures written to ${RESULTS_FILE} (name, value, unit, baseline, ratio, target).`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
