/**
 * The first hour of a new installer, in a real browser on a laptop set to Berlin time, through the browser host with
 * the demo clock (`--demo-clock`): the site's time zone asked and found by city and country (header and connect
 * wizard), codes from elsewhere named after a check, a weak PIN saved at once still warned about, the lock's clock
 * checked inside the time-bound preview with Set clock right there, the demo clock moving the timeline's "now",
 * cancelling a queued code explained, the demo fault switch kept by main, and a guest PIN past its end named in the
 * header. axe-core finds no WCAG 2 A/AA violation on any of these screens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible as expectPageAccessible } from './support/axe';
import { launchChromium } from './support/browser';
import { addDays, startDemoClockHost, wallTime } from './support/demo-clock-host';
import type { HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';

const LAPTOP_ZONE = 'Europe/Berlin';
const SITE_ZONE = 'America/New_York';
const HOUR = 3_600_000;
const WAIT = { timeout: 30_000 };
const SLOW = { timeout: 60_000 };
const WEAK_PIN = '1987';
const GUEST_PIN = '730946';
const CANCELLED_PIN = '613975';
const VISITOR_PIN = '592716';

let dataDir: string;
let host: HostProcess;
let client: HostClient;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let siteId: string;

const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);
const appNow = async () => new Date((await client.call('app.info', {})).now);

/** No WCAG 2 A/AA violation on the page as it is now (`where` names the screen in the failure). */
const expectAccessible = (where: string, include?: string) => expectPageAccessible(page, where, include);

async function openDoor(name: string): Promise<void> {
  await door(name).click();
  await page.locator(`[data-testid="door-view"][data-door-name="${name}"]`).waitFor(WAIT);
}

