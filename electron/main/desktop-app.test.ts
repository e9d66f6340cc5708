import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppServices } from '../core/app/create-app-services';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers';
import { REQUEST_IPC } from '../preload/ipc-channels';
import { loadSerialportBinding } from './smoke-mode';
import { fakeServices, makeAppFolder, standInUpdater, startOnStandIn } from './testing/desktop-app-harness';
import { createStandInElectron, resetStandIn, type StandInElectron } from './testing/stand-in-electron';

const folders: string[] = [];
afterEach(async () => {
  resetStandIn(); // forgets every single-instance lock
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const appFolder = async (build?: Record<string, unknown>) => {
  const folder = await makeAppFolder(build);
  folders.push(folder.appPath);
  return folder;
};
const helpMenu = (electron: StandInElectron) => (electron.Menu.getApplicationMenu()!.template.find((m) => m.label === 'Help')!.submenu ?? []) as MenuItemConstructorOptions[];
const allRoles = (electron: StandInElectron) => electron.Menu.getApplicationMenu()!.template.flatMap((m) => ((m.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role));

describe('the desktop shell on the stand-in Electron', () => {
  it('serves the page from app://lockbench with the CSP, shows the window once loaded, and bridges IPC', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath });
    const services = fakeServices();
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: services.create, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
    await app.started;
    const window = electron.BrowserWindow.getAllWindows()[0]!;
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    expect(window.webContents.getURL()).toBe('app://lockbench/index.html');
    expect(window.webContents.fetched.map((f) => [f.url, f.status])).toEqual([
      ['app://lockbench/index.html', 200],
      ['app://lockbench/assets/index-1.js', 200],
      ['app://lockbench/assets/index-1.css', 200],
    ]);
    expect(window.webContents.fetched.every((f) => f.headers['content-security-policy'] === CONTENT_SECURITY_POLICY && f.headers['x-content-type-options'] === 'nosniff')).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.app.isSandboxed).toBe(true);
    expect(electron.crashReporter.starts).toEqual([expect.objectContaining({ uploadToServer: false })]);
    expect(electron.ipcMain.handlers.has(REQUEST_IPC)).toBe(true);
    expect(services.record.options[0]).toMatchObject({ host: 'electron', dataDir: appPath, build: { version: '0.1.0', isSigned: false } });
  });

  it('opens no window of its own: an https link the page opens goes to the installer’s browser, any other link nowhere', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath });
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: fakeServices().create });
    await app.started;
    const contents = electron.BrowserWindow.getAllWindows()[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://docs.seam.co/latest/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.shell.opened).toEqual(['https://docs.seam.co/latest/']));
  });

  it('has no DevTools when packaged: off in the window, absent from the menu, closed if they open anyway', async () => {
    const { appPath, mainDir } = await appFolder({ signed: true, commit: 'abc1234', builtAt: '2026-11-30T10:00:00Z' });
    const electron = createStandInElectron({ appPath, userData: appPath, isPackaged: true });
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: fakeServices().create, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    await app.started;
    const window = electron.BrowserWindow.getAllWindows()[0]!;
    expect(window.options.webPreferences.devTools).toBe(false);
    expect(window.webContents.getURL()).toBe('app://lockbench/index.html'); // never the dev server when packaged
    window.webContents.openDevTools();
    expect(window.webContents.isDevToolsOpened()).toBe(false);
    const close = vi.spyOn(window.webContents, 'closeDevTools');
    window.webContents.emit('devtools-opened');
    expect(close).toHaveBeenCalled();
    expect(allRoles(electron)).not.toContain('toggleDevTools');
    electron.app.quit();
  });

  it('a second launch quits and brings the first window back (restored, shown, focused)', async () => {
    const { appPath, mainDir } = await appFolder();
    const first = createStandInElectron({ appPath, userData: appPath });
    const started = startOnStandIn(first, { mainDir, createAppServices: fakeServices().create });
    await started.app.started;
    const window = first.BrowserWindow.getAllWindows()[0]!;
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    window.minimize();
    window.hide();

    const second = createStandInElectron({ appPath, userData: appPath });
    const secondServices = fakeServices();
    startOnStandIn(second, { mainDir, createAppServices: secondServices.create });
    expect(second.app.quits).toEqual(['quit']);
    expect(second.app.exitCode).toBe(0);
    await vi.waitFor(() => expect(window.isFocused()).toBe(true));
    expect(window.isMinimized()).toBe(false);
    expect(window.isVisible()).toBe(true);
    expect(first.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(secondServices.record.options).toEqual([]);
  });

  it('the computer waking from sleep reaches the platform’s resume listener', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath });
    const services = fakeServices();
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: services.create });
    await app.started;
    const woke = vi.fn();
    services.record.options[0]!.platform!.onResume(woke);
    electron.powerMonitor.emit('resume');
    expect(woke).toHaveBeenCalledTimes(1);
  });

  it('Help › Save Diagnostics… saves through the services and says where', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath });
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: fakeServices().create });
    await app.started;
    (helpMenu(electron).find((i) => i.label === 'Save Diagnostics…')!.click as () => void)();
    await vi.waitFor(() => expect(electron.dialog.messageBoxes).toEqual([expect.objectContaining({ detail: 'Saved to /home/ana/Documents/diagnostics.zip' })]));
  });
});

