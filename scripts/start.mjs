// `npm start` (after `scripts/build.mjs --if-stale`, which builds only when the sources changed): open Lockbench in
// Electron; where Electron cannot start (no binary and no way to download it, no display, a crash on start), say so in
// one line and serve Lockbench to the browser instead.
//
//   LOCKBENCH_HOST=browser or --browser ─────────────────────────────────────────────▶ browser host
//   binary on disk? ─no─▶ download host reachable? ─no─────────────────────────────────▶ fallback line + browser host
//        │ yes                 │ yes ─▶ download (time limit) ─fails─────────────────────▶ fallback line + browser host
//        ▼                     ▼
//   spawn Electron ─▶ "Lockbench window is open" ─▶ mirror its exit code
//                 └─ exits / errors / no window in time ─────────────────────────────────▶ fallback line + browser host
//
// Other arguments (--data-dir, --port, --no-demo) go to the browser host. Env: LOCKBENCH_ELECTRON_START_TIMEOUT_MS
// (default 30000), LOCKBENCH_ELECTRON_DOWNLOAD_TIMEOUT_MS (default 180000), LOCKBENCH_ELECTRON_BINARY (use this
// Electron executable as is: custom installs, and scripts/start.test.ts with fake ones).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { downloadElectron, electronPackageDir, installedElectronBinary, probeDownloadHost } from './electron-binary.mjs';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const hostScript = join(appDir, 'out', 'main', 'host.js');
/** Printed by electron/main/main-window.ts once the window is shown. */
const WINDOW_SHOWN_LINE = 'Lockbench window is open';

const args = process.argv.slice(2);
const forceBrowser = process.env.LOCKBENCH_HOST === 'browser' || args.includes('--browser');
const hostArgs = args.filter((arg) => arg !== '--browser');
const startTimeoutMs = Number(process.env.LOCKBENCH_ELECTRON_START_TIMEOUT_MS) || 30_000;
const downloadTimeoutMs = Number(process.env.LOCKBENCH_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 180_000;

/** Resolves the Electron binary, downloading it if needed; throws with a short reason. */
async function findElectron() {
  if (process.env.LOCKBENCH_ELECTRON_BINARY) return process.env.LOCKBENCH_ELECTRON_BINARY;
  const packageDir = electronPackageDir();
  if (!packageDir) throw new Error('the electron package is not installed');
  const installed = installedElectronBinary(packageDir);
  if (installed) return installed;
  const unreachable = await probeDownloadHost();
  if (unreachable) throw new Error(unreachable);
  return downloadElectron(packageDir, downloadTimeoutMs, (line) => console.log(line));
}

/**
 * Starts Electron on the app folder. Resolves with its exit code once it has shown the window and exited; rejects
 * (after killing it) when it fails before the window is shown.
 */
function runElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [appDir], { env, stdio: ['inherit', 'pipe', 'pipe'] });
    let isShown = false;
    let lastError = '';
    const fail = (reason) => {
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail(`no window after ${(startTimeoutMs / 1000).toFixed(1)} s`), startTimeoutMs);
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (!isShown && String(chunk).includes(WINDOW_SHOWN_LINE)) {
        isShown = true;
        clearTimeout(timer);
      }
    });
    child.stderr.on('data', (chunk) => {
      if (isShown) return void process.stderr.write(chunk);
      lastError = String(chunk).split('\n').find((line) => line.trim()) ?? lastError;
    });
    child.on('error', (error) => fail(`Electron did not run: ${error.code ?? error.message}`));
    child.on('exit', (code, signal) => {
      if (isShown) return resolve(code ?? (signal ? 1 : 0));
      fail(`Electron exited on start${lastError ? `: ${lastError.trim().slice(0, 100)}` : ` with ${code ?? signal}`}`);
    });
    for (const name of ['SIGINT', 'SIGTERM']) {
      process.on(name, () => (child.exitCode === null ? child.kill(name) : undefined));
    }
  });
}

/** Runs the browser host in this process; it prints "Lockbench is ready: <url>" and handles its own signals. */
async function runBrowserHost() {
  if (!existsSync(hostScript)) {
    console.error(`Lockbench is not built (${hostScript} is missing): run npm run build first.`);
    process.exit(1);
  }
  process.argv = [process.argv[0], hostScript, ...hostArgs];
  await import(pathToFileURL(hostScript).href);
}

if (forceBrowser) {
  await runBrowserHost();
} else {
  let exitCode = null;
  try {
    exitCode = await runElectron(await findElectron());
  } catch (error) {
    console.log(`Electron could not start here (${error.message}); serving Lockbench in your browser instead.`);
    for (const name of ['SIGINT', 'SIGTERM']) process.removeAllListeners(name);
  }
  if (exitCode === null) await runBrowserHost();
  else process.exit(exitCode);
}
