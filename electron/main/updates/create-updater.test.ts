import { describe, expect, it, vi } from 'vitest';
import type { AppLog } from '../../core/ports/platform-port';
import type { UpdaterLogger } from './updater-port';

// electron-updater's autoUpdater needs Electron's app: a stand-in takes its place; reading it counts as making it.
const standIn = vi.hoisted(() => {
  const made = { disableWebInstaller: false, autoDownload: false, logger: null as UpdaterLogger | null, quitAndInstall: vi.fn(), on: vi.fn() };
  const module = { madeCount: 0 };
  Object.defineProperty(module, 'autoUpdater', { get: () => (module.madeCount++, made), enumerable: true });
  return { module: module as typeof module & { autoUpdater: typeof made }, made };
});
vi.mock('electron-updater', () => ({ default: standIn.module }));

const { createUpdater } = await import('./create-updater');

describe('electron-updater’s autoUpdater for the controller', () => {
  it('is made on first use only, refuses web installers, and passes settings, calls and events through', () => {
    const updater = createUpdater({ log: { info: () => {}, warn: () => {}, error: () => {}, files: async () => [] } });
    expect(standIn.module.madeCount).toBe(0);
    updater.autoDownload = true;
    updater.quitAndInstall(true, false);
    const listener = () => {};
    updater.on('checking-for-update', listener);
    expect(standIn.module.madeCount).toBe(1);
    expect(standIn.made).toMatchObject({ disableWebInstaller: true, autoDownload: true });
    expect(standIn.made.quitAndInstall).toHaveBeenCalledWith(true, false);
    expect(standIn.made.on).toHaveBeenCalledWith('checking-for-update', listener);
  });

  it('logs through the app’s log without a feed’s token or user info, and Errors as their message', () => {
    const lines: string[] = [];
    const log: AppLog = { info: (l) => lines.push(`info ${l}`), warn: (l) => lines.push(`warn ${l}`), error: (l) => lines.push(`error ${l}`), files: async () => [] };
    createUpdater({ log }).autoDownload = true;
    const logger = standIn.made.logger!;
    logger.info('Downloading update from https://user:pw@updates.example.com/Lockbench-Setup-0.2.0.exe?X-Token=secret#x, https://github.com/a/b/releases/download/v0.2.0/latest.yml');
    logger.warn(new Error('net::ERR_INTERNET_DISCONNECTED'));
    logger.info('Found version 0.2.0 (url: https://x.example/a.exe?t=1).');
    expect(lines).toEqual([
      'info [updates] Downloading update from https://updates.example.com/Lockbench-Setup-0.2.0.exe?…, https://github.com/a/b/releases/download/v0.2.0/latest.yml',
      'warn [updates] net::ERR_INTERNET_DISCONNECTED',
      'info [updates] Found version 0.2.0 (url: https://x.example/a.exe?…).',
    ]);
  });
});
