/**
 * An in-memory `electron` module (Electron cannot be downloaded or launched on our machines). Two uses:
 *
 * - tests: `vi.mock('electron', () => import('./testing/stand-in-electron'))`, or hand `createStandInElectron()` (one
 *   "process") to desktop-app.ts; several in one test share the single-instance registry, as two launches do.
 * - the packaged smoke run: `node --import tsx out/main/index.js` with node_modules/electron pointing here (it imports
 *   only node: builtins, so a copy as node_modules/electron/index.ts with `"type": "module"` works). The default
 *   instance then reads STAND_IN_ELECTRON_APP_PATH, _USER_DATA, _PACKAGED=1, _RESOURCES (process.resourcesPath) and
 *   _VERSION; outside a vitest worker (a process a test spawns counts as outside) `app.exit(code)` and a quit nobody
 *   prevented end the process.
 *
 * Faithful where the shell depends on it: whenReady resolves on the next tick (after it is first asked for), schemes
 * must be declared before ready and handled after it, loadURL on a handled scheme really calls the handler (the page
 * and each `src`/`href` it names; any non-2xx fails the load, stricter than Chromium), DevTools stay shut when
 * `webPreferences.devTools` is false, a quit emits before-quit / will-quit (preventable) / quit.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/* eslint-disable @typescript-eslint/no-explicit-any -- Electron's own signatures are huge; tests read these loosely. */
type Handler = (request: Request) => Response | Promise<Response>;
type Preventable = { defaultPrevented: boolean; preventDefault(): void };

/** One stand-in "process": where it runs from and whether it ends the real process on exit. */
export interface StandInConfig {
  appPath?: string | undefined;
  userData?: string | undefined;
  isPackaged?: boolean;
  version?: string | undefined;
  name?: string;
  /** app.exit(code) and an unprevented quit call process.exit (the packaged smoke run); off in tests. */
  exitsProcess?: boolean;
}

/** Apps holding the single-instance lock, by app name: shared by every stand-in in this process. */
const instanceLocks = new Map<string, StandInApp>();

