import type { ReportCode, ReportDoor } from '../../../shared/domain/report';
import { BODY, fieldLines, heading, keepSpace, MUTED_COLOR, paragraph, rule, type PdfContext } from './pdf-blocks';
import { drawTable, type TableColumn } from './pdf-table';
import { reportTime } from './report-time';
import { DECISION_WORDS, kindWords, placeWords, PROOF_WORDS, reachedWords, STATUS_WORDS, VERDICT_WORDS } from './report-words';

const CODE_COLUMNS: TableColumn[] = [
  { header: 'Code', share: 15 },
  { header: 'PIN', share: 9 },
  { header: 'Kind and window', share: 19 },
  { header: 'Status', share: 11 },
  { header: 'Slot', share: 8 },
  { header: 'Proven', share: 19 },
  { header: 'Last used', share: 19 },
];
const CHECK_COLUMNS: TableColumn[] = [
  { header: 'Item', share: 22 },
  { header: 'Verdict', share: 11 },
  { header: 'Finding', share: 67 },
];
const FOREIGN_COLUMNS: TableColumn[] = [
  { header: 'Slot', share: 12 },
  { header: 'PIN', share: 14 },
  { header: 'Decision', share: 34 },
  { header: 'Decided', share: 40 },
];

/**
 * One door's section of the PDF: name and place, the lock, the latest check as stored, its codes, codes from elsewhere
 * and what is still open.
 */
export function drawDoorSection(ctx: PdfContext, door: ReportDoor, zone: string): void {
  ctx.doc.y += 6;
  keepSpace(ctx, 200); // the door's name, its lock and the start of its check stay on one page
  rule(ctx, '#333333');
  heading(ctx, door.name, 13, 150);
  fieldLines(ctx, [
    ['Place', placeWords(door)],
    ['Reached by', reachedWords(door)],
    ['Lock', lockWords(door)],
    ['Firmware', door.lock?.firmware ?? 'Not known'],
    ['Serial number', door.lock?.serial ?? 'Not known'],
    ['Battery', door.lock?.battery_level == null ? 'Not known' : `${door.lock.battery_level}%`],
  ]);

  heading(ctx, 'Capability check', 10.5, 40);
  if (door.check === null) paragraph(ctx, 'Never checked.', BODY, 6);
  else {
    paragraph(ctx, `Checked ${reportTime(door.check.checked_at, zone)}: overall ${VERDICT_WORDS[door.check.overall]}.`, BODY, 2);
    drawTable(ctx, CHECK_COLUMNS, door.check.items.map((i) => [i.label, VERDICT_WORDS[i.verdict], i.finding]), { continued: `${door.name}: capability check` });
  }

  heading(ctx, `Codes (${door.codes.length})`, 10.5, 40);
  if (door.codes.length === 0) paragraph(ctx, 'No codes managed by Lockbench on this door.', BODY, 6);
  else drawTable(ctx, CODE_COLUMNS, door.codes.map((c) => codeRow(c, zone)), { continued: `${door.name}: codes` });

  if (door.from_elsewhere.length > 0) {
    heading(ctx, 'Codes found on the lock (not made by Lockbench)', 10.5, 40);
    drawTable(
      ctx,
      FOREIGN_COLUMNS,
      door.from_elsewhere.map((f) => [f.slot === null ? '—' : `Slot ${f.slot}`, f.pin ?? 'Hidden by the lock', DECISION_WORDS[f.decision], f.decided_at ? reportTime(f.decided_at, zone) : '—']),
      { continued: `${door.name}: codes found on the lock` },
    );
  }

  heading(ctx, 'Open problems', 10.5, 24);
  if (door.problems.length === 0) paragraph(ctx, 'None.', { ...BODY, color: MUTED_COLOR }, 6);
  for (const problem of door.problems) paragraph(ctx, `•  ${problem.message}`, BODY, 2);
}

function lockWords(door: ReportDoor): string {
  if (door.lock === null) return 'Not read yet';
  const name = [door.lock.manufacturer, door.lock.model].filter((p): p is string => !!p).join(' ');
  return name || 'Not known';
}

function codeRow(code: ReportCode, zone: string): string[] {
  const status = STATUS_WORDS[code.status] + (code.errors.length > 0 ? ' — failed' : '');
  return [
    code.name ?? '(no name)',
    code.pin || 'Hidden by the lock',
    kindWords(code, zone),
    status,
    code.slot === null ? '—' : `Slot ${code.slot}`,
    code.proven_by && code.proven_at ? `${PROOF_WORDS[code.proven_by]}, ${reportTime(code.proven_at, zone)}` : 'Not proven',
    code.last_used_at ? reportTime(code.last_used_at, zone) : 'Not used yet',
  ];
}
