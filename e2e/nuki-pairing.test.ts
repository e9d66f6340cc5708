/**
 * Pairing the demo's Bluetooth (Nuki) lock in a real browser through the browser host, from the keyboard only:
 *
 *   Doors ─▶ "Add a Bluetooth lock" ─▶ Bluetooth ready (the demo's virtual radio) ─▶ scan: the Side gate, paired with
 *   its owner's app, not in pairing mode ─▶ its button (held by the demo) ─▶ scan: in pairing mode ─▶ a wrong security
 *   PIN refused (door name kept, PIN cleared and focused) ─▶ the right one ─▶ paired ─▶ the new door: Nuki over
 *   Bluetooth, connected ─▶ a time-bound code starting now (the current time typed as its start), `set` once the
 *   lock's list proves it, at "code #N".
 *
 * axe-core finds no WCAG 2 A/AA violation on the scan, button, PIN (with the refusal) and done steps, nor on the door
 * with its code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NUKI_LOCKS, DEMO_NUKI_SECURITY_PIN } from '../electron/core/demo/nuki/demo-nuki-locks';
import { expectAccessible as expectPageAccessible, focusedElement } from './support/axe';
import { launchChromium } from './support/browser';
import { wallTime } from './support/demo-clock-host';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';

const WAIT = { timeout: 30_000 };
const SLOW = { timeout: 60_000 };
const NUKI = DEMO_NUKI_LOCKS[0]!;
const DOOR_NAME = NUKI.label; // "Side gate"
const SECURITY_PIN = String(DEMO_NUKI_SECURITY_PIN);
const WRONG_SECURITY_PIN = '9999';
/** Six digits 1–9, not starting with 12: what the Nuki keypad takes. */
const GUEST_PIN = '694728';

let dataDir: string;
let host: HostProcess;
let client: HostClient;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const byTestId = (id: string) => page.getByTestId(id);
const wizardAt = (step: string) => page.locator(`[data-testid="bluetooth-pair-wizard"][data-step="${step}"]`);
const sideGateRow = () => page.locator(`[data-testid="bluetooth-lock"][data-address="${NUKI.address}"]`);
const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);
/** The focused element's test id (else its id, else its text). */
const focused = () => focusedElement(page);

const expectAccessible = (where: string, include?: string) => expectPageAccessible(page, where, include);

/** Moves the keyboard focus to a control and presses Enter on it. */
async function pressWithKeyboard(testId: string): Promise<void> {
  await byTestId(testId).focus();
  await page.keyboard.press('Enter');
}

/** Waits until the wizard's scan has finished (its "Scan again" can be pressed). */
async function scanFinished(): Promise<void> {
  await page.locator('[data-testid="bluetooth-scan-again"]:not([disabled])').waitFor(WAIT);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-nuki-'));
  host = await startHost(dataDir);
  client = await connectHostClient(host.url);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(SLOW);
}, 120_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await host?.stop();
  if (dataDir) await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(`${dataDir}.keys`, { recursive: true, force: true })]);
});

