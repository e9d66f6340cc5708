import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAccessCode, sampleDoor, sampleLockProfile } from '../../../shared/testing/samples';
import { isCodedError } from '../../../shared/result';
import { buildReportData } from './report-data';
import { renderReportPdf } from './report-pdf';
import { openPdf, pageTexts, renderPage } from './pdf-test-support';
import { provenCode, sampleBuilding, sampleCheck, samplePin } from './report-test-support';

const LONG_WORD = 'Hausmeisterwerkstattschlüsselkastenzugangstür'.repeat(3);
const LONG_CODE_NAME = `Reinigungsfirma ${'Sauberkeit'.repeat(8)} GmbH`;

/** A small building plus one awkward door: a very long name, a code name without spaces, 40 codes (tables across pages). */
function awkwardBuilding(showPins: boolean) {
  const input = sampleBuilding(4, 3, { showPins });
  const awkward = sampleDoor({ id: 'door-x', name: `Service door ${LONG_WORD}`, floor: '9', group: 'service', lastProfile: sampleLockProfile({ serialNumber: 'X-1' }) });
  const codes = Array.from({ length: 40 }, (_, i) => provenCode('door-x', `x-${i}`, String(810000 + i), i + 1, i === 0 ? LONG_CODE_NAME : `Worker ${i}`));
  codes.push(sampleAccessCode({ access_code_id: 'x-failed', door_id: 'door-x', code: '909090', slot: 50, name: '=1+1', errors: [{ error_code: 'failed_to_set_on_device', message: 'The lock refused it.', created_at: '2026-11-29T16:00:00.000Z' }] }));
  return buildReportData({ ...input, doors: [...input.doors, awkward], codes: [...input.codes, ...codes], checks: [...input.checks, sampleCheck('door-x')] });
}

describe('renderReportPdf', () => {
  let a4: PDFDocumentProxy;
  let a4Texts: string[];
  beforeAll(async () => {
    a4 = await openPdf(await renderReportPdf(awkwardBuilding(false), 'a4'));
    a4Texts = await pageTexts(a4);
  });
  afterAll(async () => a4?.destroy());

  it('writes the title, the site, every door, statuses and masked PINs, and no full PIN', () => {
    const all = a4Texts.join('\n');
    for (const words of ['Commissioning report', 'Harbour View Apartments', 'Alex Installer', 'Europe/Berlin', 'Lockbench 0.1.0', 'Site summary', 'Flat 0.01', 'Entrance stairwell 0', 'On the lock', 'Read back', 'Not proven', 'Open problems']) {
      expect(all).toContain(words);
    }
    expect(all).toContain('•••••1');
    expect(all).toContain('30 Nov 2026, 10:00 CET'); // produced, at the property
    expect(all).toContain('The lock refused it.');
    for (let d = 0; d < 4; d++) for (let c = 0; c < 3; c++) expect(all).not.toContain(samplePin(d, c));
    expect(all).not.toMatch(/8100\d\d|909090/);
  });

  it('numbers every page "Page N of M" and repeats a table header on the page a table continues on', () => {
    a4Texts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${a4.numPages}`));
    const continued = a4Texts.filter((t) => /Service door .*: codes \(continued\)/.test(t));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page).toMatch(/Code\s+PIN\s+Kind and window\s+Status\s+Slot\s+Proven\s+Last used/);
  });

  it('wraps long names inside the page: no text is drawn outside the sheet', async () => {
    for (let n = 1; n <= a4.numPages; n++) {
      const page = await a4.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , , x = 0, y = 0] = item.transform as number[];
        expect(x).toBeGreaterThanOrEqual(36);
        expect(x + item.width).toBeLessThanOrEqual(width - 36);
        expect(y).toBeGreaterThan(20);
        expect(y).toBeLessThan(height - 20);
      }
    }
    expect(a4Texts.join(' ')).toContain('Sauberkeit');
  });

  it('embeds its fonts (DejaVu Sans as TrueType font files), no standard font', async () => {
    const bytes = (await renderReportPdf(buildReportData(sampleBuilding(1, 1)), 'a4')).toString('latin1');
    expect(bytes.match(/\/FontFile2/g)?.length).toBe(2);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(bytes).not.toContain('/Helvetica');
  });

  it('draws A4 and Letter pages at their sizes, with ink on them', async () => {
    const a4Page = await renderPage(a4, 1);
    expect([a4Page.widthPt, a4Page.heightPt].map(Math.round)).toEqual([595, 842]);
    expect(a4Page.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(a4Page.inkShare).toBeGreaterThan(0.02);
    expect(a4Page.inkShare).toBeLessThan(0.5);

    const letter = await openPdf(await renderReportPdf(buildReportData(sampleBuilding(2, 2)), 'letter'));
    try {
      const page = await renderPage(letter, 1);
      expect([page.widthPt, page.heightPt]).toEqual([612, 792]);
      expect(page.inkShare).toBeGreaterThan(0.02);
    } finally {
      await letter.destroy();
    }
  });

  it('shows full PINs when asked, and says so on the first page', async () => {
    const pdf = await openPdf(await renderReportPdf(awkwardBuilding(true), 'letter'));
    try {
      const texts = await pageTexts(pdf);
      const all = texts.join('\n');
      expect(texts[0]).toContain('Shown in full');
      expect(all).toContain(samplePin(2, 1));
      expect(all).toContain('810039');
    } finally {
      await pdf.destroy();
    }
  });

  it('refuses with report.failed when the fonts are not where it is told to look', async () => {
    const error: unknown = await renderReportPdf(buildReportData(sampleBuilding(1, 1)), 'a4', { fontDir: '/nowhere' }).catch((e: unknown) => e);
    expect(isCodedError(error) && error.code).toBe('report.failed');
  });
});
