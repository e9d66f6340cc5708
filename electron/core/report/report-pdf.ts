import PDFDocument from 'pdfkit';
import type { CommissioningReport } from '../../../shared/domain/report';
import { formatOffset, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { findReportFonts } from './font-dir';
import { BODY, fieldLines, heading, MUTED_COLOR, paragraph, useStyle, type PdfContext } from './pdf-blocks';
import { drawTable } from './pdf-table';
import { drawDoorSection } from './report-pdf-door';
import { reportTime } from './report-time';
import { placeWords, VERDICT_WORDS } from './report-words';

/** Paper sizes the report is laid out for. */
export type ReportPaper = 'a4' | 'letter';

/** Where the fonts are, when not found by `findReportFonts` on its own. */
export interface ReportPdfOptions {
  fontDir?: string;
}

const MARGINS = { top: 58, bottom: 54, left: 50, right: 50 };

/**
 * Renders the commissioning report as a PDF (DejaVu Sans embedded, opened by file path: pdfkit caches a font by its
 * path, a Buffer would be parsed again on every switch). Pages are buffered so every one can say "Page N of M".
 */
export async function renderReportPdf(report: CommissioningReport, paper: ReportPaper, options: ReportPdfOptions = {}): Promise<Buffer> {
  const fonts = findReportFonts(options.fontDir);
  const doc = new PDFDocument({
    size: paper === 'letter' ? 'LETTER' : 'A4',
    margins: MARGINS,
    bufferPages: true,
    font: fonts.regular,
    info: {
      Title: `Commissioning report – ${report.site.name}`,
      Author: report.installer_name,
      Creator: `Lockbench ${report.app_version}`,
      CreationDate: new Date(report.produced_at),
    },
  });
  const bytes = collect(doc);
  const ctx: PdfContext = { doc, fonts, left: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right };
  const zone = report.site.time_zone;

  drawTitle(ctx, report);
  drawSummary(ctx, report);
  for (const door of report.doors) drawDoorSection(ctx, door, zone);
  drawPageFrames(ctx, report);
  doc.end();
  return bytes;
}

function drawTitle(ctx: PdfContext, report: CommissioningReport): void {
  const zone = report.site.time_zone;
  heading(ctx, 'Commissioning report', 20, 120);
  heading(ctx, report.site.name, 14, 100);
  ctx.doc.y += 4;
  fieldLines(ctx, [
    ['Time zone', `${zone} (${formatOffset(zoneOffsetMinutes(zone, new Date(report.produced_at)))} on the day of the report)`],
    ['Installer', report.installer_name],
    ['Produced', `${reportTime(report.produced_at, zone)} (${zone})`],
    ['App', `Lockbench ${report.app_version}`],
    ['PINs', report.show_pins ? 'Shown in full: keep this document safe.' : 'Masked: only the last digit of each PIN is shown.'],
  ]);
  paragraph(ctx, 'Times are given at the property, in the site\'s time zone. Each code shows how and when its lock last proved it holds it, and when it was last used at the keypad.', { ...BODY, size: 8.5, color: MUTED_COLOR }, 8);
}

function drawSummary(ctx: PdfContext, report: CommissioningReport): void {
  const s = report.summary;
  heading(ctx, 'Site summary', 13, 80);
  fieldLines(ctx, [
    ['Doors', `${s.doors} in this report, ${s.doors_without_problems} without open problems`],
    ['Codes', `${s.codes}: ${s.codes_proven} proven on the lock, ${s.codes_used} used at the keypad`],
    ['Waiting / failed', `${s.codes_waiting} waiting for the lock, ${s.codes_failed} failed`],
    ['Open problems', String(s.problems)],
  ]);
  if (report.doors.length === 0) return;
  drawTable(
    ctx,
    [
      { header: 'Door', share: 30 },
      { header: 'Place', share: 28 },
      { header: 'Codes', share: 9 },
      { header: 'Latest check', share: 17 },
      { header: 'Open problems', share: 16 },
    ],
    report.doors.map((d) => [d.name, placeWords(d), String(d.codes.length), d.check ? VERDICT_WORDS[d.check.overall] : 'Never checked', d.problems.length === 0 ? 'None' : String(d.problems.length)]),
    { continued: 'Doors' },
  );
}

/** Header (from page 2) and footer on every page, written into the margins once all pages exist. */
function drawPageFrames(ctx: PdfContext, report: CommissioningReport): void {
  const { doc } = ctx;
  const range = doc.bufferedPageRange();
  const produced = reportTime(report.produced_at, report.site.time_zone);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // text in the bottom margin must not start a new page
    useStyle(ctx, { size: 7.5, color: MUTED_COLOR });
    const line = { height: doc.currentLineHeight(true) + 1, ellipsis: true };
    const half = ctx.width / 2;
    if (i > range.start) {
      doc.text(`Commissioning report – ${report.site.name}`, ctx.left, MARGINS.top - 26, { ...line, width: half + 60 });
      doc.text(produced, ctx.left + half + 70, MARGINS.top - 26, { ...line, width: half - 70, align: 'right' });
    }
    const footerY = doc.page.height - bottomMargin + 16;
    doc.text(`Lockbench ${report.app_version} · ${report.installer_name}`, ctx.left, footerY, { ...line, width: half + 60 });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, ctx.left + half + 70, footerY, { ...line, width: half - 70, align: 'right' });
    doc.page.margins.bottom = bottomMargin;
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
