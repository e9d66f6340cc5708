import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { BuiltFile } from '../../shared/domain/report';
import { createDialogSaveFile } from './save-file';

const dir = await mkdtemp(join(tmpdir(), 'lockbench-save-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const window = {} as BrowserWindow;
const report: BuiltFile = { fileName: 'Lockbench report - Building demo - 2026-11-30.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-1.7 test').toString('base64'), bytes: 13 };

describe('saving a built file with the desktop app’s dialog', () => {
  it('suggests the file’s name in Documents, filters by its type, and writes the bytes main built where the installer picked', async () => {
    const asked: SaveDialogOptions[] = [];
    const target = join(dir, 'picked.pdf');
    const save = createDialogSaveFile({ showSaveDialog: async (_w, options) => (asked.push(options), { canceled: false, filePath: target }) }, () => window, '/home/ana/Documents');
    expect(await save(report)).toEqual({ outcome: 'saved', path: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 test');
    expect(asked[0]).toMatchObject({ defaultPath: '/home/ana/Documents/Lockbench report - Building demo - 2026-11-30.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });

  it('writes nothing when the dialog is cancelled or there is no window', async () => {
    const cancelled = createDialogSaveFile({ showSaveDialog: async () => ({ canceled: true, filePath: '' }) }, () => window, dir);
    expect(await cancelled(report)).toEqual({ outcome: 'cancelled' });
    const noWindow = createDialogSaveFile({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'never.pdf') }) }, () => null, dir);
    expect(await noWindow(report)).toEqual({ outcome: 'cancelled' });
    await expect(readFile(join(dir, 'never.pdf'))).rejects.toThrow();
  });
});
