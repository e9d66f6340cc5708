import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkSignal } from '../../core/app/app-services';
import type { AppLog } from '../../core/ports/platform-port';
import { createUpdateController, type CanUpdate, type UpdateController } from './update-controller';
import type { MenuCheckResult, UpdateDialogs } from './update-dialogs';
import type { UpdateCheckOutcome, UpdateRelease, UpdaterLogger, UpdaterPort } from './updater-port';

/** A stand-in for electron-updater's autoUpdater: emits its events in its order, fails as it does (event, then rejection). */
class StandInUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowPrerelease = true;
  logger: UpdaterLogger | null = null;
  latest = '0.1.0';
  failWith: Error | null = null;
  readonly checkForUpdates = vi.fn(async (): Promise<UpdateCheckOutcome | null> => {
    this.emit('checking-for-update');
    if (this.failWith) {
      this.emit('error', this.failWith, `Cannot check for updates: ${this.failWith.stack}`);
      throw this.failWith;
    }
    const updateInfo = release(this.latest);
    if (this.latest === '0.1.0') {
      this.emit('update-not-available', updateInfo);
      return { isUpdateAvailable: false, updateInfo };
    }
    this.emit('update-available', updateInfo);
    return { isUpdateAvailable: true, updateInfo, downloadPromise: new Promise<string[]>(() => {}) };
  });
  readonly downloadUpdate = vi.fn(async () => []);
  readonly quitAndInstall = vi.fn();
  /** The background download finished. */
  finishDownload(version: string): void {
    this.emit('download-progress', { percent: 100, transferred: 10, total: 10, bytesPerSecond: 1 });
    this.emit('update-downloaded', { ...release(version), downloadedFile: `/tmp/Lockbench-Setup-${version}.exe` });
  }
}

const release = (version: string): UpdateRelease => ({ version, releaseDate: '2026-12-01T00:00:00.000Z', releaseNotes: `<p>Version ${version}</p>` });

/** Changes on doors: `set` moves the count and tells the listeners, as the queues do; `count` alone moves it silently. */
class StandInWork implements WorkSignal {
  count = 0;
  private readonly listeners = new Set<(n: number) => void>();
  changesInProgress = async () => this.count;
  onChange(listener: (n: number) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  set(count: number): void {
    this.count = count;
    for (const listener of this.listeners) listener(count);
  }
}

/** Records the dialogs; askRestart answers with `answer` or, when `held`, waits until the test answers. */
class StandInDialogs implements UpdateDialogs {
  readonly asked: string[] = [];
  readonly waiting: Array<{ version: string; changes: number }> = [];
  readonly results: MenuCheckResult[] = [];
  answer: 'restart' | 'later' = 'restart';
  held: ((answer: 'restart' | 'later') => void) | null = null;
  hold = false;
  async askRestart({ version }: { version: string }) {
    this.asked.push(version);
    if (!this.hold) return this.answer;
    return new Promise<'restart' | 'later'>((resolve) => (this.held = resolve));
  }
  async tellWaitingForDoors(version: string, changes: number) {
    this.waiting.push({ version, changes });
  }
  async tellCheckResult(result: MenuCheckResult) {
    this.results.push(result);
  }
}

const lines: string[] = [];
const log: AppLog = { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l), files: async () => [] };
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};
let controller: UpdateController | null = null;

function setup(canUpdate: CanUpdate = { ok: true }) {
  const updater = new StandInUpdater();
  const work = new StandInWork();
  const dialogs = new StandInDialogs();
  controller = createUpdateController({ updater, work, dialogs, log, canUpdate });
  return { updater, work, dialogs, controller };
}

afterEach(() => {
  controller?.dispose();
  lines.length = 0;
  vi.useRealTimers();
});

