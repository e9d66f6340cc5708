import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../../shared/domain/report';
import { FileSaver } from '../save-file';
import { FakeBridge } from '../testing/fake-bridge';
import { CodesExport } from './codes-export.svelte';

const csv: BuiltFile = { fileName: 'demo-site-codes.csv', mimeType: 'text/csv', base64: btoa('a,b\n'), bytes: 4 };

/** `desktop`: main saves with its dialog; `browser`: main hands the CSV back to download. */
function setup(siteId: string | null = 'site-1', host: 'desktop' | 'browser' = 'browser') {
  const bridge = new FakeBridge().answer(
    'codes.saveExport',
    host === 'desktop' ? { outcome: 'saved', path: '/home/ana/Documents/demo-site-codes.csv' } : { outcome: 'download', file: csv },
  );
  const downloaded: BuiltFile[] = [];
  const exporter = new CodesExport(bridge, new FileSaver((file) => downloaded.push(file)), () => siteId);
  return { bridge, exporter, downloaded };
}

describe('CodesExport', () => {
  it('saves with main’s dialog in the desktop app, and says where', async () => {
    const { bridge, exporter, downloaded } = setup('site-1', 'desktop');
    expect(await exporter.run()).toBe(true);
    expect(bridge.sent('codes.saveExport')).toEqual([{ siteId: 'site-1', includePins: false }]);
    expect([downloaded.length, exporter.outcome]).toEqual([0, { how: 'saved', savedTo: '/home/ana/Documents/demo-site-codes.csv' }]);
  });

  it('exports the site’s codes with PINs masked unless asked, and downloads the CSV in the browser', async () => {
    const { bridge, exporter, downloaded } = setup();
    expect(await exporter.run()).toBe(true);
    exporter.includePins = true;
    await exporter.run();
    expect(bridge.sent('codes.saveExport')).toEqual([
      { siteId: 'site-1', includePins: false },
      { siteId: 'site-1', includePins: true },
    ]);
    expect([downloaded.length, exporter.outcome]).toEqual([2, { how: 'downloaded', fileName: 'demo-site-codes.csv', bytes: 4 }]);
    exporter.reset();
    expect([exporter.includePins, exporter.outcome]).toEqual([false, null]);
  });

  it('keeps the error and the choice when the export is refused, and does nothing without a site', async () => {
    const { bridge, exporter } = setup();
    bridge.refuse('codes.saveExport', 'site.not_found');
    exporter.includePins = true;
    expect(await exporter.run()).toBe(false);
    expect([exporter.error?.code, exporter.includePins, exporter.isExporting]).toEqual(['site.not_found', true, false]);
    const none = setup(null);
    expect(await none.exporter.run()).toBe(false);
    expect(none.bridge.calls).toEqual([]);
  });
});
