/**
 * Bulk codes on the 24-door building demo in a real browser through the browser host, mostly from the keyboard, then
 * the commissioning report and the codes export downloaded as the browser host gives them:
 *
 *   host --building ─▶ Building demo: 24 doors; filter (Flats, a floor), search, sort
 *     ─▶ Bulk codes: the common doors ─▶ one generated master code ─▶ preview ─▶ run ─▶ summary
 *     ─▶ Set more codes: the same doors, a staff set of 2 codes (typed beside the master code, kept while switching)
 *     ─▶ Set more codes: a CSV of residents for the flats of floor 1, two bad rows refused by line ─▶ each flat only
 *        its own unit's code
 *     ─▶ the door views (and the virtual locks' memory): the codes are `set` on the doors
 *     ─▶ report PDF (masked PINs, no full PIN) and CSV (a row per code); codes export CSV (PINs masked)
 *
 * The page's `bulk.changed` events are held back while a run goes on (support/event-gate.ts): the run step stays on
 * screen for axe, then the events go through one by one and the progress bar follows them. axe-core finds no WCAG 2
 * A/AA violation on the door list, each wizard step, a door's view and the report dialog.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPin } from '../shared/codes/pin-mask';
import { BUILDING_DOORS } from '../electron/core/demo/building/building-doors';
import { BUILDING_SITE_NAME, BUILDING_ZWAVE_MEMORY_FILE } from '../electron/core/demo/building/building-site';
import { openPdf, pageTexts } from '../electron/core/report/pdf-test-support';
import { expectAccessible as expectPageAccessible, focusedElement } from './support/axe';
import { launchChromium } from './support/browser';
import { startBuildingHost } from './support/building-host';
import { gatePageEvents, type EventGate } from './support/event-gate';
import type { HostProcess } from './support/host-process';
import { lockSlots, readLockMemory } from './support/lock-memory';

const WAIT = { timeout: 30_000 };
const INSTALLER = 'Robin Installer';
const COMMON_DOORS = BUILDING_DOORS.filter((d) => d.group === 'common').map((d) => d.name);
/** The flats of floor 1, by unit: each gets its resident's code from the CSV. */
const FLOOR = '1';
const FLATS = BUILDING_DOORS.filter((d) => d.group === 'flat' && d.floor === FLOOR);
/** PINs every building lock takes: 6 digits 1–9 (Nuki keypads), not 12…, ≥ 3 different digits, no run of three. */
const STAFF = [
  { name: 'Caretaker', pin: '582947' },
  { name: 'Cleaner', pin: '691358' },
];
const RESIDENT_PINS = ['318467', '529174', '751396', '473918'];
const residents = FLATS.map((flat, i) => ({ unit: flat.unit!, door: flat.name, name: `Resident ${flat.unit}`, pin: RESIDENT_PINS[i]! }));
/** Line 1 is the header; lines 4 and 6 are refused (a PIN with letters, a unit the building does not have). */
const CSV_TEXT = [
  'unit,name,pin',
  `${residents[0]!.unit},${residents[0]!.name},${residents[0]!.pin}`,
  `${residents[1]!.unit},${residents[1]!.name},${residents[1]!.pin}`,
  `${residents[2]!.unit},Lodger,52A917`,
  `${residents[2]!.unit},${residents[2]!.name},${residents[2]!.pin}`,
  '9.99,Nobody,684735',
  `${residents[3]!.unit},${residents[3]!.name},${residents[3]!.pin}`,
].join('\r\n');

let dataDir: string;
let host: HostProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let gate: EventGate<'bulk.changed'>;
/** The master code's PIN, generated in the first run's preview. */
let masterPin = '';
const started = Date.now();

const byTestId = (id: string) => page.getByTestId(id);
const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const reportDialog = () => page.getByTestId('report-dialog');
const wizardStep = (step: string) => page.locator(`[data-testid="bulk-wizard"][data-step="${step}"]`);
const doorNames = () => page.getByTestId('door-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-door-name')));
/** The focused element's test id (else its id, else its text). */
const focused = () => focusedElement(page);

