import type { BuiltFile, SavedFile } from '../../../shared/domain/report';
import type { Result } from '../../../shared/result';

/**
 * Getting a file main built (the commissioning report, the codes export, diagnostics) onto the installer's disk, the
 * one way for both hosts. The page asks main to save it (`report.save`, `codes.saveExport`, `app.saveDiagnostics`);
 * main's platform decides how and says what it did. The page never asks which host it runs in.
 *
 *   save channel ─▶ { saved, path }     (desktop: main's save dialog)
 *                ─▶ { cancelled }       (the dialog was closed)
 *                ─▶ { download, file }  (browser host) ─▶ Blob ─▶ <a download> click ─▶ revoke the URL
 */

/** Where a file went: saved by main at a path, downloaded by the page, or not saved (the dialog was cancelled). */
export type SaveOutcome =
  | { how: 'saved'; savedTo: string }
  | { how: 'downloaded'; fileName: string; bytes: number }
  | { how: 'cancelled' };

/** What the page needs to download a file (injected in tests). */
export interface DownloadHost {
  document: Pick<Document, 'createElement'> & { body: Pick<HTMLElement, 'append'> };
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** Runs `run` later (the URL is revoked after the download has taken the blob). */
  later: (run: () => void) => void;
}

const browserHost = (): DownloadHost => ({
  document,
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  later: (run) => setTimeout(run, 10_000),
});

/** The file's bytes from its base64. */
export function bytesOf(file: Pick<BuiltFile, 'base64'>): Uint8Array<ArrayBuffer> {
  const text = atob(file.base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Downloads a built file under its name: a Blob URL, a click on a hidden `<a download>`, the URL revoked later. */
export function downloadBuiltFile(file: BuiltFile, host: DownloadHost = browserHost()): void {
  const url = host.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  const link = host.document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  host.document.body.append(link);
  link.click();
  link.remove();
  host.later(() => host.revokeObjectURL(url));
}

/** Saves files through main's platform, downloading those it hands back (the browser host). */
export class FileSaver {
  constructor(private readonly download: (file: BuiltFile) => void = (file) => downloadBuiltFile(file)) {}

  /** Asks main to save (one save channel), downloads a file handed back; a failure comes back as its error. */
  async save(saveChannel: () => Promise<Result<SavedFile>>): Promise<Result<SaveOutcome>> {
    const saved = await saveChannel();
    if (!saved.ok) return saved;
    const value = saved.value;
    if (value.outcome === 'saved') return { ok: true, value: { how: 'saved', savedTo: value.path } };
    if (value.outcome === 'cancelled') return { ok: true, value: { how: 'cancelled' } };
    this.download(value.file);
    return { ok: true, value: { how: 'downloaded', fileName: value.file.fileName, bytes: value.file.bytes } };
  }
}

/** "Saved to /home/…/report.pdf", "Downloaded report.pdf (12 KB)", "Not saved: the save dialog was closed". */
export function saveOutcomeWords(outcome: SaveOutcome): string {
  if (outcome.how === 'saved') return `Saved to ${outcome.savedTo}`;
  if (outcome.how === 'cancelled') return 'Not saved: the save dialog was closed.';
  return `Downloaded ${outcome.fileName} (${sizeWords(outcome.bytes)}): look in your downloads folder.`;
}

/** "812 bytes", "12 KB", "1.4 MB". */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
