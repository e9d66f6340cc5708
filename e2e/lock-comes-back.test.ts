/**
 * Issue 6 item 4 in a real browser: a lock that stops answering comes back by itself. The demo's fault switch makes
 * the Back door's virtual lock silent (kept in main, so a reload shows it); a code added meanwhile waits, the door says
 * "not answering"; the switch goes off and — with no click on Retry, Check or anything else, and no restart — Lockbench
 * pings the lock on its backoff, finds it answering, and the waiting code goes on and is read back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { startHost, type HostProcess } from './support/host-process';
import { someLockHolds } from './support/lock-memory';

let dataDir: string;
let host: HostProcess;
let browser: Browser;
let page: Page;
const SLOW = { timeout: 60_000 };
const PIN = '583916';

const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);

async function openBackDoor(): Promise<void> {
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(SLOW);
  await door('Back door').click();
  await page.locator('[data-testid="door-view"][data-door-name="Back door"]').waitFor(SLOW);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-back-'));
  host = await startHost(dataDir);
  browser = await launchChromium();
  page = await browser.newPage();
  await openBackDoor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a lock that stopped answering', () => {
  it('is shown not answering, keeps its fault across a reload, and its waiting code goes on by itself once it answers', async () => {
    await page.getByTestId('demo-fault-toggle').click();
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="no_answer"]').waitFor(SLOW);
    await page.getByTestId('code-name').fill('Waits for the lock');
    await page.getByTestId('code-pin').fill(PIN);
    await page.getByTestId('code-save').click();
    await row('Waits for the lock').waitFor(SLOW);
    await expect.poll(() => page.getByTestId('door-online').textContent(), SLOW).toMatch(/Lock not answering/);
    expect(await row('Waits for the lock').getAttribute('data-status')).not.toBe('set');

    await openBackDoor(); // a reload: the fault is main's, not the page's
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="no_answer"]').waitFor(SLOW);
    expect(await page.getByTestId('door-online').textContent()).toMatch(/Lock not answering/);

    await page.getByTestId('demo-fault-toggle').click(); // the lock is back in range; nothing else is touched
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="none"]').waitFor(SLOW);
    const turnedOn = Date.now();
    await page.locator('[data-testid="code-row"][data-name="Waits for the lock"][data-status="set"]').waitFor({ timeout: 90_000 });
    console.log(`[lock-comes-back] code set ${Date.now() - turnedOn} ms after the lock answered again, with no action`);
    await expect.poll(() => page.getByTestId('door-online').textContent(), SLOW).not.toMatch(/not answering/);
    expect(await someLockHolds(dataDir, PIN)).toBe(true);
  }, 180_000);
});
