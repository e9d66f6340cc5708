import { describe, expect, it } from 'vitest';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { createElectronUpdateDialogs, describeUpdateError, oneDialogAtATime, releaseNotesText, updateMenuLabel, type MessageDialog, type UpdateDialogs } from './update-dialogs';

/** A stand-in for Electron's dialog: records what was shown (and on which window), answers with `response`. */
function standInDialog(response: number) {
  const shown: Array<{ window: BrowserWindow | null; options: MessageBoxOptions }> = [];
  const dialog = {
    async showMessageBox(first: BrowserWindow | MessageBoxOptions, second?: MessageBoxOptions) {
      shown.push(second ? { window: first as BrowserWindow, options: second } : { window: null, options: first as MessageBoxOptions });
      return { response, checkboxChecked: false };
    },
  } as MessageDialog;
  return { dialog, shown };
}

const window = { isDestroyed: () => false } as BrowserWindow;

describe('the update dialogs as Electron message boxes', () => {
  it('maps the first button to Restart and any other answer (Esc, Later) to Later, on the app’s window', async () => {
    const restart = standInDialog(0);
    expect(await createElectronUpdateDialogs(restart.dialog, () => window).askRestart({ version: '0.2.0', notes: 'Faster sync' })).toBe('restart');
    expect(restart.shown[0]!.window).toBe(window);
    expect(restart.shown[0]!.options.message).toContain('0.2.0');
    expect(restart.shown[0]!.options.detail).toContain('Faster sync');
    const later = standInDialog(1);
    expect(await createElectronUpdateDialogs(later.dialog, () => null).askRestart({ version: '0.2.0', notes: null })).toBe('later');
    expect(later.shown[0]!.window).toBeNull();
  });

  it('says how many changes the doors still have and which version waits for them', async () => {
    const { dialog, shown } = standInDialog(0);
    await createElectronUpdateDialogs(dialog, () => window).tellWaitingForDoors('0.2.0', 3);
    expect(shown[0]!.options.detail).toMatch(/3 changes .*0\.2\.0/);
  });
});

describe('one dialog at a time', () => {
  it('opens a question only after the notice before it is closed', async () => {
    const events: string[] = [];
    let closeNotice = () => {};
    const inner: UpdateDialogs = {
      tellWaitingForDoors: () => (events.push('notice opens'), new Promise<void>((resolve) => (closeNotice = () => (events.push('notice closes'), resolve())))),
      askRestart: async () => (events.push('question opens'), 'later'),
      tellCheckResult: async () => {},
    };
    const dialogs = oneDialogAtATime(inner);
    void dialogs.tellWaitingForDoors('0.2.0', 1);
    const answer = dialogs.askRestart({ version: '0.2.0', notes: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['notice opens']);
    closeNotice();
    expect(await answer).toBe('later');
    await dialogs.settled();
    expect(events).toEqual(['notice opens', 'notice closes', 'question opens']);
  });
});

describe('the updater’s words', () => {
  it('labels the menu item by state', () => {
    expect(updateMenuLabel({ kind: 'idle' })).toBe('Check for Updates…');
    expect(updateMenuLabel({ kind: 'error', message: 'x' })).toBe('Check for Updates…');
    expect(updateMenuLabel({ kind: 'downloading', version: '0.2.0', percent: 42.7 })).toBe('Downloading update 42 %…');
    expect(updateMenuLabel({ kind: 'ready', version: '0.2.0' })).toBe('Restart to Install 0.2.0');
    expect(updateMenuLabel({ kind: 'waiting_for_doors', version: '0.2.0', changes: 3 })).toBe('Update 0.2.0 waits for the doors');
  });

  it('tells offline, a failed signature and a missing release apart, and never shows a URL', () => {
    const offline = describeUpdateError(new Error('net::ERR_NAME_NOT_RESOLVED'));
    const unsigned = describeUpdateError(Object.assign(new Error('New version 0.2.0 is not signed by the application owner'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }));
    const missing = describeUpdateError(Object.assign(new Error('Cannot find latest.yml'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }));
    expect(new Set([offline, unsigned, missing]).size).toBe(3);
    expect(describeUpdateError(new Error('odd: https://example.com/feed?token=abc'))).not.toContain('token=abc');
  });

  it('turns GitHub’s HTML release notes into short plain text', () => {
    expect(releaseNotesText('<h2>0.2.0</h2><ul><li>Faster sync &amp; retries</li></ul>')).toBe('0.2.0\n• Faster sync & retries');
    expect(releaseNotesText([{ version: '0.2.0', note: '<p>One</p>' }, { version: '0.1.1', note: null }])).toBe('One');
    expect(releaseNotesText(null)).toBeNull();
    expect(releaseNotesText('x'.repeat(1000), 100)).toHaveLength(100);
  });
});
