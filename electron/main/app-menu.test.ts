import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyAppMenu, buildMenuTemplate, createMenuActions, type MenuActions, type MenuTemplateOptions } from './app-menu';
import type { DesktopBuildFacts } from './build-facts';
import { createStandInElectron } from './testing/stand-in-electron';

const actions = (): MenuActions & { [K in keyof MenuActions]-?: ReturnType<typeof vi.fn> } =>
  ({ about: vi.fn(), checkForUpdates: vi.fn(), saveDiagnostics: vi.fn(), showLogFolder: vi.fn() }) as never;
const options = (over: Partial<MenuTemplateOptions> = {}): MenuTemplateOptions => ({
  platform: 'win32', isPackaged: true, productName: 'Lockbench', updateLabel: 'Check for Updates…', actions: actions(), ...over,
});
const submenu = (template: MenuItemConstructorOptions[], label: string) => (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label).filter(Boolean);
const allRoles = (template: MenuItemConstructorOptions[]) => template.flatMap((m) => roles((m.submenu ?? []) as MenuItemConstructorOptions[]));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the application menu template', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`${platform}: Edit has the clipboard roles so copy and paste work in the page`, () => {
      const edit = roles(submenu(buildMenuTemplate(options({ platform })), 'Edit'));
      expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']));
      expect(edit.includes('pasteAndMatchStyle')).toBe(platform === 'darwin');
    });

    it(`${platform}: no reload or DevTools when packaged; both while developing`, () => {
      const packaged = allRoles(buildMenuTemplate(options({ platform, isPackaged: true })));
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize']));
      expect(allRoles(buildMenuTemplate(options({ platform, isPackaged: false })))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    });
  }

  it('macOS: the app menu has About, Check for Updates…, Services, Hide, Hide Others, Show All and Quit', () => {
    const template = buildMenuTemplate(options({ platform: 'darwin' }));
    const appMenu = submenu(template, 'Lockbench');
    expect(template[0]!.label).toBe('Lockbench');
    expect(labels(appMenu)).toEqual(['About Lockbench', 'Check for Updates…', 'Show All']);
    expect(roles(appMenu)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(labels(submenu(template, 'Help'))).toEqual(['Save Diagnostics…', 'Show Log Folder']);
  });

  it('Windows and Linux: About, updates and Save Diagnostics under Help; Quit under File; no app menu', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate(options({ platform, updateLabel: 'Restart to Install 0.2.0' }));
      expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(labels(submenu(template, 'Help'))).toEqual(['About Lockbench', 'Restart to Install 0.2.0', 'Save Diagnostics…', 'Show Log Folder']);
      expect(roles(submenu(template, 'File'))).toEqual(['quit']);
    }
  });

  it('clicking an item calls its action; Show Log Folder is left out without one', () => {
    const acts = actions();
    const help = submenu(buildMenuTemplate(options({ actions: acts })), 'Help');
    for (const [label, action] of [['About Lockbench', acts.about], ['Check for Updates…', acts.checkForUpdates], ['Save Diagnostics…', acts.saveDiagnostics], ['Show Log Folder', acts.showLogFolder]] as const) {
      click(help.find((i) => i.label === label));
      expect(action, label).toHaveBeenCalledTimes(1);
    }
    const { showLogFolder: _omit, ...withoutFolder } = acts;
    expect(labels(submenu(buildMenuTemplate(options({ actions: withoutFolder })), 'Help'))).not.toContain('Show Log Folder');
  });

  it('applyAppMenu sets the built menu as the application menu', () => {
    const { Menu } = createStandInElectron();
    applyAppMenu(Menu as never, options({ platform: 'linux' }));
    expect(labels(Menu.getApplicationMenu()!.template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});

describe('the menu actions', () => {
  const facts: DesktopBuildFacts = { version: '0.1.0', isSigned: false, commit: null, builtAt: null, runtime: {} };
  const setup = (saveDiagnostics: () => Promise<unknown>) => {
    const electron = createStandInElectron();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), files: async () => [] };
    const made = createMenuActions({
      dialog: electron.dialog as never, openPath: (path) => electron.shell.openPath(path), getWindow: () => null,
      getServices: () => ({ saveDiagnostics }) as never, productName: 'Lockbench', facts: () => facts,
      checkForUpdates: async () => void electron.shell.opened.push('checked'), logFolder: '/tmp/logs', log,
    });
    return { electron, made, log };
  };

  it('Save Diagnostics says where the zip went, nothing when cancelled, and the error’s words when it failed', async () => {
    const saved = setup(async () => ({ outcome: 'saved', path: '/home/ana/Documents/Lockbench diagnostics.zip' }));
    saved.made.saveDiagnostics();
    await vi.waitFor(() => expect(saved.electron.dialog.messageBoxes).toHaveLength(1));
    expect(saved.electron.dialog.messageBoxes[0]).toMatchObject({ detail: 'Saved to /home/ana/Documents/Lockbench diagnostics.zip' });

    const cancelled = setup(async () => ({ outcome: 'cancelled' }));
    cancelled.made.saveDiagnostics();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled.electron.dialog.messageBoxes).toEqual([]);

    const failed = setup(async () => Promise.reject(new Error('The disk is full.')));
    failed.made.saveDiagnostics();
    await vi.waitFor(() => expect(failed.electron.dialog.messageBoxes).toHaveLength(1));
    expect(failed.electron.dialog.messageBoxes[0]).toMatchObject({ type: 'error', detail: 'The disk is full.' });
  });

  it('About shows the about box; updates and the log folder go where they are told', async () => {
    const { electron, made } = setup(async () => ({ outcome: 'cancelled' }));
    made.about();
    made.checkForUpdates();
    made.showLogFolder?.();
    await vi.waitFor(() => expect(electron.dialog.messageBoxes).toHaveLength(1));
    expect(electron.dialog.messageBoxes[0]).toMatchObject({ title: 'About Lockbench', message: 'Lockbench 0.1.0' });
    expect(electron.shell.opened).toEqual(expect.arrayContaining(['checked', '/tmp/logs']));
  });
});
