import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../../shared/domain/report';
import { FileSaver } from '../save-file';
import { FakeBridge } from '../testing/fake-bridge';
import { INSTALLER_NAME_KEY, ReportDialog, defaultPaper, type NameStore, type ReportDoors } from './report-dialog.svelte';

const pdf: BuiltFile = { fileName: 'report.pdf', mimeType: 'application/pdf', base64: 'JVBERg==', bytes: 4 };

function memoryStore(initial: Record<string, string> = {}): NameStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

/** `desktop`: main saves with its dialog; `browser`: main hands the file back to download. */
function setup(options: { host?: 'desktop' | 'browser'; store?: NameStore | null; doors?: Partial<ReportDoors>; locale?: string } = {}) {
  const bridge = new FakeBridge().answer(
    'report.save',
    options.host === 'desktop' ? { outcome: 'saved', path: '/home/i/report.pdf' } : { outcome: 'download', file: pdf },
  );
  const downloaded: BuiltFile[] = [];
  const saver = new FileSaver((file) => downloaded.push(file));
  const doors: ReportDoors = { total: () => 24, shownIds: () => null, openDoor: () => null, ...options.doors };
  const dialog = new ReportDialog(bridge, saver, 'site-1', doors, options.store === undefined ? memoryStore() : options.store, options.locale ?? 'en-GB');
  return { bridge, dialog, downloaded };
}

describe('defaultPaper', () => {
  it('is Letter in the United States and Canada, A4 elsewhere', () => {
    expect(['en-US', 'en-CA', 'fr-CA', 'en_us'].map(defaultPaper)).toEqual(['letter', 'letter', 'letter', 'letter']);
    expect(['en-GB', 'de-DE', 'en', 'fr', undefined, 'zh-Hans-CN'].map(defaultPaper)).toEqual(['a4', 'a4', 'a4', 'a4', 'a4', 'a4']);
  });
});

describe('ReportDialog', () => {
  it('starts with the remembered name, the locale’s paper, PDF, every door and PINs masked', () => {
    const { dialog } = setup({ store: memoryStore({ [INSTALLER_NAME_KEY]: 'Sam Fitter' }), locale: 'en-US' });
    expect([dialog.installerName, dialog.paper, dialog.format, dialog.scope, dialog.showPins]).toEqual(['Sam Fitter', 'letter', 'pdf', 'all', false]);
    expect([dialog.doorIds, dialog.doorCount, dialog.canSave]).toEqual([null, 24, true]);
  });

  it('names a missing or broken installer name only once worth saying, and sends nothing', async () => {
    const { bridge, dialog } = setup({ store: null });
    expect([dialog.nameProblem, dialog.shownNameProblem]).toEqual(['Installer name is empty', null]);
    expect(await dialog.save()).toBe(false);
    expect(dialog.shownNameProblem).toBe('Installer name is empty');
    dialog.installerName = 'Sam\u202eFitter';
    expect(dialog.shownNameProblem).toMatch(/text-direction override/);
    expect(bridge.calls).toEqual([]);
  });

  it('offers the filtered doors and the open door, and sends their ids', async () => {
    const { bridge, dialog } = setup({ doors: { shownIds: () => ['d-1', 'd-2'], openDoor: () => ({ id: 'd-9', name: 'Plant room' }) } });
    expect(dialog.scopeChoices().map((c) => c.label)).toEqual(['All 24 doors of the site', 'The 2 doors shown in the list', 'Only Plant room']);
    dialog.installerName = '  Sam Fitter ';
    dialog.scope = 'shown';
    expect(dialog.doorCount).toBe(2);
    dialog.scope = 'door';
    dialog.format = 'csv';
    dialog.showPins = true;
    dialog.paper = 'letter';
    await dialog.save();
    expect(bridge.sent('report.save')).toEqual([
      { siteId: 'site-1', doorIds: ['d-9'], installerName: 'Sam Fitter', paper: 'letter', format: 'csv', showPins: true },
    ]);
  });

  it('downloads in the browser, remembers the name and says where the file went', async () => {
    const store = memoryStore();
    const { bridge, dialog, downloaded } = setup({ store });
    dialog.installerName = 'Sam Fitter';
    let finish!: () => void;
    bridge.handle('report.save', () => new Promise((resolve) => (finish = () => resolve({ ok: true, value: { outcome: 'download', file: pdf } }))));
    const saving = dialog.save();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([dialog.isBuilding, dialog.canSave, dialog.progress]).toEqual([true, false, 'Making the PDF for 24 doors…']);
    finish();
    expect(await saving).toBe(true);
    expect([dialog.outcome, downloaded, store.data[INSTALLER_NAME_KEY]]).toEqual([
      { how: 'downloaded', fileName: 'report.pdf', bytes: 4 },
      [pdf],
      'Sam Fitter',
    ]);
    expect(bridge.sent('report.save')).toHaveLength(1);
  });

  it('saves with main’s dialog in the desktop app; a closed dialog is not a success', async () => {
    const { bridge, dialog, downloaded } = setup({ host: 'desktop' });
    dialog.installerName = 'Sam Fitter';
    expect(await dialog.save()).toBe(true);
    expect([dialog.outcome, downloaded.length]).toEqual([{ how: 'saved', savedTo: '/home/i/report.pdf' }, 0]);
    bridge.answer('report.save', { outcome: 'cancelled' });
    expect(await dialog.save()).toBe(false);
    expect(dialog.outcome).toEqual({ how: 'cancelled' });
  });

  it('keeps every choice and shows the error when the report cannot be made', async () => {
    const { bridge, dialog } = setup();
    bridge.refuse('report.save', 'report.failed');
    dialog.installerName = 'Sam Fitter';
    dialog.format = 'csv';
    dialog.showPins = true;
    expect(await dialog.save()).toBe(false);
    expect([dialog.error?.code, dialog.isBuilding, dialog.installerName, dialog.format, dialog.showPins]).toEqual(['report.failed', false, 'Sam Fitter', 'csv', true]);
  });

  it('keeps working when the page’s storage refuses', async () => {
    const broken: NameStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const { dialog } = setup({ store: broken });
    expect(dialog.installerName).toBe('');
    dialog.installerName = 'Sam';
    expect(await dialog.save()).toBe(true);
  });
});
