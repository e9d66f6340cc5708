// Reading a rendered report back for the tests (not used by the app): pdf.js (legacy build, for Node) extracts each
// page's text and draws a page onto an @napi-rs/canvas, as a PDF viewer would.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js runs its "worker" in this thread when the worker module is loaded first (no worker file to find under vitest). */
async function loadWorkerInThread(): Promise<void> {
  const key = 'pdfjsWorker';
  const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // a plain string: the module ships no types
  if (!(key in globalThis)) Object.assign(globalThis, { [key]: (await import(workerModule)) as unknown });
}

/** Opens PDF bytes with pdf.js; call `destroy()` on the result when done. */
export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  await loadWorkerInThread();
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of every page, items joined by spaces. */
export async function pageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return texts;
}

/** A page drawn at `scale` (1 = 72 dpi): its size in points, its PNG, and the share of pixels that are not white. */
export async function renderPage(pdf: PDFDocumentProxy, pageNumber: number, scale = 1): Promise<{ widthPt: number; heightPt: number; png: Buffer; inkShare: number }> {
  const page = await pdf.getPage(pageNumber);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const viewport = page.getViewport({ scale });
  const { canvas, context } = (pdf.canvasFactory as { create(w: number, h: number): { canvas: NapiCanvas; context: NapiContext } }).create(
    Math.ceil(viewport.width),
    Math.ceil(viewport.height),
  );
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) ink++;
  return { widthPt: x1 - x0, heightPt: y1 - y0, png: canvas.toBuffer('image/png'), inkShare: ink / (data.length / 4) };
}

interface NapiCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}
interface NapiContext {
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
