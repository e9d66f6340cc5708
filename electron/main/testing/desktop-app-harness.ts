/**
 * Test support for desktop-app.test.ts: a built-looking app folder (out/main, a tiny out/renderer, package.json), fake
 * services that record what the shell did with them, a stand-in electron-updater, and startDesktopApp wired to a
 * stand-in Electron "process" with the real desktop platform, crash dumps, dialogs and update controller.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppServices, AppServicesOptions } from '../../core/app/app-services';
import { createEventHub } from '../../core/ipc/event-hub';
import type { RequestHandlers } from '../../core/ipc/handlers';
import type { AppLog } from '../../core/ports/platform-port';
import { startCrashDumps } from '../crash-dumps';
import { createDesktopPlatform } from '../desktop-platform';
import { startDesktopApp, type DesktopAppDeps, type DesktopElectron } from '../desktop-app';
import type { UpdaterPort } from '../updates/updater-port';
import type { StandInElectron } from './stand-in-electron';

/** A temp app folder as electron-builder lays it out: package.json (with lockbenchBuild when given) and out/{main,renderer}. */
export async function makeAppFolder(lockbenchBuild?: Record<string, unknown>): Promise<{ appPath: string; mainDir: string }> {
  const appPath = await mkdtemp(join(tmpdir(), 'lockbench-shell-'));
  const mainDir = join(appPath, 'out', 'main');
  const renderer = join(appPath, 'out', 'renderer');
  await mkdir(mainDir, { recursive: true });
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(appPath, 'package.json'), JSON.stringify({ name: 'lockbench', version: '0.1.0', ...(lockbenchBuild ? { lockbenchBuild } : {}) }));
  await writeFile(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" crossorigin src="./assets/index-1.js"></script><link rel="stylesheet" crossorigin href="./assets/index-1.css"></head><body><div id="app"></div></body></html>');
  await writeFile(join(renderer, 'assets', 'index-1.js'), 'document.title = "Lockbench";');
  await writeFile(join(renderer, 'assets', 'index-1.css'), 'body { margin: 0 }');
  return { appPath, mainDir };
}

/** A log that keeps its lines. */
export function memoryLog(): AppLog & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (line: string) => void lines.push(`${level} ${line}`);
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), files: async () => [] };
}

/** Fake services: a demo site that is ready, a scripted count of changes on doors, and a record of what happened. */
export function fakeServices(script: { changes?: number; saveDiagnostics?: AppServices['saveDiagnostics'] } = {}) {
  const record = { options: [] as AppServicesOptions[], events: [] as string[], changes: script.changes ?? 0, made: null as AppServices | null };
  const workListeners = new Set<(n: number) => void>();
  const create = async (options: AppServicesOptions): Promise<AppServices> => {
    record.options.push(options);
    const handlers = { 'sites.list': async () => [{ id: 'demo', name: 'Demo', connections: [{ kind: 'demo' }], state: 'ready', stateMessage: null }] } as unknown as RequestHandlers;
    record.made = {
      handlers,
      events: createEventHub(),
      ready: Promise.resolve(),
      work: { changesInProgress: async () => record.changes, onChange: (listener) => (workListeners.add(listener), () => void workListeners.delete(listener)) },
      saveDiagnostics: script.saveDiagnostics ?? (async () => ({ outcome: 'saved', path: '/home/ana/Documents/diagnostics.zip' })),
      close: async () => void record.events.push('services closed'),
    };
    return record.made;
  };
  return { create, record, setChanges: (n: number) => ((record.changes = n), workListeners.forEach((l) => l(n))) };
}

/** electron-updater's autoUpdater as the update controller sees it, recording installs. */
export function standInUpdater(events: string[]) {
  return Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowPrerelease: true,
    logger: null,
    checks: 0,
    async checkForUpdates() {
      this.checks++;
      return { isUpdateAvailable: false, updateInfo: { version: '0.1.0', releaseDate: '2026-11-01' } };
    },
    downloadUpdate: async () => [],
    quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => void events.push(`install silent=${isSilent} restart=${isForceRunAfter}`),
  }) as UpdaterPort & EventEmitter & { checks: number };
}

/** Starts the shell on a stand-in "process" with the real platform pieces and the given fakes. */
export function startOnStandIn(electron: StandInElectron, over: Partial<DesktopAppDeps> & Pick<DesktopAppDeps, 'mainDir' | 'createAppServices'>) {
  const log = memoryLog();
  const lines: string[] = [];
  const updater = standInUpdater([]);
  const app = startDesktopApp({
    electron: electron as unknown as DesktopElectron,
    argv: ['electron', '.'],
    env: {},
    platform: 'linux',
    mainLoadedMs: 10,
    now: () => Math.round(performance.now()),
    createLog: () => log,
    startCrashDumps,
    createDesktopPlatform,
    createUpdater: () => updater,
    loadSerialportBinding: async () => '/stand-in/bindings-cpp/serialport.node',
    write: (line) => void lines.push(line),
    ...over,
  });
  return { app, log, lines, updater };
}
