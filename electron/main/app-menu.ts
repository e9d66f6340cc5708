import type { BaseWindow, Menu, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { AppServices } from '../core/app/app-services';
import type { AppLog } from '../core/ports/platform-port';
import { showAboutBox, type AboutDialog } from './about-box';
import type { DesktopBuildFacts } from './build-facts';

/** What the menu's own items do (Edit, View and Window items are Electron roles). */
export interface MenuActions {
  about(): void;
  checkForUpdates(): void;
  saveDiagnostics(): void;
  /** Opens the folder the log files are in (left out of the menu when absent). */
  showLogFolder?: () => void;
}

/** Everything the menu depends on; the menu is built again whenever one of them changes (the update label). */
export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  productName: string;
  /** The update item's words (updateMenuLabel(state)): "Check for Updates…", "Restart to Install 0.2.0"… */
  updateLabel: string;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, as a template. macOS gets its app menu (About, updates, Services, Hide, Quit); Windows and
 * Linux get About and updates under Help and Quit under File. Edit carries the clipboard roles so copy and paste work
 * in the page; View has zoom and full screen, and reload and DevTools only in development (a packaged build has none).
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { actions, productName } = options;
  const isMac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${productName}`, click: () => actions.about() };
  const updates: MenuItemConstructorOptions = { label: options.updateLabel, click: () => actions.checkForUpdates() };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: productName,
      submenu: [about, updates, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide', label: 'Show All' }, separator, { role: 'quit' }],
    });
  }
  template.push({ label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  });
  const developer: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  template.push({ label: 'View', submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }] });
  template.push({
    role: 'windowMenu',
    label: 'Window',
    submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  template.push({
    role: 'help',
    label: 'Help',
    submenu: [
      ...(isMac ? [] : [about, updates, separator]),
      { label: 'Save Diagnostics…', click: () => actions.saveDiagnostics() },
      ...(actions.showLogFolder ? [{ label: 'Show Log Folder', click: () => actions.showLogFolder?.() }] : []),
    ],
  });
  return template;
}

/** Builds the template into Electron's menu and makes it the application menu. */
export function applyAppMenu(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuTemplateOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}

/** What the menu's actions reach: dialogs, the shell, the window, the services and the updates once they exist. */
export interface MenuActionDeps {
  dialog: AboutDialog;
  openPath(path: string): Promise<string>;
  getWindow(): BaseWindow | null;
  getServices(): Pick<AppServices, 'saveDiagnostics'> | null;
  productName: string;
  facts(): DesktopBuildFacts;
  /** "Check for Updates…": the update controller's checkFromMenu, or a dialog saying why updates are off. */
  checkForUpdates(): Promise<void>;
  /** The log folder (Electron's `logs` path), or null to leave "Show Log Folder" out. */
  logFolder: string | null;
  log: AppLog;
}

/**
 * The menu's actions. Save Diagnostics says where the zip went ("Saved to …"), nothing when the dialog was cancelled,
 * and the error's words when it failed. A failing action is logged, never thrown into Electron's menu code.
 */
export function createMenuActions(deps: MenuActionDeps): MenuActions {
  const show = (options: MessageBoxOptions) => {
    const window = deps.getWindow();
    return window ? deps.dialog.showMessageBox(window, options) : deps.dialog.showMessageBox(options);
  };
  const safely = (what: string, action: () => Promise<unknown>) => () =>
    void action().catch((error: unknown) => deps.log.error(`[menu] ${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  const logFolder = deps.logFolder;
  return {
    about: safely('About', () => showAboutBox(deps.dialog, deps.getWindow(), deps.productName, deps.facts())),
    checkForUpdates: safely('Check for Updates', () => deps.checkForUpdates()),
    saveDiagnostics: safely('Save Diagnostics', async () => {
      const services = deps.getServices();
      if (!services) return;
      try {
        const saved = await services.saveDiagnostics();
        if (saved.outcome === 'saved') await show({ type: 'info', message: 'Diagnostics saved', detail: `Saved to ${saved.path}`, buttons: ['OK'] });
      } catch (error) {
        await show({ type: 'error', message: 'Lockbench could not save the diagnostics', detail: error instanceof Error ? error.message : String(error), buttons: ['OK'] });
      }
    }),
    ...(logFolder ? { showLogFolder: safely('Show Log Folder', () => deps.openPath(logFolder)) } : {}),
  };
}
