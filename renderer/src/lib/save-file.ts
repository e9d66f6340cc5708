import type { BuiltFile } from '../../../shared/domain/report';
import type { Result } from '../../../shared/result';
import type { RendererBridge } from './bridge/renderer-bridge';

/**
 * Getting a file main built (the commissioning report, the codes export) onto the installer's disk, the one way for
 * both. In the desktop app a channel that saves with main's dialog is used when there is one (`report.save`); in the
 * browser host — or for a file without such a channel — the built file is downloaded (a Blob and an `<a download>`
 * click; Electron shows its own save dialog for a download).
 *
 *   desktop + saveWithDialog ─▶ main's save dialog ─▶ saved to a path | cancelled
 *   otherwise                ─▶ build ─▶ Blob ─▶ <a download> click ─▶ revoke the URL
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

/** How one file is produced: built by main (always), and saved by main with its dialog (desktop only, optional). */
export interface FileSource {
  build: () => Promise<Result<BuiltFile>>;
  saveWithDialog?: () => Promise<Result<{ savedTo: string | null }>>;
}

/** Saves built files the host's way; asks main once which host it is (`app.info`). */
export class FileSaver {
  #isDesktop: Promise<boolean> | null = null;

  constructor(
    private readonly bridge: RendererBridge,
    private readonly download: (file: BuiltFile) => void = (file) => downloadBuiltFile(file),
  ) {}

  /** True in the desktop app (main can show a save dialog); false in the browser host. */
  isDesktop(): Promise<boolean> {
    this.#isDesktop ??= this.bridge.request('app.info', {}).then((info) => {
      if (!info.ok) this.#isDesktop = null; // ask again next time
      return info.ok && info.value.host === 'electron';
    });
    return this.#isDesktop;
  }

  /** Saves (desktop, with a dialog channel) or downloads the file; a failure comes back as its error. */
  async save(source: FileSource): Promise<Result<SaveOutcome>> {
    if (source.saveWithDialog && (await this.isDesktop())) {
      const saved = await source.saveWithDialog();
      if (saved.ok) return { ok: true, value: saved.value.savedTo === null ? { how: 'cancelled' } : { how: 'saved', savedTo: saved.value.savedTo } };
      // Main says this host cannot show a dialog after all: download instead.
      if (saved.error.code !== 'app.not_supported') return saved;
    }
    const built = await source.build();
    if (!built.ok) return built;
    this.download(built.value);
    return { ok: true, value: { how: 'downloaded', fileName: built.value.fileName, bytes: built.value.bytes } };
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