describe('pairing the demo\'s Nuki lock from the keyboard', () => {
  it('opens the wizard: Bluetooth is ready, the scan hears the Side gate paired with its owner\'s app, not in pairing mode', async () => {
    await expect.poll(() => page.getByTestId('door-item').count(), WAIT).toBe(3);
    expect(await door(DOOR_NAME).count(), 'no Nuki door before pairing').toBe(0);

    await pressWithKeyboard('open-bluetooth-pair');
    await byTestId('bluetooth-pair-wizard').waitFor(WAIT);
    await wizardAt('scan').waitFor(WAIT);
    expect(await byTestId('bluetooth-unavailable').count(), 'the demo radio is ready').toBe(0);
    expect(await focused()).toBe('Find the lock');
    await scanFinished();

    await expect.poll(() => page.getByTestId('bluetooth-lock').count(), WAIT).toBe(1);
    expect(await byTestId('bluetooth-scan-status').textContent()).toMatch(/1 lock heard\./);
    const lock = sideGateRow();
    expect(await lock.getAttribute('data-mode'), 'paired with its owner\'s Nuki app').toBe('paired');
    expect(await lock.getAttribute('data-door-id'), 'not a door on this site yet').toBe('');
    expect(await lock.getAttribute('data-name')).toMatch(/^Nuki_[0-9A-F]{8}$/);
    // Heard at about its spec's signal (the virtual radio varies it a little, as a real one would).
    expect(Math.abs(Number(await lock.getAttribute('data-rssi')) - NUKI.rssi!)).toBeLessThanOrEqual(10);
    expect(await lock.textContent()).toMatch(/not in pairing mode/);
    await expectAccessible('the wizard\'s scan step', '[data-testid="bluetooth-pair-wizard"]');

    // From the step's heading: Scan again, then the lock's "Choose".
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('bluetooth-scan-again');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('bluetooth-lock-pick');
    await page.keyboard.press('Enter');
    await wizardAt('button').waitFor(WAIT);
    expect(await focused()).toMatch(/^Put Nuki_[0-9A-F]{8} in pairing mode$/);
  });

  it('asks for the lock\'s button until a scan hears it in pairing mode, then goes on to the security PIN', async () => {
    // Scanning before the button is held: still not in pairing mode, and the step says so.
    await pressWithKeyboard('bluetooth-button-scan');
    await expect.poll(() => byTestId('bluetooth-button-note').textContent(), WAIT).toMatch(/not in pairing mode yet/);
    await page.locator('[data-testid="bluetooth-button-scan"]:not([disabled])').waitFor(WAIT);
    expect(await wizardAt('button').count()).toBe(1);
    await expectAccessible('the wizard\'s button step', '[data-testid="bluetooth-pair-wizard"]');

    // The demo holds the virtual lock's button, then scans again: in pairing mode now.
    await pressWithKeyboard('bluetooth-demo-button');
    await wizardAt('pin').waitFor(WAIT);
    expect(await focused()).toBe('bluetooth-security-pin');

    // Back to the list: the last scan heard it in pairing mode; choosing it goes straight to the PIN.
    await pressWithKeyboard('bluetooth-back');
    await wizardAt('scan').waitFor(WAIT);
    expect(await sideGateRow().getAttribute('data-mode')).toBe('pairing');
    expect(await sideGateRow().textContent()).toMatch(/in pairing mode/);
    await pressWithKeyboard('bluetooth-lock-pick');
    await wizardAt('pin').waitFor(WAIT);
    expect(await focused()).toBe('bluetooth-security-pin');
  });

  it('refuses a wrong security PIN: says so, keeps the door name typed, clears the PIN and puts the focus back on it', async () => {
    await page.keyboard.type(WRONG_SECURITY_PIN);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('bluetooth-door-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(DOOR_NAME);
    await page.keyboard.press('Enter');

    const error = page.locator('[data-testid="bluetooth-pair-error"][data-code="lock.bad_security_pin"]');
    await error.waitFor(SLOW);
    expect(await wizardAt('pin').count()).toBe(1);
    expect(await error.textContent()).toMatch(/The lock refused its security PIN/);
    expect(await error.textContent()).not.toContain(WRONG_SECURITY_PIN);
    expect(await byTestId('bluetooth-door-name').inputValue(), 'the door name typed stays').toBe(DOOR_NAME);
    expect(await byTestId('bluetooth-security-pin').inputValue(), 'the refused PIN is cleared').toBe('');
    expect(await focused()).toBe('bluetooth-security-pin');
    expect(await byTestId('bluetooth-security-pin').getAttribute('aria-invalid')).toBe('true');
    expect(await door(DOOR_NAME).count(), 'no door from a refused pairing').toBe(0);
    await expectAccessible('the wizard\'s PIN step with the refusal', '[data-testid="bluetooth-pair-wizard"]');
  });

  it('pairs with the right security PIN and opens the new door: a Nuki lock over Bluetooth, connected', async () => {
    await page.keyboard.type(SECURITY_PIN);
    await page.keyboard.press('Enter');
    const done = byTestId('bluetooth-step-done');
    await done.waitFor(SLOW);
    expect(await focused()).toBe(`✓ ${DOOR_NAME} is a door on this site now`);
    const paired = byTestId('bluetooth-paired-door');
    expect(await paired.textContent()).toMatch(/^Nuki .*· Bluetooth 54:D2:72:3C:88:62\./);
    await expectAccessible('the wizard\'s done step', '[data-testid="bluetooth-pair-wizard"]');
    await door(DOOR_NAME).waitFor(WAIT);
    expect(await page.getByTestId('door-item').count()).toBe(4);

    const doorId = await paired.getAttribute('data-door-id');
    await pressWithKeyboard('bluetooth-open-door');
    await page.locator(`[data-testid="door-view"][data-door-id="${doorId}"][data-door-name="${DOOR_NAME}"]`).waitFor(WAIT);
    const lockLine = page.locator('[data-testid="door-view"] header p.muted').first();
    await expect.poll(() => lockLine.textContent(), WAIT).toMatch(/Nuki .*· Bluetooth 54:D2:72:3C:88:62/);
    await page.locator('[data-testid="door-online"][data-online="true"]').waitFor(WAIT);
    expect(await door(DOOR_NAME).getAttribute('data-online')).toBe('true');
    const view = (await client.call('doors.list', { siteId: 'demo' })).find((d) => d.id === doorId);
    expect(view).toMatchObject({ lockAddress: { protocol: 'nuki', address: NUKI.address }, isConnected: true, lock: { manufacturer: 'Nuki' } });
    await byTestId('security-pin-form').waitFor(WAIT);
  });

  it('puts a time-bound code on it from the code form, starting now: set once the lock proves it, at "code #N"', async () => {
    const zone = (await client.call('sites.list', {})).find((s) => s.id === 'demo')!.timeZone;
    // The current time as the start (this minute): a code needed right away, which the form and main both take.
    const now = new Date((await client.call('app.info', {})).now);
    const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const startWall = wallTime(start, zone);

    const timeBound = page.locator('[data-testid="code-kind"][value="time_bound"]');
    await timeBound.focus();
    await page.keyboard.press('Space');
    expect(await timeBound.isChecked()).toBe(true);
    await byTestId('code-name').focus();
    await page.keyboard.type('Guest');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('code-pin');
    await page.keyboard.type(GUEST_PIN);
    expect(await byTestId('window-zone').getAttribute('data-zone')).toBe(zone);
    await byTestId('window-start-date').focus();
    // Debian's headless chromium shows date and time fields as en-US (whatever the page's locale): month, day, year;
    // hours 1–12, minutes, AM/PM.
    const [year, month, day] = startWall.date.split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    expect(await byTestId('window-start-date').inputValue()).toBe(startWall.date);
    await byTestId('window-start-time').focus();
    const [hour, minute] = startWall.time.split(':').map(Number) as [number, number];
    await page.keyboard.type(`${String(((hour + 11) % 12) + 1).padStart(2, '0')}${String(minute).padStart(2, '0')}${hour < 12 ? 'A' : 'P'}`);
    expect(await byTestId('window-start-time').inputValue()).toBe(startWall.time);
    // The end stays as offered: in three days, 11:00 at the property.
    await page.keyboard.press('Enter');

    const summary = byTestId('schedule-summary');
    await summary.waitFor(WAIT);
    expect(await summary.getAttribute('data-native'), 'the Nuki lock keeps the window itself').toBe('true');
    expect(await byTestId('schedule-clock-warning').count()).toBe(0);
    await pressWithKeyboard('schedule-save');
    await row('Guest').waitFor(WAIT);
    expect(await page.getByTestId('schedule-error').count()).toBe(0);
    expect(await row('Guest').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('lock');

    // Already started: on the lock with its window, `set` once the lock's list shows it.
    await page.locator('[data-testid="code-row"][data-name="Guest"][data-status="set"]').waitFor(WAIT);
    expect(await row('Guest').getByTestId('code-place').textContent()).toMatch(/^code #\d+$/);
    expect(await row('Guest').getAttribute('data-error')).toBe('');
    // Read back from the lock's list of keypad codes.
    await page.locator('[data-testid="code-row"][data-name="Guest"][data-confirmed="true"]').waitFor(WAIT);
    await expectAccessible('the Side gate with its time-bound code');
  }, 120_000);

  it('never prints a code\'s PIN in the host output', () => {
    expect(host.output()).not.toContain(GUEST_PIN);
  });
});
