/**
 * The updater's words, in one place: the questions and notices the update controller shows (UpdateDialogs, shown with
 * Electron's message box), the menu item's label, and what an updater error means for the installer.
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { UpdateState } from './update-controller';
import type { UpdateRelease } from './updater-port';

/** What a check asked from the menu found, to tell the installer. */
export type MenuCheckResult =
  | { kind: 'up_to_date'; latestVersion: string }
  | { kind: 'downloading'; version: string }
  | { kind: 'error'; message: string }
  | { kind: 'disabled'; reason: string };

/** The dialogs the update controller shows; a test records them instead. */
export interface UpdateDialogs {
  /** The update is downloaded and no door has work: restart now to install it, or later (on quit). */
  askRestart(offer: { version: string; notes: string | null }): Promise<'restart' | 'later'>;
  /** The update is downloaded but `changes` are waiting or running on doors: it installs when they are done. */
  tellWaitingForDoors(version: string, changes: number): Promise<void>;
  /** The result of "Check for Updates…". */
  tellCheckResult(result: MenuCheckResult): Promise<void>;
}

/** The part of Electron's dialog module used here (a stand-in in tests). */
export interface MessageDialog {
  showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

/** UpdateDialogs as Electron message boxes, attached to the app's window when there is one. */
export function createElectronUpdateDialogs(dialog: MessageDialog, getWindow: () => BrowserWindow | null): UpdateDialogs {
  const show = (options: MessageBoxOptions) => {
    const window = getWindow();
    return window && !window.isDestroyed() ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  };
  return {
    async askRestart({ version, notes }) {
      const detail = 'No change is waiting or running on any door. Restart now to install it, or later: it is installed when you quit Lockbench, if no change is waiting or running on a door then.';
      const answer = await show({
        type: 'question',
        message: `Lockbench ${version} is ready to install`,
        detail: notes ? `${detail}\n\nWhat is new:\n${notes}` : detail,
        buttons: ['Restart Now', 'Later'],
        defaultId: 0,
        cancelId: 1,
      });
      return answer.response === 0 ? 'restart' : 'later';
    },
    async tellWaitingForDoors(version, changes) {
      await show({ type: 'info', message: `Lockbench ${version} is downloaded`, detail: waitingForDoorsText(version, changes), buttons: ['OK'] });
    },
    async tellCheckResult(result) {
      await show({ ...checkResultText(result), buttons: ['OK'] });
    },
  };
}

/** `dialogs` shown one at a time (a question never opens over a notice); `settled()` resolves when all shown are closed. */
export function oneDialogAtATime(dialogs: UpdateDialogs): UpdateDialogs & { settled(): Promise<void> } {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(show: () => Promise<T>): Promise<T> => {
    const shown = turn.then(show);
    turn = shown.catch(() => undefined);
    return shown;
  };
  return {
    askRestart: (offer) => inTurn(() => dialogs.askRestart(offer)),
    tellWaitingForDoors: (version, changes) => inTurn(() => dialogs.tellWaitingForDoors(version, changes)),
    tellCheckResult: (result) => inTurn(() => dialogs.tellCheckResult(result)),
    async settled() {
      for (let last = turn; ; last = turn) {
        await last;
        if (last === turn) return;
      }
    },
  };
}

/** "3 changes are still waiting or running on doors; Lockbench installs version 0.2.0 when they are done." */
export function waitingForDoorsText(version: string, changes: number): string {
  const what = changes === 1 ? '1 change is' : `${changes} changes are`;
  return `${what} still waiting or running on doors. When they are done, Lockbench asks before it restarts to install version ${version}; nothing restarts before you say so.`;
}

function checkResultText(result: MenuCheckResult): Pick<MessageBoxOptions, 'type' | 'message' | 'detail'> {
  switch (result.kind) {
    case 'up_to_date':
      return { type: 'info', message: 'Lockbench is up to date', detail: `The newest published version is ${result.latestVersion}.` };
    case 'downloading':
      return { type: 'info', message: `Lockbench ${result.version} is available`, detail: 'It is downloading in the background. Lockbench asks before it restarts, and never restarts while changes are waiting or running on doors.' };
    case 'error':
      return { type: 'warning', message: 'Lockbench could not check for updates', detail: result.message };
    case 'disabled':
      return { type: 'info', message: 'Updates are off', detail: result.reason };
  }
}

/** The update menu item's label for a state; clicking the item calls checkFromMenu (which offers a downloaded update again). */
export function updateMenuLabel(state: UpdateState): string {
  switch (state.kind) {
    case 'checking':
      return 'Checking for Updates…';
    case 'downloading':
      return `Downloading update ${Math.floor(state.percent)} %…`;
    case 'ready':
      return `Restart to Install ${state.version}`;
    case 'waiting_for_doors':
      return `Update ${state.version} waits for the doors`;
    default:
      return 'Check for Updates…';
  }
}

const OFFLINE = /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_\w+|TIMED_OUT|NETWORK_\w+|ADDRESS_UNREACHABLE|PROXY_\w+)|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/;
const NO_RELEASE = /^ERR_UPDATER_(LATEST_VERSION_NOT_FOUND|NO_PUBLISHED_VERSIONS|CHANNEL_FILE_NOT_FOUND|RELEASE_NOT_FOUND|ASSET_NOT_FOUND)$|^HTTP_ERROR_404$/;
const NOT_TRUSTED = /^(ERR_UPDATER_INVALID_SIGNATURE|ERR_CHECKSUM_MISMATCH)$/;

/** What an updater error (electron-updater's `code`s, Chromium's net:: errors) means for the installer, and what to do. */
export function describeUpdateError(error: unknown): string {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (OFFLINE.test(code) || OFFLINE.test(message)) return 'Lockbench could not reach GitHub, where its releases are published. Check the internet connection and try again; offline on site is fine, the check runs again later.';
  if (NOT_TRUSTED.test(code) || /checksum mismatch|not signed by the application owner|code signature/i.test(message)) return 'The downloaded update did not pass its signature check and was not installed. Lockbench keeps the version it has; download the release from GitHub if this persists.';
  if (NO_RELEASE.test(code)) return 'No published release of Lockbench was found for this computer. Try again later.';
  if (/^HTTP_ERROR_(403|429|5\d\d)$/.test(code)) return 'GitHub did not answer the update check right now. Try again later.';
  if (code === 'ENOENT' && message.includes('app-update.yml')) return 'This copy of Lockbench has no update settings. Install it from the published release to get updates.';
  if (code === 'ENOSPC') return 'There is not enough free disk space to download the update.';
  return `The update check failed: ${message.split('\n')[0]!.replace(/\bhttps?:\/\/\S+/gi, '[link]')}`;
}

/** A release's notes as plain text for a message box (GitHub sends HTML), cut to `maxChars`; null when there are none. */
export function releaseNotesText(notes: UpdateRelease['releaseNotes'], maxChars = 600): string | null {
  const joined = typeof notes === 'string' ? notes : (notes ?? []).map((entry) => entry.note ?? '').join('\n');
  const text = joined
    .replace(/<br\s*\/?>|<\/(p|li|h\d)>/gi, '\n')
    .replace(/<li>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return null;
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text;
}
