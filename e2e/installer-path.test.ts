/**
 * The installer's whole path in a real browser through the browser host, as a person new to the project would walk it:
 * demo site → capability check → a refused PIN → an ongoing code set and confirmed by the lock → a generated code →
 * a lock that stops answering → removal → restart of the app with every code still there.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
let earlierOutput = '';
const SLOW = { timeout: 60_000 };

const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);

async function openApp(): Promise<void> {
  page = await browser.newPage();
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor(SLOW);
}

async function addCode(name: string, pin: string | null): Promise<void> {
  await page.getByTestId('code-name').fill(name);
  if (pin === null) {
    await page.getByTestId('code-generate').click();
    await expect.poll(() => page.getByTestId('code-pin').inputValue()).toMatch(/^\d{4,8}$/);
  } else {
    await page.getByTestId('code-pin').fill(pin);
  }
  await page.getByTestId('code-save').click();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-'));
  host = await startHost(dataDir);
  browser = await launchChromium();
  await openApp();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('installer path on the demo site', () => {
  it('opens on the demo site with its three doors', async () => {
    await expect.poll(() => page.getByTestId('door-item').count()).toBe(3);
    expect(await door('Front door').getAttribute('data-online')).toBe('true');
  });

  it('runs the capability check with a pass / warn / fail line per item', async () => {
    await door('Front door').click();
    await page.getByTestId('check-capabilities').click();
    await page.getByTestId('capability-item').first().waitFor(SLOW);
    expect(await page.getByTestId('capability-item').count()).toBe(10);
    expect(await page.locator('[data-testid="capability-item"][data-key="access_codes"]').getAttribute('data-verdict')).toBe('pass');
    expect(await page.locator('[data-testid="capability-item"][data-key="native_scheduling"]').getAttribute('data-verdict')).toBe('pass');

    await door('Back door').click();
    await page.getByTestId('check-capabilities').click();
    const scheduling = page.locator('[data-testid="capability-item"][data-key="native_scheduling"]');
    await scheduling.waitFor(SLOW);
    expect(await scheduling.getAttribute('data-verdict')).toBe('warn');
    // Nobody else switches its time-bound codes (no cloud link): the check says Lockbench does, and promises no cloud.
    expect(await scheduling.textContent()).toMatch(/Lockbench/);
    expect(await scheduling.textContent()).not.toMatch(/cloud/i);
  });

  it('refuses a PIN the lock cannot take, names the rule and keeps what was typed', async () => {
    await door('Back door').click();
    await page.getByTestId('code-name').fill('Flat 2 resident');
    await page.getByTestId('code-pin').fill('1234567');
    await page.getByTestId('code-save').click();
    const error = page.getByTestId('code-error');
    await error.waitFor(SLOW);
    expect(await error.getAttribute('data-rule')).toBe('supported_code_lengths');
    expect(await error.textContent()).toMatch(/4–6 digits/);
    expect(await page.getByTestId('code-name').inputValue()).toBe('Flat 2 resident');
    expect(await page.getByTestId('code-pin').inputValue()).toBe('1234567');
    expect(await page.getByTestId('code-row').count()).toBe(0);
  });

  it('puts an ongoing code on the lock: setting until the lock confirms, then set', async () => {
    await door('Front door').click();
    await addCode('Flat 1 resident', '480213');
    await row('Flat 1 resident').waitFor(SLOW);
    await page.locator('[data-testid="code-row"][data-name="Flat 1 resident"][data-status="set"]').waitFor(SLOW);
  });

  it('refuses the same PIN twice on one lock', async () => {
    await addCode('Duplicate', '480213');
    const error = page.getByTestId('code-error');
    await error.waitFor(SLOW);
    expect(await error.getAttribute('data-rule')).toBe('duplicate_code_on_device');
  });

  it('generates a PIN that fits the lock and programs it', async () => {
    await page.getByTestId('code-pin').fill('');
    await addCode('Cleaner', null);
    await page.locator('[data-testid="code-row"][data-name="Cleaner"][data-status="set"]').waitFor(SLOW);
  });

  it('shows failed_to_set_on_device with the reason when a lock does not answer', async () => {
    await door('Back door').click();
    await page.getByTestId('demo-fault-toggle').click();
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="no_answer"]').waitFor(SLOW);
    await addCode('Plumber', '517393');
    const failed = page.locator('[data-testid="code-row"][data-name="Plumber"][data-error="failed_to_set_on_device"]');
    await failed.waitFor({ timeout: 90_000 });
    expect(await failed.getByTestId('code-failure').textContent()).toMatch(/answer/i);
    await page.getByTestId('demo-fault-toggle').click();
    await page.locator('[data-testid="demo-fault-toggle"][data-fault="none"]').waitFor(SLOW);
  }, 120_000);

  it('removes a code: removing, then gone from the lock', async () => {
    await door('Front door').click();
    await row('Cleaner').getByTestId('code-remove').click();
    await row('Cleaner').getByTestId('code-remove-confirm').click();
    await page.locator('[data-testid="code-row"][data-name="Cleaner"]').waitFor({ state: 'detached', timeout: 60_000 });
    await page.locator('[data-testid="removed-code-row"][data-name="Cleaner"]').waitFor({ state: 'attached', timeout: 10_000 });
  });

  it('keeps every code after the app restarts, and the lock still holds them', async () => {
    await page.close();
    await host.stop();
    earlierOutput += host.output();
    expect(await someLockHolds(dataDir, '480213')).toBe(true);
    host = await startHost(dataDir);
    await openApp();
    await door('Front door').click();
    await page.locator('[data-testid="code-row"][data-name="Flat 1 resident"][data-status="set"]').waitFor(SLOW);
    expect(await page.getByTestId('code-row').count()).toBe(1);
  }, 120_000);

  it('recovers a damaged store from its last good copy and says so', async () => {
    await page.close();
    await host.stop();
    earlierOutput += host.output();
    const file = join(dataDir, 'sites', 'demo.json');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40));
    host = await startHost(dataDir);
    await openApp();
    await page.getByTestId('store-notice').waitFor(SLOW);
    expect(await page.getByTestId('store-notice').textContent()).toMatch(/recovered/i);
    await door('Front door').click();
    await page.locator('[data-testid="code-row"][data-name="Flat 1 resident"][data-status="set"]').waitFor(SLOW);
  }, 120_000);

  it('never prints a PIN in the host output', () => {
    expect(earlierOutput + host.output()).not.toContain('480213');
    expect(earlierOutput + host.output()).not.toContain('517393');
  });
});