describe('installing a downloaded update only when no door has work', () => {
  it('downloads in the background and leaves installing on quit to the controller', () => {
    const { updater } = setup();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowPrerelease: false });
  });

  it('downloaded while 3 changes are in progress: no install, says it waits for the doors; asks when they are done, and Restart installs once', async () => {
    const { updater, work, dialogs, controller } = setup();
    work.count = 3;
    updater.finishDownload('0.2.0');
    await settle();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(dialogs.asked).toEqual([]);
    expect(dialogs.waiting).toEqual([{ version: '0.2.0', changes: 3 }]);
    expect(controller.state()).toEqual({ kind: 'waiting_for_doors', version: '0.2.0', changes: 3 });

    work.set(1);
    await settle();
    expect(controller.state()).toEqual({ kind: 'waiting_for_doors', version: '0.2.0', changes: 1 });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    work.set(0);
    work.set(0);
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0']);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('Later: nothing installs now, it is not asked again, and beforeQuit installs only when no door has work', async () => {
    const { updater, work, dialogs, controller } = setup();
    dialogs.answer = 'later';
    updater.finishDownload('0.2.0');
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0']);
    expect(controller.state()).toEqual({ kind: 'ready', version: '0.2.0' });

    work.set(2);
    await settle();
    expect(await controller.beforeQuit()).toBe(false);
    work.set(0);
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    expect(await controller.beforeQuit()).toBe(true);
    expect(updater.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, false);
  });

  it('a change queued while the question is open: Restart is deferred, and it asks again when the doors are done', async () => {
    const { updater, work, dialogs, controller } = setup();
    dialogs.hold = true;
    updater.finishDownload('0.2.0');
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0']);
    work.count = 2; // queued, not yet signalled: the count is read again before installing
    dialogs.held!('restart');
    await settle();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(controller.state()).toEqual({ kind: 'waiting_for_doors', version: '0.2.0', changes: 2 });
    expect(dialogs.waiting).toEqual([{ version: '0.2.0', changes: 2 }]);

    work.set(0);
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0', '0.2.0']);
    dialogs.held!('restart');
    await settle();
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('never installs while any change is waiting or running, whatever the installer does', async () => {
    const { updater, work, dialogs, controller } = setup();
    for (const changes of [1, 4]) {
      work.set(changes);
      updater.finishDownload('0.2.0');
      controller.installWhenIdle();
      await controller.checkFromMenu();
      work.set(changes + 1);
      expect(await controller.beforeQuit()).toBe(false);
      await settle();
    }
    expect(dialogs.asked).toEqual([]);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('asked again from the menu after Later, it asks again (and looks for nothing new)', async () => {
    const { updater, dialogs, controller } = setup();
    dialogs.answer = 'later';
    updater.finishDownload('0.2.0');
    await settle();
    dialogs.answer = 'restart';
    await controller.checkFromMenu();
    await settle();
    expect(dialogs.asked).toEqual(['0.2.0', '0.2.0']);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });
});

describe('checking for updates', () => {
  it('at start, offline on site: the error is logged once and no dialog opens', async () => {
    const { updater, dialogs, controller } = setup();
    updater.failWith = Object.assign(new Error('net::ERR_INTERNET_DISCONNECTED'), { code: 'ERR_INTERNET_DISCONNECTED' });
    controller.checkAtStart();
    await settle();
    expect(lines.filter((line) => line.includes('ERR_INTERNET_DISCONNECTED'))).toHaveLength(1);
    expect(dialogs.results).toEqual([]);
    expect(controller.state().kind).toBe('error');
  });

  it('from the menu, tells what it found: up to date, downloading a version, or the error in words', async () => {
    const { updater, dialogs, controller } = setup();
    await controller.checkFromMenu();
    updater.latest = '0.2.0';
    await controller.checkFromMenu();
    expect(controller.state()).toEqual({ kind: 'downloading', version: '0.2.0', percent: 0 });
    updater.failWith = new Error('HttpError: 404 "method: GET url: https://github.com/lockbench/lockbench/releases.atom?token=secret"');
    Object.assign(updater.failWith, { code: 'HTTP_ERROR_404' });
    await controller.checkFromMenu();
    expect(dialogs.results.slice(0, 2)).toEqual([{ kind: 'up_to_date', latestVersion: '0.1.0' }, { kind: 'downloading', version: '0.2.0' }]);
    expect(dialogs.results[2]).toMatchObject({ kind: 'error' });
    expect(JSON.stringify(dialogs.results[2])).not.toContain('secret');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('checks again every 4 hours while running, and stops once an update is downloaded', async () => {
    vi.useFakeTimers();
    const { updater } = setup();
    controller!.checkAtStart();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    updater.finishDownload('0.2.0');
    await vi.advanceTimersByTimeAsync(4 * 60 * 60 * 1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('disabled (a development or unsigned macOS build): the reason is shown from the menu and the updater is never used', async () => {
    const { updater, dialogs, controller } = setup({ ok: false, reason: 'This build is not signed.' });
    controller.checkAtStart();
    await controller.checkFromMenu();
    controller.installWhenIdle();
    expect(await controller.beforeQuit()).toBe(false);
    expect(dialogs.results).toEqual([{ kind: 'disabled', reason: 'This build is not signed.' }]);
    expect(controller.state()).toEqual({ kind: 'disabled', reason: 'This build is not signed.' });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.eventNames()).toEqual([]);
    expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: true });
  });

  it('tells the menu every state change', async () => {
    const { updater, controller } = setup();
    const kinds: string[] = [];
    controller.onStateChange((state) => kinds.push(state.kind));
    updater.latest = '0.2.0';
    controller.checkAtStart();
    updater.finishDownload('0.2.0');
    await settle();
    expect(kinds).toEqual(['checking', 'downloading', 'downloading', 'ready']);
  });
});