const expectAccessible = (where: string, include?: string) => expectPageAccessible(page, where, include);

/** Moves the keyboard focus to a control and presses a key on it (Enter for buttons, Space for ticks). */
async function press(testId: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await byTestId(testId).focus();
  await page.keyboard.press(key);
}

/** The door list's count: "Showing 4 of 24 doors · ! 1 needs attention" as numbers and its two parts in words. */
async function doorCount(): Promise<{ shown: number; total: number; text: string; attention: string }> {
  const count = byTestId('door-count');
  const [text = '', attention = ''] = (await count.textContent())!.trim().split(/\s+·\s+/);
  return { shown: Number(await count.getAttribute('data-shown')), total: Number(await count.getAttribute('data-total')), text, attention };
}

/** Presses the wizard's Next and waits for the step it leads to, whose heading takes the focus. */
async function next(step: 'codes' | 'preview', heading: string | RegExp): Promise<void> {
  await press('bulk-next');
  await wizardStep(step).waitFor(WAIT);
  await expect.poll(focused).toMatch(heading);
}

/**
 * Waits for the preview, checks every chosen door is listed with all its lines ready and the totals, and runs axe on
 * it. Returns the preview's PIN per code, as listed ("PIN 948947").
 */
async function checkPreview(doors: readonly string[], linesPerDoor: number): Promise<string[]> {
  const totals = byTestId('bulk-preview-totals');
  await totals.waitFor(WAIT);
  const ready = doors.length * linesPerDoor;
  expect(await totals.getAttribute('data-ready')).toBe(String(ready));
  expect(await totals.textContent()).toBe(`${ready} codes ready on ${doors.length} doors.`);
  const listed = byTestId('bulk-preview-door');
  expect(await listed.count()).toBe(doors.length);
  expect((await listed.locator('summary strong').allTextContents()).sort()).toEqual([...doors].sort());
  for (const verdicts of await listed.evaluateAll((all) => all.map((d) => [...d.querySelectorAll('[data-testid="bulk-preview-line"]')].map((l) => l.getAttribute('data-verdict'))))) {
    expect(verdicts).toEqual(Array(linesPerDoor).fill('ready'));
  }
  await expectAccessible('the bulk preview', '[data-testid="bulk-wizard"]');
  return (await byTestId('bulk-preview-code').allTextContents()).map((text) => /PIN (\d+)/.exec(text)?.[1] ?? '');
}

/**
 * Starts the previewed run from the keyboard with its events held: the run step as the start left it (progress 0, an
 * estimate of the time left) is checked with axe; once the host has finished the run, its events go through one by
 * one and the progress bar follows each. Ends on the summary: every code done, nothing failed.
 *
 * The host pushes a run's view at most every 250 ms: a run of one code per door that is over within the first 250 ms
 * (the CSV run on a quiet machine) may show no value between 0 and done, so `expectMidway` asks for one only where
 * the run lasts longer (a second of Nuki and flaky Z-Wave doors, or two codes per door one after the other).
 */
