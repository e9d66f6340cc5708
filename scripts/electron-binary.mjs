// Finds (and if needed downloads, with a time limit) the Electron binary WITHOUT `require('electron')`:
// electron 45's index.js downloads the binary on first require with a blocking spawnSync and no timeout, which
// would hang `npm start` on a machine that cannot reach the download host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** The installed electron package folder, or null. */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The binary path when it is already on disk (same rules as electron's index.js), else null. */
export function installedElectronBinary(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** True when a proxy is configured: Node's fetch ignores it, so a reachability probe would be misleading. */
function usesProxy(env) {
  return ['HTTPS_PROXY', 'https_proxy', 'GLOBAL_AGENT_HTTPS_PROXY', 'ELECTRON_GET_USE_PROXY'].some((name) => env[name]);
}

/**
 * Quick probe of the download host: any HTTP answer counts as reachable. Resolves to null when reachable or when it
 * cannot tell (proxy), else to a short reason. Keeps an offline machine from waiting on a download.
 */
export async function probeDownloadHost(env = process.env, timeoutMs = 5000) {
  if (usesProxy(env)) return null;
  const mirror = env.ELECTRON_MIRROR || env.electron_config_mirror || env.npm_config_electron_mirror || DEFAULT_MIRROR;
  let host = 'the download host';
  try {
    host = new URL(mirror).host;
    await fetch(mirror, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch {
    return `no Electron binary, and ${host} is unreachable`;
  }
}

/**
 * Runs electron's own install.js (downloads and unpacks the binary) in a child with a time limit.
 * Resolves to the binary path, or throws an Error with a one-line reason.
 */
export function downloadElectron(packageDir, timeoutMs, log) {
  return new Promise((resolve, reject) => {
    log('Downloading Electron (first start only)…');
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Electron download took longer than ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Electron download could not run (${error.message})`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const binary = installedElectronBinary(packageDir);
      if (code === 0 && binary) return resolve(binary);
      const firstLine = stderr.split('\n').find((line) => line.trim()) ?? `exit code ${code}`;
      reject(new Error(`Electron download failed: ${firstLine.trim().slice(0, 120)}`));
    });
  });
}
