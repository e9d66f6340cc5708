import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../../shared/domain/report';
import { FileSaver } from '../save-file';
import { FakeBridge } from '../testing/fake-bridge';
import { DiagnosticsSaver } from './diagnostics.svelte';

const zip: BuiltFile = { fileName: 'lockbench-diagnostics-2026-11-30-1200.zip', mimeType: 'application/zip', base64: 'UEsFBg==', bytes: 4 };

describe('DiagnosticsSaver', () => {
  it('downloads the zip main hands back (browser host) and says so', async () => {
    const bridge = new FakeBridge().answer('app.saveDiagnostics', { outcome: 'download', file: zip });
    const downloaded: BuiltFile[] = [];
    const saver = new DiagnosticsSaver(bridge, new FileSaver((file) => downloaded.push(file)));
    expect(await saver.save()).toBe(true);
    expect([downloaded, saver.outcome, saver.isSaving]).toEqual([[zip], { how: 'downloaded', fileName: zip.fileName, bytes: 4 }, false]);
  });

  it('says where the desktop app saved it; a closed dialog is not a success; a refusal is kept to show', async () => {
    const bridge = new FakeBridge().answer('app.saveDiagnostics', { outcome: 'saved', path: '/home/ana/Documents/d.zip' });
    const saver = new DiagnosticsSaver(bridge, new FileSaver(() => {}));
    expect(await saver.save()).toBe(true);
    expect(saver.outcome).toEqual({ how: 'saved', savedTo: '/home/ana/Documents/d.zip' });
    bridge.answer('app.saveDiagnostics', { outcome: 'cancelled' });
    expect(await saver.save()).toBe(false);
    bridge.refuse('app.saveDiagnostics', 'ipc.internal');
    expect(await saver.save()).toBe(false);
    expect([saver.error?.code, saver.outcome]).toEqual(['ipc.internal', null]);
  });
});
