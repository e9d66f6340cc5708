import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodedError } from '../../../shared/result';

/** The report's fonts (DejaVu Sans), embedded in every PDF so it reads the same on any computer. */
export interface ReportFonts {
  regular: string;
  bold: string;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

/** This file's folder: electron/core/report/ in the source tree (tests), out/main/ (or a chunk folder below it) once built. */
const here = dirname(fileURLToPath(import.meta.url));

/**
 * Finds the folder holding the report fonts, first match wins:
 *
 *   explicit dir (tests, the browser host) ─▶ <process.resourcesPath>/fonts (packaged app: electron.builder.yml
 *   extraResources) ─▶ resources/fonts in a folder above this file (source tree under vitest; out/main/ after a build)
 *
 * Throws `report.failed` when none holds them, naming where it looked.
 */
export function findReportFonts(explicitDir?: string): ReportFonts {
  const tried = candidates(explicitDir);
  const dir = tried.find((d) => existsSync(join(d, REGULAR)) && existsSync(join(d, BOLD)));
  if (!dir) throw new CodedError('report.failed', `The report fonts (${REGULAR}) were not found; looked in: ${tried.join(', ')}.`);
  return { regular: join(dir, REGULAR), bold: join(dir, BOLD) };
}

function candidates(explicitDir: string | undefined): string[] {
  if (explicitDir) return [explicitDir];
  const found: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) found.push(join(resourcesPath, 'fonts'));
  let dir = here;
  for (let up = 0; up < 6; up++) {
    found.push(join(dir, 'resources', 'fonts'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}
