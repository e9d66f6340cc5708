import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asarFiles, extractAsar } from '../scripts/packaging/asar-contents.mjs';
import { runPackagedSmoke } from '../scripts/packaging/packaged-smoke.mjs';
import { buildStandInPackage } from '../scripts/packaging/stand-in-package.mjs';
import { median } from './bench-lock';
import type { BenchContext } from './benchmarks';
import { verdict } from './results';

const MB = 1024 * 1024;

/** What one stand-in pack holds. */
interface PackFacts {
  asarBytes: number;
  packedFiles: number;
  unpackedFiles: number;
  unpackedBytes: number;
}

async function pack(workDir: string, adjust?: (config: Record<string, unknown>) => Record<string, unknown>): Promise<{ resources: string; facts: PackFacts }> {
  const resources = await buildStandInPackage(process.cwd(), workDir, adjust);
  const files = asarFiles(join(resources, 'app.asar'));
  const unpacked = files.filter((f) => f.unpacked);
  return {
    resources,
    facts: { asarBytes: (await stat(join(resources, 'app.asar'))).size, packedFiles: files.length - unpacked.length, unpackedFiles: unpacked.length, unpackedBytes: unpacked.reduce((n, f) => n + f.size, 0) },
  };
}

/**
 * The packaged app, built with a stand-in Electron (the real one cannot be downloaded here): app.asar as shipped
 * against, in the same run, the baseline of the same build packed without Lockbench's trimming (electron-builder's
 * defaults: the build output and every runtime dependency's files, all platforms' natives); then the packed main
 * process started in smoke mode on a fresh data folder, `rounds` times.
 */
export async function packageBench(ctx: BenchContext): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'lockbench-bench-package-'));
  try {
    const shipped = await pack(join(root, 'shipped'));
    const untrimmed = await pack(join(root, 'untrimmed'), (config) => ({
      ...config,
      files: ['out/**', 'package.json', '!out/main/host.js'],
      linux: { ...(config.linux as Record<string, unknown>), files: undefined },
    }));
    const appDir = join(root, 'app');
    extractAsar(join(shipped.resources, 'app.asar'), appDir);
    const ready: number[] = [];
    const window: number[] = [];
    const mainLoaded: number[] = [];
    for (let round = 1; round <= ctx.rounds; round++) {
      const { report, stderrTail } = await runPackagedSmoke({ projectDir: process.cwd(), appDir, resources: shipped.resources, userData: join(root, `user-data-${round}`) });
      if (!report?.ok) throw new Error(`the packaged smoke run failed: ${JSON.stringify(report)} ${stderrTail}`);
      mainLoaded.push(report.mainLoadedMs);
      window.push(report.windowLoadedMs);
      ready.push(report.demoReadyMs);
      console.log(`round ${round}/${ctx.rounds}: main loaded ${report.mainLoadedMs} ms, window loaded ${report.windowLoadedMs} ms, demo site ready ${report.demoReadyMs} ms`);
    }
    const size = ctx.record({ name: 'package/app-asar', value: shipped.facts.asarBytes / MB, unit: 'MB', baseline: untrimmed.facts.asarBytes / MB, target: 30, targetOf: 'value' });
    ctx.record({ name: 'package/files', value: shipped.facts.packedFiles + shipped.facts.unpackedFiles, unit: 'files', baseline: untrimmed.facts.packedFiles + untrimmed.facts.unpackedFiles });
    ctx.record({ name: 'package/unpacked', value: shipped.facts.unpackedBytes / MB, unit: 'MB', baseline: untrimmed.facts.unpackedBytes / MB });
    ctx.record({ name: 'package/smoke-demo-ready', value: median(ready), unit: 'ms' });
    const row = (label: string, f: PackFacts) =>
      console.log(`  ${label.padEnd(44)}: app.asar ${(f.asarBytes / MB).toFixed(1)} MB, ${f.packedFiles} files packed; ${f.unpackedFiles} unpacked (${(f.unpackedBytes / MB).toFixed(1)} MB)`);
    console.log('\nThe packaged app (Linux x64, unpacked, stand-in Electron)');
    row('as shipped (electron.builder.yml)', shipped.facts);
    row('baseline: same build, no trimming', untrimmed.facts);
    console.log(`  ${'ratio app.asar shipped / untrimmed'.padEnd(44)}: ${size.ratio!.toFixed(3)}  (target: app.asar <= 30 MB) ${verdict(size)}`);
    console.log(`  ${'smoke run, fresh data folder (median)'.padEnd(44)}: main loaded ${median(mainLoaded)} ms, window loaded ${median(window)} ms, demo site ready ${median(ready)} ms`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
