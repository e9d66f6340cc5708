import { writeFile } from 'node:fs/promises';

/**
 * One figure `npm run bench` printed, as written to bench-results.json so runs can be compared. `ratio` is
 * value / baseline when there is a baseline. `target` is the most the figure may be, checked against `targetOf`
 * (`ratio` for "at most 1.15× the baseline", `value` for "at most 300 ms"); `met` says whether it was.
 */
export interface BenchFigure {
  /** Stable id: `<benchmark>/<figure>`, e.g. `program-verify/vs-safe-loop`. */
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: number | null;
  targetOf: 'value' | 'ratio' | null;
  met: boolean | null;
}

/** What a benchmark reports for one figure (the rest is derived). */
export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** At most this much (of the ratio when there is a baseline, else of the value), unless `targetOf` says otherwise. */
  target?: number;
  targetOf?: 'value' | 'ratio';
}

/** Builds a figure: ratio from the baseline, whether the target was met. */
export function toFigure(input: FigureInput): BenchFigure {
  const baseline = input.baseline ?? null;
  const ratio = baseline ? input.value / baseline : null;
  const target = input.target ?? null;
  const targetOf = target === null ? null : (input.targetOf ?? (ratio === null ? 'value' : 'ratio'));
  const checked = targetOf === 'ratio' ? ratio : input.value;
  return { name: input.name, value: input.value, unit: input.unit, baseline, ratio, target, targetOf, met: target === null || checked === null ? null : checked <= target };
}

/** "OK" / "OVER" for a figure with a target, else ''. */
export const verdict = (figure: BenchFigure): string => (figure.met === null ? '' : figure.met ? 'OK' : 'OVER');

/** Writes this run's figures (only this run's: a file per run, compare by copying it aside). */
export async function writeBenchResults(file: string, figures: readonly BenchFigure[]): Promise<void> {
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
}