function preventable(): Preventable {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

/** The stand-in `app`: an EventEmitter with Electron's lifecycle, paths and single-instance lock; it records quit/exit. */
export class StandInApp extends EventEmitter {
  readonly isPackaged: boolean;
  readonly name: string;
  readonly quits: Array<'quit'> = [];
  exitCode: number | null = null;
  isSandboxed = false;
  aboutPanelOptions: Record<string, unknown> | null = null;
  readonly commandLine = { switches: [] as string[], appendSwitch: (name: string, value?: string) => void this.commandLine.switches.push(value ? `${name}=${value}` : name) };
  private ready: Promise<void> | null = null;
  private isReadyNow = false;
  private isQuitting = false;
  private readonly paths = new Map<string, string>();

  constructor(private readonly config: StandInConfig, private readonly windows: () => Array<{ close(): void }>) {
    super();
    this.isPackaged = config.isPackaged ?? false;
    this.name = config.name ?? 'Lockbench';
    this.paths.set('userData', config.userData ?? join(tmpdir(), 'stand-in-electron', this.name));
  }
  whenReady(): Promise<void> {
    this.ready ??= new Promise((resolve) => process.nextTick(() => ((this.isReadyNow = true), this.emit('ready', preventable(), {}), resolve())));
    return this.ready;
  }
  isReady(): boolean { return this.isReadyNow; }
  /** True for the first app of this name; a later one tells the holder ('second-instance', after its ready) and gets false. */
  requestSingleInstanceLock(additionalData: Record<string, unknown> = {}): boolean {
    const holder = instanceLocks.get(this.name);
    if (holder && holder !== this) {
      void holder.whenReady().then(() => holder.emit('second-instance', preventable(), ['lockbench'], process.cwd(), additionalData));
      return false;
    }
    instanceLocks.set(this.name, this);
    return true;
  }
  hasSingleInstanceLock(): boolean { return instanceLocks.get(this.name) === this; }
  releaseSingleInstanceLock(): void { if (this.hasSingleInstanceLock()) instanceLocks.delete(this.name); }
  /** userData as configured or set; logs, crashDumps, documents… under it (never the real home); temp is the OS's. */
  getPath(name: string): string {
    const userData = this.paths.get('userData')!;
    const derived: Record<string, string> = { appData: join(userData, '..'), sessionData: userData, logs: join(userData, 'logs'), crashDumps: join(userData, 'Crashpad'), temp: tmpdir() };
    return this.paths.get(name) ?? derived[name] ?? join(userData, name);
  }
  setPath(name: string, path: string): void { this.paths.set(name, path); }
  setAppLogsPath(path?: string): void { this.paths.set('logs', path ?? join(this.getPath('userData'), 'logs')); }
  getAppPath(): string { return this.config.appPath ?? process.cwd(); }
  getName(): string { return this.name; }
  /** STAND_IN_ELECTRON_VERSION, else the app's package.json version, as Electron reads it. */
  getVersion(): string {
    if (this.config.version) return this.config.version;
    try {
      return (JSON.parse(readFileSync(join(this.getAppPath(), 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
    } catch {
      return '0.0.0';
    }
  }
  enableSandbox(): void {
    if (this.isReadyNow) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.isSandboxed = true;
  }
  setAboutPanelOptions(options: Record<string, unknown>): void { this.aboutPanelOptions = options; }
  focus(): void {}
  /** before-quit ─▶ windows close ─▶ will-quit ─▶ quit; any listener may stop it with preventDefault(). */
  quit(): void {
    this.quits.push('quit');
    if (this.emitPrevented('before-quit')) return;
    this.isQuitting = true;
    for (const window of this.windows()) window.close();
    this.isQuitting = false;
    if (this.windows().length > 0 || this.emitPrevented('will-quit')) return;
    this.emit('quit', preventable(), 0);
    this.exit(0);
  }
  /** Ends at once, without events (as Electron's app.exit). */
  exit(code = 0): void {
    this.exitCode = code;
    this.releaseSingleInstanceLock();
    if (this.config.exitsProcess) process.exit(code);
  }
  /** True while quit() closes the windows (no 'window-all-closed' then). */
  get quitting(): boolean { return this.isQuitting; }
  private emitPrevented(event: string): boolean {
    const e = preventable();
    this.emit(event, e);
    return e.defaultPrevented;
  }
}

/** The stand-in webContents: events, devtools, sends and what its loads fetched. */
export class StandInWebContents extends EventEmitter {
  private static lastId = 0;
  readonly id = ++StandInWebContents.lastId;
  readonly mainFrame = { frameTreeNodeId: this.id };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  /** Every URL the last load fetched through a protocol handler, with the status it got. */
  fetched: Array<{ url: string; status: number; headers: Record<string, string> }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private url = '';
  private devToolsOpen = false;
  private destroyed = false;

  constructor(readonly devToolsAllowed: boolean) { super(); }
  getURL(): string { return this.url; }
  setURL(url: string): void { this.url = url; }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void { this.windowOpenHandler = handler; }
  /** Does nothing when webPreferences.devTools is false, as in Electron. */
  openDevTools(): void {
    if (!this.devToolsAllowed || this.devToolsOpen) return;
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  }
  closeDevTools(): void {
    if (!this.devToolsOpen) return;
    this.devToolsOpen = false;
    this.emit('devtools-closed');
  }
  isDevToolsOpened(): boolean { return this.devToolsOpen; }
  send(channel: string, ...args: unknown[]): void { this.sent.push({ channel, args }); }
  isDestroyed(): boolean { return this.destroyed; }
  isCrashed(): boolean { return false; }
  destroy(): void { this.destroyed = true; }
}

/** One stand-in "process": every module export Lockbench's main uses, plus what each recorded. */
export function createStandInElectron(config: StandInConfig = {}) {
  const windows: Array<InstanceType<typeof BrowserWindow>> = [];
  const handlers = new Map<string, Handler>();
  const app = new StandInApp(config, () => [...windows]);
  const mustBeReady = (what: string) => { if (!app.isReady()) throw new Error(`${what} can only be used after the ready event`); };

  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) {
      if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: Handler) {
      mustBeReady('protocol.handle');
      if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      handlers.set(scheme, handler);
    },
    unhandle: (scheme: string) => void handlers.delete(scheme),
    isProtocolHandled: (scheme: string) => handlers.has(scheme),
    /** Test helper: what the handler answers for a URL. */
    async request(url: string, init?: RequestInit): Promise<Response> {
      const handler = handlers.get(new URL(url).protocol.slice(0, -1));
      if (!handler) throw new Error(`no handler for ${url}`);
      return handler(new Request(url, init));
    },
  };

  /** Loads a URL the way the shell sees it: handled schemes through their handler, http(s) as if served. */
  async function load(window: InstanceType<typeof BrowserWindow>, url: string): Promise<void> {
    const contents = window.webContents;
    contents.fetched = [];
    contents.setURL(url);
    let failure: string | null = null;
    const handler = handlers.get(url.split(':')[0] ?? '');
    if (handler) {
      const fetchOne = async (target: string) => {
        const response = await handler(new Request(target));
        contents.fetched.push({ url: target, status: response.status, headers: Object.fromEntries(response.headers) });
        if (!response.ok) failure ??= `${target} answered ${response.status}`;
        return response;
      };
      const page = await fetchOne(url);
      if (page.ok && (page.headers.get('content-type') ?? '').startsWith('text/html')) {
        const html = await page.text();
        const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, url).href).filter((ref) => ref.startsWith(url.split(':')[0]!));
        for (const ref of refs) await fetchOne(ref);
      }
    } else if (!/^https?:/.test(url)) {
      failure = 'ERR_UNKNOWN_URL_SCHEME';
    }
    if (failure) {
      contents.emit('did-fail-load', preventable(), -2, failure, url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}': ${failure}`);
    }
    window.emit('ready-to-show');
    contents.emit('did-finish-load');
  }

  class BrowserWindow extends EventEmitter {
    private static lastId = 0;
    static getAllWindows = () => [...windows];
    static getFocusedWindow = () => windows.find((w) => w.isFocused()) ?? null;
    readonly id = ++BrowserWindow.lastId;
    readonly webContents: StandInWebContents;
    private visible: boolean;
    private focused = false;
    private minimized = false;
    private destroyed = false;
    constructor(readonly options: Record<string, any> = {}) {
      super();
      mustBeReady('BrowserWindow');
      this.visible = options.show !== false;
      this.webContents = new StandInWebContents(options.webPreferences?.devTools !== false);
      windows.push(this);
      app.emit('web-contents-created', preventable(), this.webContents);
      app.emit('browser-window-created', preventable(), this);
    }
    loadURL(url: string): Promise<void> { return load(this, url); }
    show(): void { this.visible = true; this.focused = true; this.emit('show'); }
    hide(): void { this.visible = false; this.emit('hide'); }
    focus(): void { this.focused = true; this.emit('focus'); }
    restore(): void { this.minimized = false; this.emit('restore'); }
    minimize(): void { this.minimized = true; this.focused = false; this.emit('minimize'); }
    isVisible(): boolean { return this.visible; }
    isFocused(): boolean { return this.focused; }
    isMinimized(): boolean { return this.minimized; }
    isDestroyed(): boolean { return this.destroyed; }
    close(): void {
      if (this.destroyed) return;
      const event = preventable();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    }
    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroy();
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
      if (windows.length === 0 && !app.quitting) app.emit('window-all-closed');
    }
  }

  const dialog = {
    /** Scripted answers, first in first out; without one a message box answers button 0 and a save dialog is cancelled. */
    answers: { messageBox: [] as Array<{ response: number; checkboxChecked?: boolean }>, save: [] as Array<{ canceled: boolean; filePath?: string }> },
    messageBoxes: [] as Array<Record<string, any>>,
    saveDialogs: [] as Array<Record<string, any>>,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    async showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, any>) {
      dialog.messageBoxes.push(maybeOptions ?? (windowOrOptions as Record<string, any>));
      return { checkboxChecked: false, ...(dialog.answers.messageBox.shift() ?? { response: 0 }) };
    },
    async showSaveDialog(windowOrOptions: unknown, maybeOptions?: Record<string, any>) {
      dialog.saveDialogs.push(maybeOptions ?? (windowOrOptions as Record<string, any>));
      return { filePath: '', ...(dialog.answers.save.shift() ?? { canceled: true }) };
    },
    showErrorBox: (title: string, content: string) => void dialog.errorBoxes.push({ title, content }),
  };

  const ipcMain = Object.assign(new EventEmitter(), {
    handlers: new Map<string, (...args: any[]) => unknown>(),
    handle(channel: string, listener: (...args: any[]) => unknown) {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => void ipcMain.handlers.delete(channel),
  });

  const session = {
    defaultSession: {
      headerListeners: [] as Array<(details: any, callback: (response: any) => void) => void>,
      permissionHandlers: {} as Record<string, unknown>,
      preloads: [] as unknown[],
      webRequest: { onHeadersReceived: (listener: (details: any, callback: (response: any) => void) => void) => void session.defaultSession.headerListeners.push(listener) },
      setPermissionRequestHandler: (h: unknown) => void (session.defaultSession.permissionHandlers.request = h),
      setPermissionCheckHandler: (h: unknown) => void (session.defaultSession.permissionHandlers.check = h),
      setDevicePermissionHandler: (h: unknown) => void (session.defaultSession.permissionHandlers.device = h),
      registerPreloadScript: (script: unknown) => void session.defaultSession.preloads.push(script),
    },
  };

  const menu = { applied: null as { template: any[] } | null };
  return {
    app,
    BrowserWindow,
    protocol,
    dialog,
    ipcMain,
    session,
    Menu: {
      buildFromTemplate: (template: any[]) => ({ template, items: template }),
      setApplicationMenu: (built: { template: any[] } | null) => void (menu.applied = built),
      getApplicationMenu: () => menu.applied,
    },
    shell: {
      opened: [] as string[],
      async openExternal(url: string) { this.opened.push(url); },
      async openPath(path: string) { this.opened.push(path); return ''; },
      showItemInFolder(path: string) { this.opened.push(path); },
    },
    powerMonitor: new EventEmitter(),
    safeStorage: {
      isEncryptionAvailable: () => false,
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptStringAsync: async (): Promise<Buffer> => { throw new Error('Encryption is not available.'); },
      decryptStringAsync: async (): Promise<{ shouldReEncrypt: boolean; result: string }> => { throw new Error('Decryption is not available.'); },
    },
    crashReporter: {
      starts: [] as Array<Record<string, unknown>>,
      start(options: Record<string, unknown>) { this.starts.push(options); },
      getUploadedReports: () => [],
      getLastCrashReport: () => null,
    },
    webContents: { getAllWebContents: () => windows.map((w) => w.webContents), fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents },
  };
}

