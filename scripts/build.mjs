#!/usr/bin/env node
// `npm run build`: electron-vite's build of all three runtimes into out/, then the build stamp (scripts/build-stamp.mjs).
// `--if-stale` (npm start, npm run bench): build only when out/ is not the build of the sources as they are now.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { whyRebuild, writeBuildStamp } from './build-stamp.mjs';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `electron-vite build` in `root` with its output on this terminal; rejects when it fails. */
export function runElectronViteBuild(root = appDir) {
  const require = createRequire(join(root, 'package.json'));
  const pkgFile = require.resolve('electron-vite/package.json');
  const bin = join(dirname(pkgFile), require(pkgFile).bin['electron-vite']);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`electron-vite build failed (${signal ?? `exit code ${code}`})`))));
  });
}

/**
 * Builds when out/ is stale (saying why, in one line) and records the build; says so in one line when it is not.
 * Resolves to true when it built. `build` is injectable for tests.
 */
export async function ensureBuilt({ root = appDir, log = console.log, build = runElectronViteBuild } = {}) {
  const why = await whyRebuild(root);
  if (!why) {
    log('Lockbench is already built for these sources (out/ is up to date).');
    return false;
  }
  log(`Building Lockbench (${why})…`);
  await build(root);
  await writeBuildStamp(root);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    if (process.argv.includes('--if-stale')) await ensureBuilt();
    else {
      await runElectronViteBuild();
      await writeBuildStamp(appDir);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