describe('updates in the packaged shell', () => {
  const startPackaged = async (changes: number) => {
    const { appPath, mainDir } = await appFolder({ signed: true, commit: 'abc1234' });
    const electron = createStandInElectron({ appPath, userData: appPath, isPackaged: true });
    const services = fakeServices({ changes });
    const updater = standInUpdater(services.record.events);
    const started = startOnStandIn(electron, { mainDir, createAppServices: services.create, createUpdater: () => updater });
    await started.app.started;
    await vi.waitFor(() => expect(updater.checks).toBe(1)); // the quiet check once the services are ready
    return { electron, services, updater, app: started.app };
  };

  it('a downloaded update waits while doors have changes in progress: the menu says so, and quitting installs nothing', async () => {
    const { electron, services, updater, app } = await startPackaged(2);
    updater.emit('update-downloaded', { version: '0.2.0', releaseDate: '2026-12-01' });
    await vi.waitFor(() => expect(app.updates()!.state()).toEqual({ kind: 'waiting_for_doors', version: '0.2.0', changes: 2 }));
    expect(helpMenu(electron).map((i) => i.label)).toContain('Update 0.2.0 waits for the doors');
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exitCode).toBe(0));
    expect(services.record.events).toEqual(['services closed']);
  });

  it('with no change in progress, quitting after "Later" installs the update, then closes the services', async () => {
    const { electron, services, updater } = await startPackaged(0);
    electron.dialog.answers.messageBox.push({ response: 1 }); // Later
    updater.emit('update-downloaded', { version: '0.2.0', releaseDate: '2026-12-01' });
    await vi.waitFor(() => expect(electron.dialog.messageBoxes.map((b) => b.message)).toContain('Lockbench 0.2.0 is ready to install'));
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exitCode).toBe(0));
    expect(services.record.events).toEqual(['install silent=true restart=false', 'services closed']);
  });

  it('development builds create no updater and say why from the menu', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath });
    const createUpdater = vi.fn();
    const { app } = startOnStandIn(electron, { mainDir, createAppServices: fakeServices().create, createUpdater });
    await app.started;
    (helpMenu(electron).find((i) => i.label === 'Check for Updates…')!.click as () => void)();
    await vi.waitFor(() => expect(electron.dialog.messageBoxes).toEqual([expect.objectContaining({ message: 'Updates are off', detail: expect.stringMatching(/development build/) })]));
    expect(createUpdater).not.toHaveBeenCalled();
  });
});

describe('smoke mode on the stand-in', () => {
  it('uses a temp data folder and the memory vault, keeps the window hidden, prints one ok line and exits 0', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: '/home/ana/.config/Lockbench', isPackaged: true });
    const services = fakeServices();
    const createUpdater = vi.fn();
    const { app, lines } = startOnStandIn(electron, { mainDir, createAppServices: services.create, createUpdater, argv: ['lockbench', '--smoke'] });
    await app.started;
    folders.push(electron.app.getPath('userData'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!.replace(/^LOCKBENCH_SMOKE /, ''))).toEqual({
      ok: true, mainLoadedMs: 10, windowLoadedMs: expect.any(Number), demoReadyMs: expect.any(Number),
      serialportBinding: '/stand-in/bindings-cpp/serialport.node', isPackaged: true, platform: 'linux', arch: process.arch,
    });
    expect(services.record.options[0]!.dataDir.startsWith(tmpdir())).toBe(true);
    expect(services.record.options[0]!.platform!.secrets.describe()).not.toMatch(/safeStorage/);
    expect(electron.BrowserWindow.getAllWindows()[0]!.isVisible()).toBe(false);
    expect(createUpdater).not.toHaveBeenCalled();
    expect(services.record.events).toEqual(['services closed']);
    expect(electron.app.exitCode).toBe(0);
  });

  it('reaches the real demo site through the real services, with the real serialport binding', async () => {
    const { appPath, mainDir } = await appFolder();
    const electron = createStandInElectron({ appPath, userData: appPath, isPackaged: true });
    const { app, lines, log } = startOnStandIn(electron, { mainDir, createAppServices, loadSerialportBinding: () => loadSerialportBinding(), env: { LOCKBENCH_SMOKE: '1' } });
    await app.started;
    folders.push(electron.app.getPath('userData'));
    expect(lines, log.lines.join('\n')).toEqual([expect.stringMatching(/^LOCKBENCH_SMOKE \{"ok":true,.*"serialportBinding":"[^"]*bindings-cpp[^"]*\.node"/)]);
    expect(electron.app.exitCode).toBe(0);
  }, 60_000);

  it('fails with the reason and exit 1 when the page cannot load', async () => {
    const { appPath, mainDir } = await appFolder();
    await rm(`${appPath}/out/renderer/assets/index-1.css`);
    const electron = createStandInElectron({ appPath, userData: appPath });
    const { app, lines } = startOnStandIn(electron, { mainDir, createAppServices: fakeServices().create, env: { LOCKBENCH_SMOKE: '1' } });
    await app.started;
    folders.push(electron.app.getPath('userData'));
    expect(lines).toEqual([expect.stringMatching(/^LOCKBENCH_SMOKE \{"ok":false,"reason":".*index-1\.css answered 404/)]);
    expect(electron.app.exitCode).toBe(1);
  });
});
