import { join } from 'node:path';
import * as electron from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import standInDefault, { createStandInElectron, resetStandIn } from './stand-in-electron';

vi.mock('electron', () => import('./stand-in-electron'));

afterEach(() => {
  vi.unstubAllEnvs();
  resetStandIn();
  delete (process as { resourcesPath?: string }).resourcesPath; // report fonts are found through it: leave none behind
});

describe('the stand-in electron module', () => {
  it('is what `electron` resolves to under vi.mock, and resetStandIn renews its exports in place', () => {
    const before = electron.app;
    expect(before.getName()).toBe('Lockbench');
    resetStandIn();
    expect(electron.app).not.toBe(before);
    expect(standInDefault.app).toBe(electron.app);
  });

  it('configures itself from STAND_IN_ELECTRON_* as the packaged smoke run sets them', () => {
    vi.stubEnv('STAND_IN_ELECTRON_APP_PATH', '/opt/Lockbench/resources/app');
    vi.stubEnv('STAND_IN_ELECTRON_USER_DATA', '/tmp/lb-data');
    vi.stubEnv('STAND_IN_ELECTRON_PACKAGED', '1');
    vi.stubEnv('STAND_IN_ELECTRON_RESOURCES', '/opt/Lockbench/resources');
    vi.stubEnv('STAND_IN_ELECTRON_VERSION', '0.3.0');
    const { app } = resetStandIn();
    expect(app.getAppPath()).toBe('/opt/Lockbench/resources/app');
    expect(app.isPackaged).toBe(true);
    expect(app.getVersion()).toBe('0.3.0');
    expect(app.getPath('userData')).toBe('/tmp/lb-data');
    expect(app.getPath('logs')).toBe(join('/tmp/lb-data', 'logs'));
    expect((process as { resourcesPath?: string }).resourcesPath).toBe('/opt/Lockbench/resources');
  });

  it('gets ready on the next tick, and enforces what must happen before and after ready', async () => {
    const { app, protocol, BrowserWindow } = createStandInElectron();
    expect(() => new BrowserWindow({})).toThrow(/after the ready event/);
    protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    const ready = app.whenReady();
    expect(app.isReady()).toBe(false);
    await ready;
    expect(app.isReady()).toBe(true);
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'x' }])).toThrow(/before app is ready/);
    expect(() => app.enableSandbox()).toThrow(/before app is ready/);
  });

  it('quits through before-quit, the windows, will-quit (preventable) and quit; exit ends the process only when asked', async () => {
    const { app, BrowserWindow } = createStandInElectron();
    await app.whenReady();
    const seen: string[] = [];
    new BrowserWindow({}).on('closed', () => seen.push('window closed'));
    let holdOnce = true;
    app.on('before-quit', () => seen.push('before-quit'));
    app.on('window-all-closed', () => seen.push('window-all-closed'));
    app.on('will-quit', (event: { preventDefault(): void }) => (seen.push('will-quit'), holdOnce && (event.preventDefault(), (holdOnce = false))));
    app.on('quit', () => seen.push('quit'));
    app.quit();
    expect(app.exitCode).toBeNull();
    app.quit();
    expect(seen).toEqual(['before-quit', 'window closed', 'will-quit', 'before-quit', 'will-quit', 'quit']);
    expect(app.exitCode).toBe(0);

    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    createStandInElectron({ exitsProcess: true }).app.exit(3);
    expect(exit).toHaveBeenCalledWith(3);
    exit.mockRestore();
  });

  it('tells the first instance about a second launch, after its ready', async () => {
    const first = createStandInElectron();
    const second = createStandInElectron();
    const launches = vi.fn();
    first.app.on('second-instance', launches);
    expect(first.app.requestSingleInstanceLock()).toBe(true);
    expect(second.app.requestSingleInstanceLock()).toBe(false);
    await vi.waitFor(() => expect(launches).toHaveBeenCalledTimes(1));
    first.app.releaseSingleInstanceLock();
    expect(second.app.requestSingleInstanceLock()).toBe(true);
  });

  it('loads http pages as served and refuses unknown schemes like Chromium', async () => {
    const { app, BrowserWindow } = createStandInElectron();
    await app.whenReady();
    const window = new BrowserWindow({ show: false });
    const finished = vi.fn();
    window.webContents.on('did-finish-load', finished);
    await window.loadURL('http://localhost:5173/');
    expect(finished).toHaveBeenCalled();
    await expect(window.loadURL('app://lockbench/index.html')).rejects.toThrow(/ERR_UNKNOWN_URL_SCHEME/);
    expect(window.isVisible()).toBe(false);
  });
});