async function runWatched(codes: number, doors: number, { expectMidway }: { expectMidway: boolean }): Promise<void> {
  gate.hold();
  expect((await byTestId('bulk-next').textContent())!.trim()).toBe(`Start: set ${codes} codes`);
  await press('bulk-next');
  const run = byTestId('bulk-step-run');
  await run.waitFor(WAIT);
  await expect.poll(focused).toBe(`Setting the codes on ${doors} doors`);
  const progress = byTestId('bulk-run-progress');
  const value = () => progress.evaluate((el) => (el as HTMLProgressElement).value);
  const seen = [await value()];
  const etas = [(await byTestId('bulk-run-eta').textContent())!.trim()];
  expect(seen[0]).toBe(0);
  await expectAccessible('the bulk run', '[data-testid="bulk-wizard"]');

  // Events of earlier runs of the site (finished a moment ago) come too: the page ignores them, and so does this loop.
  const runId = await run.getAttribute('data-run-id');
  await gate.waitForHeld((view) => view.run_id === runId && view.phase === 'finished');
  for (let view = gate.releaseNext(); view; view = gate.releaseNext()) {
    if (view.run_id !== runId) continue;
    if (view.phase === 'finished') break;
    await expect.poll(value).toBe(view.progress);
    seen.push(await value());
    etas.push((await byTestId('bulk-run-eta').textContent())!.trim());
  }
  gate.open();
  console.log(`[building-bulk] run of ${codes} codes: progress ${seen.join(' → ')} → done; ETA lines: ${[...new Set(etas)].join(' | ')}`);
  if (expectMidway) expect(seen.some((v) => v > 0 && v < 1), 'the progress bar moved between the start and the end').toBe(true);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  expect(etas.some((eta) => /left/.test(eta)), 'an ETA line').toBe(true);

  const summary = page.locator('[data-testid="bulk-step-summary"][data-phase="finished"]');
  await summary.waitFor(WAIT);
  await expect.poll(focused).toBe('Finished: every code is set');
  expect(await summary.getAttribute('data-failed')).toBe('0');
  expect(await byTestId('bulk-summary-counts').textContent()).toBe(`Done ${codes} of ${codes}, on ${doors} doors.`);
  expect(await byTestId('bulk-failures').count()).toBe(0);
  await expectAccessible('the bulk summary', '[data-testid="bulk-wizard"]');
}

/** Presses a control from the keyboard and returns what the page downloaded, saved in the data folder. */
async function downloadBy(testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download', WAIT);
  await press(testId);
  const download = await downloaded;
  const path = join(dataDir, 'downloads', download.suggestedFilename());
  await download.saveAs(path);
  return { download, bytes: await readFile(path) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-building-'));
  const building = await startBuildingHost(dataDir);
  host = building.host;
  console.log(`[building-bulk] building demo ready in ${building.startMs} ms: ${building.doors} doors on ${building.floors} floors`);
  expect(building.doors).toBe(24);
  browser = await launchChromium();
  // en-GB: the report dialog offers A4 paper (Letter in the United States and Canada).
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  page = await context.newPage();
  gate = await gatePageEvents(page, 'bulk.changed');
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(WAIT);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(`${dataDir}.keys`, { recursive: true, force: true })]);
  console.log(`[building-bulk] whole file: ${Date.now() - started} ms`);
});

