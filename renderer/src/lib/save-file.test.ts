import { describe, expect, it } from 'vitest';
import type { BuiltFile, SavedFile } from '../../../shared/domain/report';
import type { Result } from '../../../shared/result';
import { FileSaver, bytesOf, downloadBuiltFile, saveOutcomeWords, sizeWords, type DownloadHost } from './save-file';

const file: BuiltFile = { fileName: 'codes.csv', mimeType: 'text/csv', base64: btoa('door,pin\nFront,****\n'), bytes: 20 };

const answered = (value: SavedFile) => async (): Promise<Result<SavedFile>> => ({ ok: true, value });

describe('FileSaver', () => {
  it('says where main saved the file, or that the dialog was closed, and downloads nothing', async () => {
    const downloaded: BuiltFile[] = [];
    const saver = new FileSaver((f) => downloaded.push(f));
    expect(await saver.save(answered({ outcome: 'saved', path: '/home/i/report.pdf' }))).toEqual({ ok: true, value: { how: 'saved', savedTo: '/home/i/report.pdf' } });
    expect(await saver.save(answered({ outcome: 'cancelled' }))).toEqual({ ok: true, value: { how: 'cancelled' } });
    expect(downloaded).toEqual([]);
  });

  it('downloads the file main hands back (the browser host)', async () => {
    const downloaded: BuiltFile[] = [];
    const saver = new FileSaver((f) => downloaded.push(f));
    expect(await saver.save(answered({ outcome: 'download', file }))).toEqual({ ok: true, value: { how: 'downloaded', fileName: 'codes.csv', bytes: 20 } });
    expect(downloaded).toEqual([file]);
  });

  it('hands back a refusal and downloads nothing', async () => {
    const downloaded: BuiltFile[] = [];
    const saver = new FileSaver((f) => downloaded.push(f));
    const failed = async () => ({ ok: false as const, error: { code: 'report.failed' as const, message: 'pdf broke' } });
    expect(await saver.save(failed)).toEqual({ ok: false, error: { code: 'report.failed', message: 'pdf broke' } });
    expect(downloaded).toEqual([]);
  });
});

describe('downloadBuiltFile', () => {
  it('clicks a hidden download link for a Blob of the bytes, then revokes its URL later', async () => {
    const events: string[] = [];
    let blob: Blob | null = null;
    let later: (() => void) | null = null;
    const link = { href: '', download: '', hidden: false, click: () => events.push('click'), remove: () => events.push('remove') };
    const host: DownloadHost = {
      document: { createElement: (() => link) as unknown as Document['createElement'], body: { append: () => events.push('append') } },
      createObjectURL: (b) => ((blob = b), 'blob:1'),
      revokeObjectURL: (url) => events.push(`revoke ${url}`),
      later: (run) => (later = run),
    };
    downloadBuiltFile(file, host);
    expect([link.href, link.download, link.hidden, events]).toEqual(['blob:1', 'codes.csv', true, ['append', 'click', 'remove']]);
    expect(blob!.type).toBe('text/csv');
    expect(await blob!.text()).toBe('door,pin\nFront,****\n');
    later!();
    expect(events.at(-1)).toBe('revoke blob:1');
  });

  it('decodes base64 to the exact bytes', () => {
    expect([...bytesOf({ base64: btoa('\u0000\u00ff%PDF') })]).toEqual([0, 255, 37, 80, 68, 70]);
  });
});

describe('words', () => {
  it('says where the file went', () => {
    expect(saveOutcomeWords({ how: 'saved', savedTo: '/r.pdf' })).toBe('Saved to /r.pdf');
    expect(saveOutcomeWords({ how: 'cancelled' })).toMatch(/Not saved/);
    expect(saveOutcomeWords({ how: 'downloaded', fileName: 'r.pdf', bytes: 12_800 })).toBe('Downloaded r.pdf (13 KB): look in your downloads folder.');
    expect([sizeWords(812), sizeWords(1_468_006)]).toEqual(['812 bytes', '1.4 MB']);
  });
});