/** What createStandInElectron returns. */
export type StandInElectron = ReturnType<typeof createStandInElectron>;
/** A stand-in window, as tests see it. */
export type StandInWindow = InstanceType<StandInElectron['BrowserWindow']>;

function configFromEnv(env: NodeJS.ProcessEnv): StandInConfig {
  if (env.STAND_IN_ELECTRON_RESOURCES) Object.defineProperty(process, 'resourcesPath', { value: env.STAND_IN_ELECTRON_RESOURCES, configurable: true });
  return {
    appPath: env.STAND_IN_ELECTRON_APP_PATH,
    userData: env.STAND_IN_ELECTRON_USER_DATA,
    isPackaged: env.STAND_IN_ELECTRON_PACKAGED === '1',
    version: env.STAND_IN_ELECTRON_VERSION,
    // Not env.VITEST: a child process a test spawns inherits it, and there app.exit must really exit.
    exitsProcess: !('__vitest_worker__' in globalThis),
  };
}

let standIn = createStandInElectron(configFromEnv(process.env));

/* The module's exports are live bindings to the current "process", renewed by resetStandIn. */
export let { app, BrowserWindow, protocol, dialog, ipcMain, session, Menu, shell, powerMonitor, safeStorage, crashReporter, webContents } = standIn;

/** Test support: forgets every stand-in's single-instance lock and makes the module-level "process" new again. */
export function resetStandIn(config: StandInConfig = {}): StandInElectron {
  instanceLocks.clear();
  standIn = createStandInElectron({ ...configFromEnv(process.env), ...config });
  ({ app, BrowserWindow, protocol, dialog, ipcMain, session, Menu, shell, powerMonitor, safeStorage, crashReporter, webContents } = standIn);
  return standIn;
}

/** `import electron from 'electron'` (and CommonJS interop): the current "process", read at use. */
export default Object.defineProperties({}, Object.fromEntries(Object.keys(standIn).map((key) => [key, { enumerable: true, get: () => standIn[key as keyof StandInElectron] }]))) as StandInElectron;
