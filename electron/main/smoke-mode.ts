/**
 * Smoke mode (`LOCKBENCH_SMOKE=1` or `--smoke`): proves a build starts, on CI and on the packaged app, without
 * touching the installer's data, keychain or updates, and says so in ONE stdout line:
 *
 *   fresh temp userData ─▶ serialport native binding loaded ─┐
 *   services (memory vault) ─▶ demo site `ready` ────────────┼─▶ LOCKBENCH_SMOKE {"ok":true,…} ─▶ close ─▶ exit 0
 *   hidden window ─▶ app://lockbench page finished loading ──┘
 *   any failure, or nothing after 120 s ─▶ LOCKBENCH_SMOKE {"ok":false,"reason":"…"} ─▶ exit 1
 *
 * Times are milliseconds since the process started.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import type { AppServices } from '../core/app/app-services';

/** The line's prefix; scripts look for it. */
export const SMOKE_PREFIX = 'LOCKBENCH_SMOKE';
/** The whole run's deadline. */
export const SMOKE_TIMEOUT_MS = 120_000;
/** The native module whose loading proves the package's serialport binding is there (loaded by name at run time). */
export const SERIALPORT_BINDINGS_MODULE = '@serialport/bindings-cpp';

/** What a passing run measured. */
export interface SmokeSuccess {
  ok: true;
  mainLoadedMs: number;
  windowLoadedMs: number;
  demoReadyMs: number;
  /** The serialport .node file the process loaded. */
  serialportBinding: string;
  isPackaged: boolean;
  platform: string;
  arch: string;
}

/** A run's outcome. */
export type SmokeResult = SmokeSuccess | { ok: false; reason: string };

/** True when this launch is a smoke run. */
export function isSmokeRun(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return env.LOCKBENCH_SMOKE === '1' || argv.includes('--smoke');
}

/** The one line a smoke run prints (a reason is kept to one line). */
export function smokeLine(result: SmokeResult): string {
  const safe = result.ok ? result : { ok: false, reason: result.reason.replace(/\s+/g, ' ').trim().slice(0, 500) };
  return `${SMOKE_PREFIX} ${JSON.stringify(safe)}`;
}

/** The loaded .node file of a native module, from `process.report.getReport().sharedObjects`; null when not loaded. */
export function pickNativeBinding(sharedObjects: readonly string[], marker = 'bindings-cpp'): string | null {
  return sharedObjects.find((path) => path.includes(marker) && path.endsWith('.node')) ?? null;
}

/** Loads serialport's native binding the way the app does and returns the .node file the process now has loaded. */
export async function loadSerialportBinding(
  load: () => Promise<unknown> = () => import(/* @vite-ignore */ SERIALPORT_BINDINGS_MODULE),
  sharedObjects: () => readonly string[] = () => (process.report.getReport() as { sharedObjects?: string[] }).sharedObjects ?? [],
): Promise<string> {
  await load();
  const binding = pickNativeBinding(sharedObjects());
  if (!binding) throw new Error(`${SERIALPORT_BINDINGS_MODULE} loaded but no bindings-cpp .node file is in the process`);
  return binding;
}

/** Points userData, logs and crash dumps at a fresh temp folder (before ready): a smoke run never sees real data. */
export function useSmokeFolder(app: Pick<App, 'setPath' | 'setAppLogsPath'>, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'lockbench-smoke-'));
  app.setPath('userData', dir);
  app.setPath('sessionData', dir);
  app.setPath('crashDumps', join(dir, 'crash-dumps'));
  app.setAppLogsPath(join(dir, 'logs'));
  return dir;
}

/** Waits until the services are ready and the demo site is connected (`ready`); throws with the site's state otherwise. */
export async function waitForDemoSite(services: Pick<AppServices, 'ready' | 'handlers'>): Promise<void> {
  await services.ready;
  const sites = await services.handlers['sites.list']({});
  const demo = sites.find((site) => site.connections.some((connection) => connection.kind === 'demo'));
  if (demo?.state !== 'ready') throw new Error(demo ? `the demo site is ${demo.state}${demo.stateMessage ? `: ${demo.stateMessage}` : ''}` : 'there is no demo site');
}

/** What a smoke run waits for and where it reports. */
export interface SmokeRun {
  mainLoadedMs: number;
  /** The shell started: the services exist and the hidden window is loading. */
  started: Promise<{ services: Pick<AppServices, 'ready' | 'handlers'>; windowLoaded: Promise<void> }>;
  loadSerialportBinding(): Promise<string>;
  facts: Pick<SmokeSuccess, 'isPackaged' | 'platform' | 'arch'>;
  /** Milliseconds since the process started. */
  now(): number;
  timeoutMs?: number;
  write(line: string): void;
  /** Closes the services (if any); bounded by the same deadline's remainder. */
  close(): Promise<void>;
  /** The temp data folder: removed after a passing run, kept (and named in the reason) after a failing one. */
  folder?: string;
  exit(code: number): void;
}

/** Runs the checks at once, prints the line, closes and exits (0 when all passed). */
export async function runSmoke(run: SmokeRun): Promise<void> {
  const timeoutMs = run.timeoutMs ?? SMOKE_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  const measure = async (): Promise<SmokeSuccess> => {
    const binding = run.loadSerialportBinding();
    binding.catch(() => undefined); // reported by Promise.all below, unless the start failed first
    const { services, windowLoaded } = await run.started;
    const [serialportBinding, windowLoadedMs, demoReadyMs] = await Promise.all([
      binding,
      windowLoaded.then(() => run.now()),
      waitForDemoSite(services).then(() => run.now()),
    ]);
    return { ok: true, mainLoadedMs: run.mainLoadedMs, windowLoadedMs, demoReadyMs, serialportBinding, ...run.facts };
  };
  let result: SmokeResult;
  try {
    result = await Promise.race([measure(), deadline]);
  } catch (error) {
    const kept = run.folder ? ` (its data and logs are kept in ${run.folder})` : '';
    result = { ok: false, reason: `${error instanceof Error ? error.message : String(error)}${kept}` };
  }
  run.write(smokeLine(result));
  let code = result.ok ? 0 : 1;
  try {
    await Promise.race([run.close(), deadline]);
  } catch {
    code = 1; // the line is out; a run that cannot close still fails
  }
  clearTimeout(timer);
  if (code === 0 && run.folder) await rm(run.folder, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  run.exit(code);
}
