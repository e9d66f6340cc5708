// Runs a packed main process (an extracted app.asar) under plain Node with the stand-in Electron, in smoke mode.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Puts electron/main/testing/stand-in-electron.ts in as the package's `electron` module (tsx runs it as TypeScript),
 * starts `node out/main/index.js` with LOCKBENCH_SMOKE=1 and resolves to its LOCKBENCH_SMOKE report (null when the
 * line never came) with the process's stderr tail.
 */
export async function runPackagedSmoke({ projectDir, appDir, resources, userData, timeoutMs = 150_000 }) {
  const electronDir = join(appDir, 'node_modules', 'electron');
  await mkdir(electronDir, { recursive: true });
  await copyFile(join(projectDir, 'electron', 'main', 'testing', 'stand-in-electron.ts'), join(electronDir, 'index.ts'));
  await writeFile(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.ts' }));
  const tsx = pathToFileURL(join(projectDir, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const result = await run(process.execPath, ['--import', tsx, join(appDir, 'out', 'main', 'index.js')], {
    cwd: appDir,
    timeout: timeoutMs,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOCKBENCH_SMOKE: '1',
      STAND_IN_ELECTRON_APP_PATH: appDir,
      STAND_IN_ELECTRON_USER_DATA: userData,
      STAND_IN_ELECTRON_PACKAGED: '1',
      STAND_IN_ELECTRON_RESOURCES: resources,
    },
  }).catch((error) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''} (exit ${error.code ?? error.signal})` }));
  const line = result.stdout.split('\n').find((l) => l.startsWith('LOCKBENCH_SMOKE '));
  return { report: line ? JSON.parse(line.slice('LOCKBENCH_SMOKE '.length)) : null, stderrTail: result.stderr.slice(-2000) };
}
