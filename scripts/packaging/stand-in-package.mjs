// Builds the unpacked Linux app the way a release does, but with a stand-in Electron (none can be downloaded here),
// so what goes into app.asar can be checked in `npm test`. See PLATFORM.md: electron-builder packs with
// `electronDist` pointing at a folder with a dummy `electron`; the fuses need the real binary, so they are off.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, Platform } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/load.js';

/**
 * Builds `<outDir>/dist/linux-unpacked` from out/ and production node_modules; resolves to its resources folder.
 * `adjust` may change the loaded electron.builder.yml first (the benchmark packs an untrimmed baseline with it).
 */
export async function buildStandInPackage(projectDir, outDir, adjust = (config) => config) {
  const loaded = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null }, 'electron.builder.yml');
  const config = adjust({ ...loaded.result });
  delete config.electronFuses;
  const electronDist = join(outDir, 'stand-in-electron-dist');
  await mkdir(electronDist, { recursive: true });
  await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron: nothing to run"\n');
  await chmod(join(electronDist, 'electron'), 0o755);
  await writeFile(join(electronDist, 'LICENSE'), '');
  const electronVersion = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'))).version;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir'),
    config: { ...config, electronDist, electronVersion, directories: { ...config.directories, output: join(outDir, 'dist') } },
    publish: 'never',
  });
  return join(outDir, 'dist', 'linux-unpacked', 'resources');
}
