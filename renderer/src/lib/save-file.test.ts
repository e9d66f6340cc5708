import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../shared/domain/report';
import type { Result } from '../../../shared/result';
import { FileSaver, bytesOf, downloadBuiltFile, saveOutcomeWords, sizeWords, type DownloadHost } from './save-file';
import { FakeBridge } from './testing/fake-bridge';

const file: BuiltFile = { fileName: 'codes.csv', mimeType: 'text/csv', base64: btoa('door,pin\nFront,****\n'), bytes: 20 };

function appInfo(host: 'electron' | 'browser') {
  return { version: '0.1.0', host, dataDir: '/tmp', storeNotice: null, now: '2025-01-01T10:00:00.000Z', demoClock: false };
}

function setup(host: 'electron' | 'browser') {
  const bridge = new FakeBridge().answer('app.info', appInfo(host));
  const downloaded: BuiltFile[] = [];
  const saver = new FileSaver(bridge, (f) => downloaded.push(f));
  return { bridge, saver, downloaded };
}

const built = async (): Promise<Result<BuiltFile>> => ({ ok: true, value: file });

describe('FileSaver', () => {
  it('saves with main’s dialog in the desktop app, and asks which host only once', async () => {
    const { bridge, saver, downloaded } = setup('electron');
    let asked = 0;
    const saveWithDialog = async () => (asked++, { ok: true as const, value: { savedTo: '/home/i/report.pdf' } });
    expect(await saver.save({ build: built, saveWithDialog })).toEqual({ ok: true, value: { how: 'saved', savedTo: '/home/i/report.pdf' } });
    expect(await saver.save({ build: built, saveWithDialog: async () => ({ ok: true, value: { savedTo: null } }) })).toEqual({ ok: true, value: { how: 'cancelled' } });
    expect([asked, downloaded, bridge.sent('app.info')]).toEqual([1, [], [{}]]);
  });

  it('downloads in the browser host, and for a file with no dialog channel', async () => {
    const browser = setup('browser');
    let dialogs = 0;
    const outcome = await browser.saver.save({ build: built, saveWithDialog: async () => (dialogs++, { ok: true, value: { savedTo: 'x' } }) });
    expect(outcome).toEqual({ ok: true, value: { how: 'downloaded', fileName: 'codes.csv', bytes: 20 } });
    expect([dialogs, browser.downloaded]).toEqual([0, [file]]);

    const desktop = setup('electron');
    await desktop.saver.save({ build: built });
    expect(desktop.downloaded).toEqual([file]);
  });

  it('downloads when main says it cannot show a dialog, and hands back any other refusal', async () => {
    const { saver, downloaded } = setup('electron');
    const notSupported = async () => ({ ok: false as const, error: { code: 'app.not_supported' as const, message: 'browser' } });
    expect((await saver.save({ build: built, saveWithDialog: notSupported })).ok).toBe(true);
    expect(downloaded).toEqual([file]);
    const failed = async () => ({ ok: false as const, error: { code: 'report.failed' as const, message: 'pdf broke' } });
    expect(await saver.save({ build: built, saveWithDialog: failed })).toEqual({ ok: false, error: { code: 'report.failed', message: 'pdf broke' } });
    expect(await saver.save({ build: failed })).toMatchObject({ ok: false, error: { code: 'report.failed' } });
    expect(downloaded).toHaveLength(1);
  });

  it('asks for the host again when app.info failed', async () => {
    const bridge = new FakeBridge().refuse('app.info', 'ipc.internal');
    const saver = new FileSaver(bridge, () => {});
    expect(await saver.isDesktop()).toBe(false);
    bridge.answer('app.info', appInfo('electron'));
    expect(await saver.isDesktop()).toBe(true);
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
