import type { ReportFonts } from './font-dir';

/**
 * The report's small layout vocabulary over pdfkit: headings, paragraphs, label/value lines and rules, all inside the
 * page's text area and all measured before they are drawn, so nothing is written off the page.
 */

/** Where the report is being written: the pdfkit document, its fonts, and the text area's left edge and width. */
export interface PdfContext {
  doc: PDFKit.PDFDocument;
  fonts: ReportFonts;
  left: number;
  width: number;
}

/** Text styles used by the report. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Body text. */
export const BODY: TextStyle = { size: 9.5 };
/** Grey text for secondary facts. */
export const MUTED_COLOR = '#555555';

/** Sets the font, size and colour for the next text. */
export function useStyle(ctx: PdfContext, style: TextStyle): void {
  ctx.doc.font(style.bold ? ctx.fonts.bold : ctx.fonts.regular).fontSize(style.size).fillColor(style.color ?? '#000000');
}

/** The lowest y text may reach on the current page. */
export function pageBottom(ctx: PdfContext): number {
  return ctx.doc.page.height - ctx.doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function keepSpace(ctx: PdfContext, height: number): void {
  if (ctx.doc.y + height > pageBottom(ctx)) ctx.doc.addPage();
  ctx.doc.x = ctx.left;
}

/** A paragraph across the text area, wrapped (a long one continues on the next page), then `gap` points of space. */
export function paragraph(ctx: PdfContext, text: string, style: TextStyle = BODY, gap = 4): void {
  useStyle(ctx, style);
  keepSpace(ctx, ctx.doc.currentLineHeight(true));
  ctx.doc.text(text, ctx.left, ctx.doc.y, { width: ctx.width });
  ctx.doc.x = ctx.left;
  ctx.doc.y += gap;
}

/** A heading kept together with at least `keepWith` points of what follows it. */
export function heading(ctx: PdfContext, text: string, size: number, keepWith = 60): void {
  useStyle(ctx, { size, bold: true });
  const height = ctx.doc.heightOfString(text, { width: ctx.width });
  keepSpace(ctx, height + keepWith);
  ctx.doc.text(text, ctx.left, ctx.doc.y, { width: ctx.width });
  ctx.doc.x = ctx.left;
  ctx.doc.y += size * 0.3;
}

/** Label / value lines ("Installer   A. Smith"): labels in bold in a fixed column, values wrapped beside them. */
export function fieldLines(ctx: PdfContext, rows: ReadonlyArray<readonly [string, string]>, labelWidth = 118): void {
  const { doc } = ctx;
  const valueWidth = ctx.width - labelWidth;
  for (const [label, value] of rows) {
    useStyle(ctx, { ...BODY, bold: true });
    const labelHeight = doc.heightOfString(label, { width: labelWidth - 6 });
    useStyle(ctx, BODY);
    const valueHeight = doc.heightOfString(value || ' ', { width: valueWidth });
    const height = Math.max(labelHeight, valueHeight);
    keepSpace(ctx, Math.min(height, pageBottom(ctx) - doc.page.margins.top));
    const y = doc.y;
    const room = pageBottom(ctx) - y;
    useStyle(ctx, { ...BODY, bold: true });
    doc.text(label, ctx.left, y, { width: labelWidth - 6, height: room, ellipsis: true });
    useStyle(ctx, BODY);
    doc.text(value || ' ', ctx.left + labelWidth, y, { width: valueWidth, height: room, ellipsis: true });
    doc.x = ctx.left;
    doc.y = y + Math.min(height, room) + 1.5;
  }
  doc.y += 4;
}

/** A thin horizontal line across the text area. */
export function rule(ctx: PdfContext, color = '#999999'): void {
  const y = ctx.doc.y;
  ctx.doc.save().moveTo(ctx.left, y).lineTo(ctx.left + ctx.width, y).lineWidth(0.6).strokeColor(color).stroke().restore();
  ctx.doc.y = y + 6;
}
