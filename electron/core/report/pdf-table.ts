import { keepSpace, MUTED_COLOR, pageBottom, useStyle, type PdfContext } from './pdf-blocks';

/** A table column: its header and its share of the text area's width (shares are relative to each other). */
export interface TableColumn {
  header: string;
  share: number;
}

/** How a table is drawn: its text size, and what it belongs to, said above its header on each further page. */
export interface TableOptions {
  size?: number;
  continued?: string;
}

const PAD = 3;
const HEADER_FILL = '#e4e4e4';
const STRIPE_FILL = '#f5f5f5';
const LINE_COLOR = '#bbbbbb';

/**
 * Draws a table across the text area. Cells wrap inside their column (a long name takes more lines, never more
 * width); a row that does not fit goes to the next page, where the header is drawn again. A row taller than a whole
 * page (it should not happen) is cut with an ellipsis rather than run off the page.
 */
export function drawTable(ctx: PdfContext, columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): void {
  const { doc } = ctx;
  const size = options.size ?? 8;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (c.share / total) * ctx.width);
  const lefts = widths.map((_, i) => ctx.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const headers = columns.map((c) => c.header);

  const measure = (cells: readonly string[], bold: boolean): number => {
    useStyle(ctx, { size, bold });
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PAD }))) + 2 * PAD;
  };
  const draw = (cells: readonly string[], y: number, height: number, bold: boolean, fill: string | null): void => {
    if (fill) doc.save().rect(ctx.left, y, ctx.width, height).fill(fill).restore();
    useStyle(ctx, { size, bold });
    cells.forEach((cell, i) => {
      doc.text(cell || ' ', (lefts[i] ?? 0) + PAD, y + PAD, { width: (widths[i] ?? 0) - 2 * PAD, height: height - 2 * PAD + 0.5, ellipsis: true });
    });
    doc.save().moveTo(ctx.left, y + height).lineTo(ctx.left + ctx.width, y + height).lineWidth(0.4).strokeColor(LINE_COLOR).stroke().restore();
  };

  const headerHeight = measure(headers, true);
  const drawHeader = (): number => {
    const y = doc.y;
    draw(headers, y, headerHeight, true, HEADER_FILL);
    return y + headerHeight;
  };
  const firstHeight = rows[0] ? measure(rows[0], false) : 0;
  keepSpace(ctx, headerHeight + Math.min(firstHeight, 60));
  let y = drawHeader();
  rows.forEach((row, index) => {
    const fullPage = pageBottom(ctx) - doc.page.margins.top - headerHeight;
    const height = Math.min(measure(row, false), fullPage);
    if (y + height > pageBottom(ctx)) {
      doc.addPage();
      if (options.continued) {
        useStyle(ctx, { size: 7.5, color: MUTED_COLOR });
        doc.text(`${options.continued} (continued)`, ctx.left, doc.y, { width: ctx.width, height: 3 * doc.currentLineHeight(true), ellipsis: true });
        doc.y += 2;
      }
      y = drawHeader();
    }
    draw(row, y, height, false, index % 2 === 1 ? STRIPE_FILL : null);
    y += height;
  });
  doc.x = ctx.left;
  doc.y = y + 8;
}
