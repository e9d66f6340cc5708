import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { BuiltFile } from '../../shared/domain/report';
import { isCodedError } from '../../shared/result';
import type { AppLog } from '../core/ports/platform-port';
import type { SecretVault } from '../core/secrets/secret-vault';
import { createDesktopPlatform, type DesktopPlatformDeps } from './desktop-platform';

const dir = await mkdtemp(join(tmpdir(), 'lockbench-desktop-platform-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const zip: BuiltFile = { fileName: 'lockbench-diagnostics-2026-11-30-1000.zip', mimeType: 'application/zip', base64: Buffer.from('PK zip').toString('base64'), bytes: 6 };
const window = {} as BrowserWindow;
const vault = (): SecretVault => ({ seal: async (s) => s, open: async (s) => ({ bytes: s, shouldReseal: false }), describe: () => 'a stand-in vault' });
const logInto = (errors: string[]): AppLog => ({ info: () => undefined, warn: () => undefined, error: (line) => void errors.push(line), files: async () => [] });

/** The platform over stand-ins for Electron's modules; `opened` collects what reached shell.openExternal. */
function platformWith(over: Partial<DesktopPlatformDeps> = {}) {
  const opened: string[] = [];
  const errors: string[] = [];
  const powerMonitor = new EventEmitter();
  const platform = createDesktopPlatform({
    dialog: { showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'picked.zip') }) },
    shell: { openExternal: async (url) => void opened.push(url) },
    powerMonitor,
    secrets: vault(),
    log: logInto(errors),
    getWindow: () => window,
    documentsDir: '/home/ana/Documents',
    crashDumpsDir: join(dir, 'Crashpad'),
    ...over,
  });
  return { platform, opened, errors, powerMonitor };
}

describe('createDesktopPlatform', () => {
  it('saves a file where the save dialog says; cancelled when the dialog is closed or no window is open', async () => {
    expect(await platformWith().platform.saveFile(zip)).toEqual({ outcome: 'saved', path: join(dir, 'picked.zip') });
    expect(await readFile(join(dir, 'picked.zip'), 'utf8')).toBe('PK zip');
    const closed = platformWith({ dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) } });
    expect(await closed.platform.saveFile(zip)).toEqual({ outcome: 'cancelled' });
    expect(await platformWith({ getWindow: () => null }).platform.saveFile(zip)).toEqual({ outcome: 'cancelled' });
  });

  it('calls a listener on each powerMonitor resume until its stop function is called', () => {
    const { platform, powerMonitor } = platformWith();
    let wakes = 0;
    const stop = platform.onResume(() => wakes++);
    powerMonitor.emit('resume');
    powerMonitor.emit('resume');
    stop();
    powerMonitor.emit('resume');
    expect(wakes).toBe(2);
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });

  it('logs a wake listener that throws instead of letting it end the main process', () => {
    const { platform, powerMonitor, errors } = platformWith();
    platform.onResume(() => {
      throw new Error('time keeper broke');
    });
    expect(() => powerMonitor.emit('resume')).not.toThrow();
    expect(errors).toEqual(['a wake-from-sleep listener failed: time keeper broke']);
  });

  it('opens https links in the installer’s browser and refuses anything else with app.link_refused', async () => {
    const { platform, opened } = platformWith();
    expect(await platform.openLink('https://docs.seam.co/latest')).toBe('opened');
    for (const url of ['http://example.com', 'file:///etc/passwd', 'smb://server/share', 'not a link']) {
      await expect(platform.openLink(url).catch((e: unknown) => (isCodedError(e) ? e.code : e))).resolves.toBe('app.link_refused');
    }
    expect(opened).toEqual(['https://docs.seam.co/latest']);
  });

  it('lists the crash dumps in its folder and hands on the vault and the log it was given', async () => {
    await mkdir(join(dir, 'Crashpad', 'completed'), { recursive: true });
    await writeFile(join(dir, 'Crashpad', 'completed', 'c0ffee.dmp'), Buffer.alloc(300));
    const [secrets, log] = [vault(), logInto([])];
    const { platform } = platformWith({ secrets, log });
    expect(await platform.crashDumps()).toEqual([expect.objectContaining({ name: 'completed/c0ffee.dmp', bytes: 300 })]);
    expect(platform.secrets).toBe(secrets);
    expect(platform.log).toBe(log);
  });
});
