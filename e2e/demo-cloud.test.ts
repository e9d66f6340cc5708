/**
 * The demo cloud as a new user meets it, in a real browser: no account, "Demo cloud" in the settings, the three demo
 * doors linked, a code put on a demo lock reaching the cloud, then changes made in the demo cloud (a rename, a code
 * made there) coming back to the door. axe-core finds no WCAG 2 A/AA violation on the demo cloud's panel.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';

const WAIT = { timeout: 30_000 };
let dataDir: string;
let host: HostProcess;
let client: HostClient;
let browser: Browser;
let page: Page;

const byTestId = (id: string) => page.getByTestId(id);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-demo-cloud-'));
  host = await startHost(dataDir);
  client = await connectHostClient(host.url);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor({ timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await host?.stop();
  if (dataDir) await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(`${dataDir}.keys`, { recursive: true, force: true })]);
});

describe('the demo cloud', () => {
  it('is one settings change away, and links the demo doors it suggests', async () => {
    await byTestId('open-cloud-settings').click();
    await byTestId('cloud-kind-demo').check();
    await byTestId('cloud-save').click();
    await page.locator('[data-testid="cloud-account-summary"][data-kind="demo"]').waitFor(WAIT);
    expect(await byTestId('cloud-account-summary').textContent()).toContain('127.0.0.1');
    await byTestId('open-link-wizard').click();
    await page.locator('[data-testid="link-wizard"][data-step="choose"]').waitFor(WAIT);
    await byTestId('link-submit').click();
    await byTestId('link-result').waitFor(WAIT);
    const doors = await client.call('doors.list', { siteId: 'demo' });
    expect(doors.every((d) => d.cloud !== null)).toBe(true);
  });

  it('takes a code on a demo lock to the cloud, and brings back what is changed there', async () => {
    const front = (await client.call('doors.list', { siteId: 'demo' })).find((d) => d.name === 'Front door')!;
    await page.locator('[data-testid="door-item"][data-door-name="Front door"]').click();
    const code = await client.call('codes.create', { doorId: front.id, name: 'Flat 2', code: '385172' });
    await page.locator('[data-testid="code-row"][data-name="Flat 2"][data-status="set"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="sync-now"][aria-disabled="false"]').waitFor(WAIT);
    await byTestId('sync-now').click();
    await page.locator(`[data-testid="code-cloud-${code.access_code_id}"][data-state="set"]`).waitFor(WAIT);

    await byTestId(`demo-cloud-rename-${code.access_code_id}`).click();
    await row('Flat 2 (renamed in the cloud)').waitFor(WAIT);
    await byTestId('demo-cloud-add').click();
    await byTestId('codes-from-cloud').getByText('Made in the cloud 1').waitFor(WAIT);
    expect(await byTestId('demo-cloud-done').textContent()).toContain('Made in the cloud 1');
    const violations = await axeViolations(page, '[data-testid="demo-cloud-controls"]');
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 60_000);
});