async function setDemoFault(name: string, fault: 'none' | 'no_answer'): Promise<void> {
  await openDoor(name);
  const toggle = page.getByTestId('demo-fault-toggle');
  if ((await toggle.getAttribute('data-fault')) !== fault) await toggle.click();
  await page.locator(`[data-testid="demo-fault-toggle"][data-fault="${fault}"]`).waitFor(WAIT);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-first-hour-'));
  host = await startDemoClockHost(dataDir);
  client = await connectHostClient(host.url);
  browser = await launchChromium();
  context = await browser.newContext({ timezoneId: LAPTOP_ZONE, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(SLOW);
  siteId = (await client.call('sites.list', {}))[0]!.id;
}, 120_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await host?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the first hour on the demo site', () => {
  it('asks for the site\'s time zone in the header, offering this laptop\'s zone', async () => {
    const question = page.getByTestId('site-timezone-question');
    await question.waitFor(WAIT);
    expect(await question.textContent()).toMatch(/Which time zone is Demo site in\?/);
    expect(await page.getByTestId('site-timezone-use-laptop').textContent()).toContain(`Use this laptop’s zone (${LAPTOP_ZONE})`);
    expect(await page.getByTestId('site-timezone-label').getAttribute('data-confirmed')).toBe('false');
    await expectAccessible('the site header asking the time zone');
  });

  it('finds zones by city and by country, typing an IANA id still works, and saves the one chosen', async () => {
    await page.getByTestId('site-timezone-find').click();
    const search = page.getByTestId('zone-search');
    await search.fill('New York');
    await page.locator('[data-testid="zone-status"][data-chosen="America/New_York"]').waitFor(WAIT);
    expect(await page.getByTestId('zone-status').textContent()).toMatch(/Chosen: America\/New_York \(UTC[−-][45]\)/);

    await search.fill('Germany');
    await expect.poll(() => page.getByTestId('zone-option').first().getAttribute('data-zone'), WAIT).toBe('Europe/Berlin');
    expect(await page.getByTestId('zone-status').getAttribute('data-chosen')).toBe('');
    await search.fill('india');
    await expect.poll(() => page.getByTestId('zone-option').first().getAttribute('data-zone'), WAIT).toBe('Asia/Kolkata');
    expect(await page.getByTestId('zone-option').first().textContent()).toContain('Kolkata, India');
    await search.fill('United States');
    await expect.poll(() => page.getByTestId('zone-option').count(), WAIT).toBeGreaterThan(5);
    await search.fill('asia/tokyo');
    await page.locator('[data-testid="zone-status"][data-chosen="Asia/Tokyo"]').waitFor(WAIT);
    await expectAccessible('the time-zone search in the header');

    await search.fill('new york');
    await page.locator('[data-testid="zone-status"][data-chosen="America/New_York"]').waitFor(WAIT);
    await page.getByTestId('site-timezone-save').click();
    await page.locator(`[data-testid="site-timezone-label"][data-zone="${SITE_ZONE}"][data-confirmed="true"]`).waitFor(WAIT);
    expect(await page.getByTestId('site-timezone-question').count()).toBe(0);
    expect((await client.call('sites.list', {}))[0]).toMatchObject({ timeZone: SITE_ZONE, timeZoneConfirmed: true });
  });

  it('asks the time zone when connecting a new stick, from the keyboard: this laptop\'s zone, or one found by country', async () => {
    await page.getByTestId('open-connect').click();
    await page.getByTestId('connect-address').fill('tcp://127.0.0.1:9');
    await page.getByTestId('connect-start').click();
    await page.getByTestId('connect-step-zone').waitFor(WAIT);
    expect(await page.getByTestId('connect-zone-laptop').getAttribute('data-zone')).toBe(LAPTOP_ZONE);
    expect(await page.getByTestId('connect-zone-laptop').textContent()).toMatch(/Use this laptop’s zone \(Europe\/Berlin \(UTC\+[12]\)\)/);

    await page.getByTestId('zone-search').focus();
    await page.keyboard.type('Germany');
    await expect.poll(() => page.getByTestId('zone-option').first().getAttribute('data-zone'), WAIT).toBe('Europe/Berlin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-zone'))).toBe('Europe/Berlin');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="zone-status"][data-chosen="Europe/Berlin"]').waitFor(WAIT);
    expect(await page.getByTestId('connect-zone-use').textContent()).toContain('Use Europe/Berlin and connect');
    await expectAccessible('the connect wizard\'s time-zone step');
    await page.getByTestId('connect-cancel').click();
    await page.getByTestId('door-view').waitFor(WAIT);
  });

  it('after a capability check, names the codes from elsewhere, or says none were found', async () => {
    const counts: Record<string, number | null> = {};
    for (const name of ['Front door', 'Back door', 'Garage side door']) {
      await openDoor(name);
      await page.getByTestId('check-capabilities').click();
      const elsewhere = page.getByTestId('codes-from-elsewhere');
      await elsewhere.waitFor(SLOW);
      const countNow = async () => {
        const raw = await elsewhere.getAttribute('data-count');
        return raw === '' ? null : Number(raw);
      };
      let count = await countNow();
      // Garage side door's virtual lock drops 30 % of its radio frames: a check may not read every slot, and then says
      // so (unknown, never "none"). The installer checks again, as here (at most twice more).
      for (let again = 0; count === null && again < 2; again++) {
        await page.getByTestId('capability-rerun').click();
        await elsewhere.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {}); // the report goes while the check runs
        await elsewhere.waitFor(SLOW);
        count = await countNow();
      }
      counts[name] = count;
      const text = await elsewhere.textContent();
      if (count === 0) {
        expect(text?.trim()).toBe('No codes from elsewhere found');
        expect(await page.getByTestId('unmanaged-codes').count()).toBe(0);
      } else if (count !== null) {
        expect(text?.trim()).toBe(`${count} code${count === 1 ? '' : 's'} from elsewhere: see below`);
        await expect.poll(() => page.getByTestId('unmanaged-code').count(), WAIT).toBe(count);
      }
      if (name === 'Front door') await expectAccessible('a capability report');
    }
    // Waits for main: `codes_from_elsewhere` is filled by the check (null = "unknown" until it is).
    expect(Object.values(counts).every((count) => count !== null), `codes from elsewhere per door: ${JSON.stringify(counts)}`).toBe(true);
  }, 180_000);

  it('warns about a weak PIN saved at once, after the form has cleared, and shows when the lock confirmed it', async () => {
    await openDoor('Front door');
    await page.getByTestId('code-name').fill('Weak');
    await page.getByTestId('code-pin').fill(WEAK_PIN);
    await page.getByTestId('code-pin').press('Enter');
    const warning = page.getByTestId('code-saved-warning');
    await warning.waitFor(WAIT);
    expect(await warning.textContent()).toMatch(/^Weak PIN: /);
    expect(await page.getByTestId('code-pin').inputValue()).toBe('');
    await page.locator('[data-testid="code-row"][data-name="Weak"][data-status="set"]').waitFor(SLOW);
    // Waits for main: `verified_at` / `verified_by` on a code the lock read back.
    await page.locator('[data-testid="code-row"][data-name="Weak"][data-confirmed="true"]').waitFor(WAIT);
    expect(await row('Weak').getByTestId('code-status').textContent()).toMatch(/Set – read back by the lock \d\d:\d\d|Set – confirmed by the lock/);
    expect(await row('Weak').getByTestId('code-proof').count()).toBe(0);
    await expectAccessible('the door view after a save');
  });

  it('checks the lock\'s clock inside the time-bound preview, with Set clock right there, before Save', async () => {
    await openDoor('Front door');
    const startDate = wallTime(new Date((await appNow()).getTime() + 2 * 24 * HOUR), SITE_ZONE).date;
    await page.locator('[data-testid="code-kind"][value="time_bound"]').check();
    await page.getByTestId('code-name').fill('Guest');
    await page.getByTestId('code-pin').fill(GUEST_PIN);
    await page.getByTestId('window-start-date').fill(startDate);
    await page.getByTestId('window-start-time').fill('15:00');
    await page.getByTestId('window-end-date').fill(addDays(startDate, 1));
    await page.getByTestId('window-end-time').fill('11:00');
    await page.getByTestId('schedule-next').click();
    await page.getByTestId('schedule-summary').waitFor(WAIT);

    // The demo's Front door lock keeps UTC on its clock; the site is on New York time.
    const clockWarning = page.getByTestId('schedule-clock-warning');
    await clockWarning.waitFor(WAIT);
    expect(await clockWarning.textContent()).toMatch(/The lock's clock is on UTC, the property is on UTC[−-][45] now/);
    expect(await page.getByTestId('schedule-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('schedule-summary').textContent()).not.toMatch(/Loaded into Front door's lock now/);
    await expectAccessible('the time-bound preview with the clock warning');

    await page.getByTestId('schedule-set-clock').click();
    await clockWarning.waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByTestId('schedule-save').isEnabled()).toBe(true);
    expect(await page.getByTestId('schedule-summary').textContent()).toMatch(/Loaded into Front door's lock now/);
    await page.getByTestId('schedule-save').click();
    await row('Guest').waitFor(WAIT);
    expect(await row('Guest').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('lock');
    expect(await page.getByTestId('schedule-error').count()).toBe(0);
  });

  it('moves the app\'s time with the demo clock, and the timeline\'s now follows', async () => {
    await openDoor('Front door');
    const timeline = page.getByTestId('timeline');
    await page.getByTestId('timeline-legend').waitFor(WAIT);
    expect(await page.getByTestId('timeline-legend').textContent()).toMatch(/Not confirmed on the lock/);
    const before = Date.parse((await timeline.getAttribute('data-now'))!);
    const shownBefore = await page.getByTestId('demo-clock-now').textContent();
    expect(Math.abs(before - (await appNow()).getTime())).toBeLessThan(60_000);

    await page.locator('[data-testid="demo-clock-advance"][data-minutes="1440"]').click();
    await expect.poll(async () => Date.parse((await timeline.getAttribute('data-now'))!) - before, WAIT).toBeGreaterThanOrEqual(24 * HOUR);
    const after = Date.parse((await timeline.getAttribute('data-now'))!);
    expect(after - before).toBeLessThan(24 * HOUR + 2 * 60_000);
    expect(await page.getByTestId('demo-clock-now').textContent()).not.toBe(shownBefore);
    expect(Math.abs(after - (await appNow()).getTime())).toBeLessThan(60_000);
    await expectAccessible('the door view with its timeline and the demo clock');
  });

  it('explains cancelling a queued code: what it leaves behind, and why a removal may follow', async () => {
    await setDemoFault('Back door', 'no_answer');
    await page.getByTestId('code-name').fill('Cancelled');
    await page.getByTestId('code-pin').fill(CANCELLED_PIN);
    await page.getByTestId('code-save').click();
    const item = page.locator('[data-testid="queue-item"][data-code-name="Cancelled"][data-kind="set_code"]');
    await item.waitFor(WAIT);
    expect(await item.getByTestId('queue-item-what').textContent()).toBe('Put the new code on the lock');
    await expectAccessible('the queue with a waiting change');

    await item.getByTestId('queue-cancel').click();
    expect(await item.getByTestId('queue-cancel-warning').textContent()).toMatch(/The code will not be put on the lock\.|may already be on the lock: Lockbench then clears its slot/);
    await item.getByTestId('queue-cancel-confirm').click();
    await item.waitFor({ state: 'detached', ...WAIT });
    // Whatever follows for this code says why: a removal after a cancel only as "Clear its slot: …".
    for (let i = 0; i < 10; i++) {
      const removals = page.locator('[data-testid="queue-item"][data-code-name="Cancelled"][data-kind="remove_code"]');
      for (const removal of await removals.all()) {
        expect(await removal.getAttribute('data-reason')).toBe('cancelled_set');
        expect(await removal.getByTestId('queue-item-what').textContent()).toBe('Clear its slot: the cancelled code may have reached the lock');
      }
      await page.waitForTimeout(500);
    }
    await setDemoFault('Back door', 'none');
  }, 120_000);

  it('keeps the demo fault switch in main: a reload shows it', async () => {
    await setDemoFault('Garage side door', 'no_answer');
    await page.reload();
    await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(SLOW);
    await openDoor('Garage side door');
    // Waits for main: `door.demoFault`.
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="no_answer"]').waitFor(WAIT);
    // Anything that needs the lock finds it silent; then one word for it, in the door header and the door list.
    await page.getByTestId('check-capabilities').click();
    await expect.poll(() => page.getByTestId('door-online').textContent(), SLOW).toMatch(/Lock not answering/);
    await expectAccessible('a door whose lock is not answering');
    expect(await door('Garage side door').textContent()).toMatch(/Not answering/);
    await setDemoFault('Garage side door', 'none');
  }, 120_000);

  it('names a guest PIN past its end still on a lock in the header, until Lockbench has removed it', async () => {
    await openDoor('Back door');
    const now = await appNow();
    const start = new Date(Math.ceil((now.getTime() + 2 * HOUR) / HOUR) * HOUR);
    const end = new Date(start.getTime() + HOUR);
    const startWall = wallTime(start, SITE_ZONE);
    const endWall = wallTime(end, SITE_ZONE);
    await page.locator('[data-testid="code-kind"][value="time_bound"]').check();
    await page.getByTestId('code-name').fill('Visitor');
    await page.getByTestId('code-pin').fill(VISITOR_PIN);
    await page.getByTestId('window-start-date').fill(startWall.date);
    await page.getByTestId('window-start-time').fill(startWall.time);
    await page.getByTestId('window-end-date').fill(endWall.date);
    await page.getByTestId('window-end-time').fill(endWall.time);
    await page.getByTestId('schedule-next').click();
    const summary = page.getByTestId('schedule-summary');
    await summary.waitFor(WAIT);
    expect(await summary.textContent()).toMatch(/Lockbench puts it on at .* and takes it off at .* – this laptop must reach the lock then/);
    expect(await summary.textContent()).not.toMatch(/cloud/i);
    await page.getByTestId('confirm-lockbench').check();
    await expectAccessible('the time-bound preview on a lock without its own schedule');
    await page.getByTestId('schedule-save').click();
    await row('Visitor').waitFor(WAIT);
    // Waits for main: codes Lockbench switches on and off are `scheduled_by: 'lockbench'`.
    expect(await row('Visitor').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('lockbench');
    expect(await row('Visitor').getByTestId('code-scheduled-by').textContent()).toMatch(/this laptop must reach the lock then/);

    // Past the start Lockbench puts it on; then the lock stops answering and the end passes.
    await client.call('demo.clock', { advanceMinutes: Math.ceil((start.getTime() - now.getTime()) / 60_000) + 5 });
    await page.locator('[data-testid="code-row"][data-name="Visitor"][data-status="set"]').waitFor(SLOW);
    await setDemoFault('Back door', 'no_answer');
    await client.call('demo.clock', { advanceMinutes: 70 });
    const pastEnd = page.locator('[data-testid="past-end-on-lock"]');
    await pastEnd.waitFor(SLOW);
    expect(await pastEnd.textContent()).toContain('1 guest PIN past its end is still on Back door: connect to remove it');
    await expectAccessible('the site header with a guest PIN past its end');

    await setDemoFault('Back door', 'none');
    await pastEnd.waitFor({ state: 'detached', timeout: 90_000 });
    expect((await client.call('sites.list', {})).find((s) => s.id === siteId)?.pastEndOnLock).toEqual([]);
  }, 180_000);

  it('never prints a PIN in the host output', () => {
    for (const pin of [GUEST_PIN, CANCELLED_PIN, VISITOR_PIN]) expect(host.output()).not.toContain(pin);
  });
});
