import { describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../shared/domain/report';
import type { BulkService } from '../bulk/bulk-service';
import type { ReportService } from '../report/report-service';
import type { DoorPlaces } from '../sites/door-places';
import { createBuildingHandlers } from './building-handlers';

const file: BuiltFile = { fileName: 'report.pdf', mimeType: 'application/pdf', base64: 'JVBERg==', bytes: 4 };
const reports: ReportService = { build: async () => file, exportCodes: async () => ({ ...file, fileName: 'codes.csv' }) };
const request = { siteId: 'demo', doorIds: null, installerName: 'Ana', paper: 'a4' as const, format: 'pdf' as const, showPins: false };

describe('the building handlers’ saving', () => {
  it('saves what main built the platform’s way and hands back what became of it', async () => {
    const saved: string[] = [];
    const handlers = createBuildingHandlers({
      doors: {} as DoorPlaces, bulk: {} as BulkService, reports,
      saveFile: async (f) => (saved.push(f.fileName), f.fileName === 'codes.csv' ? { outcome: 'download', file: f } : { outcome: 'saved', path: `/home/ana/Documents/${f.fileName}` }),
    });
    expect(await handlers['report.save'](request)).toEqual({ outcome: 'saved', path: '/home/ana/Documents/report.pdf' });
    expect(await handlers['codes.saveExport']({ siteId: 'demo', includePins: true })).toEqual({ outcome: 'download', file: { ...file, fileName: 'codes.csv' } });
    expect(saved).toEqual(['report.pdf', 'codes.csv']);
  });
});
