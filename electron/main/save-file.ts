import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { BuiltFile, SavedFile } from '../../shared/domain/report';

/** The part of Electron's dialog module used here (a stand-in in tests). */
export interface SaveDialog {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

/**
 * Saves a built file (report, codes export, diagnostics) where the installer picks in the system save dialog,
 * suggesting its name in the Documents folder: `saved` with the path, or `cancelled` when the dialog was closed (or
 * there is no window to ask in). The bytes come from main (never from the page).
 */
export function createDialogSaveFile(dialog: SaveDialog, getWindow: () => BrowserWindow | null, documentsDir: string): (file: BuiltFile) => Promise<SavedFile> {
  return async (file) => {
    const window = getWindow();
    if (!window) return { outcome: 'cancelled' };
    const extension = extname(file.fileName).slice(1);
    const picked = await dialog.showSaveDialog(window, {
      title: 'Save',
      defaultPath: `${documentsDir}/${file.fileName}`,
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (picked.canceled || !picked.filePath) return { outcome: 'cancelled' };
    await writeFile(picked.filePath, Buffer.from(file.base64, 'base64'));
    return { outcome: 'saved', path: picked.filePath };
  };
}