describe('bulk codes on the building demo, then its commissioning report', () => {
  it('opens the building demo: 24 doors, found by group, floor and search, sorted, counted', async () => {
    const site = page.locator(`[data-testid="site-item"][data-site-name="${BUILDING_SITE_NAME}"]`);
    await site.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => byTestId('site-name').textContent(), WAIT).toBe(BUILDING_SITE_NAME);
    expect(await site.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.getByTestId('door-item').count(), WAIT).toBe(24);
    expect((await doorNames()).sort()).toEqual(BUILDING_DOORS.map((d) => d.name).sort());
    expect(await doorCount()).toMatchObject({ shown: 24, total: 24, text: '24 doors', attention: expect.stringMatching(/^! \d+ need attention$/) });

    await byTestId('door-filter-group').selectOption('flat');
    await expect.poll(doorCount).toMatchObject({ shown: 16, total: 24, text: 'Showing 16 of 24 doors' });
    await byTestId('door-filter-floor').selectOption(FLOOR);
    await expect.poll(doorCount).toMatchObject({ shown: 4, text: 'Showing 4 of 24 doors' });
    expect(await doorNames()).toEqual(FLATS.map((f) => f.name));
    await byTestId('door-search').fill(residents[2]!.unit);
    await expect.poll(doorNames).toEqual([residents[2]!.door]);
    expect((await doorCount()).text).toBe('Showing 1 of 24 doors');

    // Every flat again: by floor (a heading per floor), then problems first (Flat 2.04's battery is low).
    await byTestId('door-search').fill('');
    await byTestId('door-filter-floor').selectOption({ label: 'All floors' });
    await expect.poll(() => doorCount().then((c) => c.shown)).toBe(16);
    await byTestId('door-sort').selectOption('floor');
    await expect.poll(() => byTestId('door-section').allTextContents()).toEqual(['1', '2', '3', '4'].map((f) => `Floor ${f} (4)`));
    await byTestId('door-sort').selectOption('problems');
    await expect.poll(async () => (await doorNames())[0]).toBe('Flat 2.04');
    expect(await door('Flat 2.04').getAttribute('data-problems')).toContain('battery_low');
    expect((await doorCount()).attention, 'Flat 2.04 alone among the flats').toBe('! 1 needs attention');
    expect(await door('Flat 2.04').getByTestId('door-last-check').textContent()).toMatch(/Never checked/);
    await expectAccessible('the building\'s door list, filtered and sorted');

    await press('door-filter-clear');
    await byTestId('door-sort').selectOption('name');
    await expect.poll(doorCount).toMatchObject({ shown: 24, total: 24, text: '24 doors' });
  });

  it('puts a generated master code on every common door from the keyboard: doors, codes, preview, run, summary', async () => {
    await press('open-bulk-wizard');
    await wizardStep('doors').waitFor(WAIT);
    await expect.poll(focused).toBe('Which doors?');
    await byTestId('bulk-filter-group').selectOption('common');
    await expect.poll(() => page.getByTestId('bulk-door').count()).toBe(COMMON_DOORS.length);
    await press('bulk-choose-shown', 'Space');
    expect(await focused(), 'the focus stays on the button').toBe('bulk-choose-shown');
    await expect.poll(() => byTestId('bulk-doors-chosen').getAttribute('data-count')).toBe(String(COMMON_DOORS.length));
    expect(await byTestId('bulk-doors-chosen').textContent()).toMatch(/^5 doors chosen/);
    await expectAccessible('the bulk wizard\'s doors step', '[data-testid="bulk-wizard"]');

    await next('codes', `Which codes on ${COMMON_DOORS.length} doors?`);
    // One code on every chosen door: the master code, its PIN generated by Lockbench.
    await byTestId('bulk-code-name').focus();
    await page.keyboard.type('Master');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('bulk-code-pin');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('bulk-code-generate');
    await page.keyboard.press('Space');
    expect(await byTestId('bulk-code-generate').isChecked()).toBe(true);
    expect(await byTestId('bulk-code-pin').isDisabled()).toBe(true);

    // A staff set of 2 codes typed as well (the radio group moved with the arrow keys); each way keeps what it holds.
    await page.locator('[data-testid="bulk-codes-mode"][value="one"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="bulk-step-codes"][data-mode="staff"]').waitFor(WAIT);
    await byTestId('bulk-code-name').focus();
    await page.keyboard.type(STAFF[0]!.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF[0]!.pin);
    await press('bulk-add-code');
    await expect.poll(() => page.getByTestId('bulk-code').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'the new row\'s name takes the focus').toBe('bulk-code-name');
    await page.keyboard.type(STAFF[1]!.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF[1]!.pin);
    expect(await page.getByTestId('bulk-code-problems').allTextContents()).toEqual(['', '']);
    await expectAccessible('the bulk wizard\'s codes step (staff set)', '[data-testid="bulk-wizard"]');
    await page.locator('[data-testid="bulk-codes-mode"][value="staff"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.locator('[data-testid="bulk-step-codes"][data-mode="one"]').waitFor(WAIT);
    expect(await byTestId('bulk-code-name').inputValue()).toBe('Master');
    expect(await byTestId('bulk-code-generate').isChecked()).toBe(true);
    await expectAccessible('the bulk wizard\'s codes step (one code)', '[data-testid="bulk-wizard"]');

    await next('preview', 'What will happen on each door');
    masterPin = (await checkPreview(COMMON_DOORS, 1))[0]!;
    expect(masterPin).toMatch(/^\d{4,8}$/);
    expect(STAFF.map((s) => s.pin)).not.toContain(masterPin);
    expect(await byTestId('bulk-preview-code').textContent()).toMatch(/^Master · PIN \d+ \(generated: note it down/);

    await runWatched(COMMON_DOORS.length, COMMON_DOORS.length, { expectMidway: true });
  });

  it('puts the staff set on the same doors in a second run (Set more codes keeps the doors and the codes typed)', async () => {
    await press('bulk-start-over');
    await wizardStep('doors').waitFor(WAIT);
    await expect.poll(focused).toBe('Which doors?');
    expect(await byTestId('bulk-doors-chosen').getAttribute('data-count')).toBe(String(COMMON_DOORS.length));
    await next('codes', `Which codes on ${COMMON_DOORS.length} doors?`);
    await page.locator('[data-testid="bulk-codes-mode"][value="one"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="bulk-step-codes"][data-mode="staff"]').waitFor(WAIT);
    expect(await page.getByTestId('bulk-code-name').evaluateAll((all) => all.map((i) => (i as HTMLInputElement).value))).toEqual(STAFF.map((s) => s.name));

    await next('preview', 'What will happen on each door');
    expect(await checkPreview(COMMON_DOORS, STAFF.length)).toEqual(STAFF.map((s) => s.pin));
    await runWatched(COMMON_DOORS.length * STAFF.length, COMMON_DOORS.length, { expectMidway: true });
  });

  it('imports residents\' codes from a CSV: bad rows refused by line, each flat of floor 1 gets only its own code', async () => {
    await press('bulk-start-over');
    await wizardStep('doors').waitFor(WAIT);
    await next('codes', `Which codes on ${COMMON_DOORS.length} doors?`);
    await page.locator('[data-testid="bulk-codes-mode"][value="staff"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="bulk-step-codes"][data-mode="csv"]').waitFor(WAIT);
    await byTestId('bulk-csv-file').setInputFiles({ name: 'residents-floor-1.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_TEXT, 'utf8') });

    const summary = byTestId('bulk-csv-summary');
    await summary.waitFor(WAIT);
    expect(await summary.getAttribute('data-codes')).toBe(String(residents.length));
    expect(await summary.getAttribute('data-problems')).toBe('2');
    expect(await summary.textContent()).toBe('residents-floor-1.csv: 4 codes to use, 2 rows refused.');
    const problems = byTestId('bulk-csv-problem');
    expect(await problems.evaluateAll((all) => all.map((p) => p.getAttribute('data-line')))).toEqual(['4', '6']);
    expect(await problems.nth(0).textContent()).toMatch(/^Line 4: the PIN has letters/);
    expect(await problems.nth(1).textContent()).toBe('Line 6: no door of unit “9.99” at this site');
    const rows = await byTestId('bulk-csv-rows').locator('tbody tr').evaluateAll((all) => all.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(residents.map((r, i) => [String([2, 3, 5, 7][i]), r.unit, r.name, maskPin(r.pin), 'ongoing']));
    // The common doors are still chosen: the wizard says no chosen door is in these units.
    expect(await byTestId('bulk-units-without-door').textContent()).toMatch(/No chosen door is in unit 1\.01, 1\.02, 1\.03, 1\.04/);
    await expectAccessible('the bulk wizard\'s CSV import with refused rows', '[data-testid="bulk-wizard"]');

    // Back to the doors: untick the common doors, choose the flats of floor 1.
    await press('bulk-back');
    await wizardStep('doors').waitFor(WAIT);
    await expect.poll(focused).toBe('Which doors?');
    await byTestId('bulk-filter-group').selectOption('common');
    await press('bulk-clear-shown');
    await expect.poll(() => byTestId('bulk-doors-chosen').getAttribute('data-count')).toBe('0');
    await byTestId('bulk-filter-group').selectOption('flat');
    await byTestId('bulk-filter-floor').selectOption(FLOOR);
    await expect.poll(() => page.getByTestId('bulk-door').count()).toBe(FLATS.length);
    await press('bulk-choose-shown');
    await expect.poll(() => byTestId('bulk-doors-chosen').getAttribute('data-count')).toBe(String(FLATS.length));

    await next('codes', `Which codes on ${FLATS.length} doors?`);
    expect(await page.locator('[data-testid="bulk-step-codes"]').getAttribute('data-mode')).toBe('csv');
    expect(await byTestId('bulk-units-without-door').count()).toBe(0);
    await next('preview', 'What will happen on each door');
    expect(await checkPreview(FLATS.map((f) => f.name), 1)).toEqual(residents.map((r) => r.pin));
    for (const resident of residents) {
      const listed = page.locator('[data-testid="bulk-preview-door"]').filter({ has: page.locator('summary strong', { hasText: resident.door }) });
      expect(await listed.getByTestId('bulk-preview-line').locator('strong').allTextContents(), resident.door).toEqual([resident.name]);
    }
    await runWatched(residents.length, FLATS.length, { expectMidway: false });
  });

  it('shows the codes set on the doors: a flat has its resident\'s code, the common doors the master and staff codes', async () => {
    const flat = residents[1]!;
    await door(flat.door).focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="door-view"][data-door-name="${flat.door}"]`).waitFor(WAIT);
    const residentRow = page.locator(`[data-testid="code-row"][data-name="${flat.name}"]`);
    await page.locator(`[data-testid="code-row"][data-name="${flat.name}"][data-status="set"]`).waitFor(WAIT);
    expect(await residentRow.locator('td.pin').textContent()).toBe(flat.pin);
    expect(await page.getByTestId('code-row').count(), 'only its own unit\'s code').toBe(1);
    await expect.poll(() => door(flat.door).getByTestId('door-codes').getAttribute('data-count'), WAIT).toBe('1');
    await expectAccessible(`${flat.door} with its resident's code`);

    await door('Main entrance').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="door-view"][data-door-name="Main entrance"]').waitFor(WAIT);
    for (const code of [{ name: 'Master', pin: masterPin }, ...STAFF]) {
      const row = page.locator(`[data-testid="code-row"][data-name="${code.name}"][data-status="set"]`);
      await row.waitFor(WAIT);
      expect(await row.locator('td.pin').textContent()).toBe(code.pin);
    }

    // What a keypad would open with: the Z-Wave locks' memory (Main entrance: node 2; the Z-Wave flats of floor 1).
    const memory = await readLockMemory(dataDir, BUILDING_ZWAVE_MEMORY_FILE);
    const nodeOf = (name: string) => Number(BUILDING_DOORS.find((d) => d.name === name)!.lockAddress.address);
    expect([...lockSlots(memory, nodeOf('Main entrance')).values()]).toEqual(expect.arrayContaining([masterPin, ...STAFF.map((s) => s.pin)]));
    for (const resident of residents.filter((r) => BUILDING_DOORS.find((d) => d.name === r.door)!.lockAddress.protocol === 'zwave')) {
      const held = [...lockSlots(memory, nodeOf(resident.door)).values()];
      expect(held, resident.door).toEqual([resident.pin]);
    }
  });

  it('downloads the commissioning report as a PDF from the keyboard: names, doors and masked PINs, no full PIN', async () => {
    await press('open-report');
    await reportDialog().waitFor(WAIT);
    expect(await focused()).toBe('report-heading');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('report-installer-name');
    await page.keyboard.type(INSTALLER);
    for (const id of ['report-scope-all', 'report-format-pdf', 'report-paper-a4', 'report-show-pins', 'report-save']) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    expect(await byTestId('report-show-pins').isChecked()).toBe(false);
    await expectAccessible('the report dialog', '[data-testid="report-dialog"]');

    const { download, bytes: pdf } = await downloadBy('report-save');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.length).toBeLessThan(5_000_000);
    await page.locator('[data-testid="report-outcome"][data-how="downloaded"]').waitFor(WAIT);

    const doc = await openPdf(pdf);
    const text = (await pageTexts(doc)).join('\n');
    const [, , width, height] = (await doc.getPage(1)).view;
    await doc.destroy();
    expect([Math.round(width!), Math.round(height!)], 'A4 in points').toEqual([595, 842]);
    for (const words of ['Commissioning report', INSTALLER, BUILDING_SITE_NAME, ...BUILDING_DOORS.map((d) => d.name)]) expect(text).toContain(words);
    for (const pin of [masterPin, ...STAFF.map((s) => s.pin), ...residents.map((r) => r.pin)]) {
      expect(text).toContain(maskPin(pin));
      expect(text).not.toContain(pin);
    }
  });

  it('downloads the report as CSV (a row per code) and the codes export (PINs masked), then closes with Escape', async () => {
    const expected = [
      ...COMMON_DOORS.flatMap((d) => [{ door: d, name: 'Master', pin: masterPin }, ...STAFF.map((s) => ({ door: d, ...s }))]),
      ...residents.map((r) => ({ door: r.door, name: r.name, pin: r.pin })),
    ];
    const key = (row: { door: string; name: string; pin: string }) => `${row.door} · ${row.name} · ${row.pin}`;
    const expectedMasked = expected.map((row) => key({ ...row, pin: maskPin(row.pin) })).sort();

    await byTestId('report-format-pdf').focus();
    await page.keyboard.press('ArrowDown');
    expect(await byTestId('report-format-csv').isChecked()).toBe(true);
    const report = await downloadBy('report-save');
    expect(report.download.suggestedFilename()).toMatch(/\.csv$/);
    const reportRows = parse(report.bytes, { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    const codeRows = reportRows.filter((r) => r.row_type === 'code');
    expect(codeRows.map((r) => key({ door: r.door!, name: r.code_name!, pin: r.pin! })).sort()).toEqual(expectedMasked);
    expect(new Set(reportRows.filter((r) => r.row_type === 'door').map((r) => r.door))).toEqual(new Set(BUILDING_DOORS.map((d) => d.name)));
    await page.keyboard.press('Escape');
    await reportDialog().waitFor({ state: 'detached', ...WAIT });
    await expect.poll(focused).toBe('open-report');

    const exported = await downloadBy('export-codes');
    expect(exported.download.suggestedFilename()).toMatch(/\.csv$/);
    await page.locator('[data-testid="export-outcome"][data-how="downloaded"]').waitFor(WAIT);
    const exportRows = parse(exported.bytes, { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(exportRows.map((r) => key({ door: r.door!, name: r.code_name!, pin: r.pin! })).sort(), 'a row per code').toEqual(expectedMasked);
    const text = exported.bytes.toString('utf8');
    for (const pin of expected.map((e) => e.pin)) expect(text).not.toContain(pin);
  });

  it('saves diagnostics from the keyboard: a zip of the redacted log, build facts and what is inside, with no PIN', async () => {
    await expectAccessible('the help section', 'section[aria-label="Help"]');
    const saved = await downloadBy('save-diagnostics');
    expect(saved.download.suggestedFilename()).toMatch(/^lockbench-diagnostics-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    await page.locator('[data-testid="diagnostics-outcome"][data-how="downloaded"]').waitFor(WAIT);
    const entries = unzipSync(new Uint8Array(saved.bytes));
    const names = Object.keys(entries);
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'about.json', 'crash-dumps.json']));
    const logs = names.filter((n) => n.startsWith('logs/'));
    expect(logs.length).toBeGreaterThan(0);
    const text = names.map((n) => strFromU8(entries[n]!)).join('\n');
    expect(JSON.parse(strFromU8(entries['about.json']!))).toMatchObject({ build: { version: expect.any(String), isSigned: false } });
    for (const pin of [masterPin, ...STAFF.map((s) => s.pin), ...residents.map((r) => r.pin)]) expect(text).not.toContain(pin);
  });

  it('never prints a PIN in the host output', () => {
    for (const pin of [masterPin, ...STAFF.map((s) => s.pin), ...residents.map((r) => r.pin)]) expect(host.output()).not.toContain(pin);
  });
});
