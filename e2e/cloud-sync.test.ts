/**
 * Cloud sync (Seam) in a real browser through the browser host, against Seam's fake server started in this test
 * process behind a loopback proxy that plays the laptop's network (pass / refuse):
 *
 *   account from the keyboard (a wrong key refused, what was typed kept) ─▶ link wizard (3 demo doors by name)
 *   ─▶ offline: a code goes on the lock and waits for the cloud ─▶ online: in the cloud once, managed
 *   ─▶ a guest code on Back door scheduled by the cloud ─▶ renamed on both sides: the installer keeps the cloud's
 *
 * axe-core finds no WCAG 2 A/AA violation on the settings, the link wizard, the indicator offline, the conflicts panel.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorView } from '../shared/domain/door';
import { startFakeCloud, type FakeCloud } from '../electron/core/cloud/fake-cloud.fixture';
import { DEMO_CLOUD_DEVICES } from '../electron/core/demo/demo-cloud-devices';
import { startCloudNetwork, type CloudNetwork } from '../electron/core/sync/sync-test-support';
import { expectAccessible as expectPageAccessible } from './support/axe';
import { launchChromium } from './support/browser';
import { startHost, type HostProcess } from './support/host-process';
import { connectHostClient, type HostClient } from './support/ws-client';

const WAIT = { timeout: 30_000 };
const WRONG_KEY = 'seam_wrong_key_1234567890';
const RESIDENT_PIN = '480213';
const GUEST_PIN = '530917';

let dataDir: string;
let host: HostProcess;
let client: HostClient;
let browser: Browser;
let page: Page;
let fake: FakeCloud;
let network: CloudNetwork;
let doors: DoorView[];
/** The Front door code made offline (Lockbench's access code id). */
let residentId: string;

const byTestId = (id: string) => page.getByTestId(id);
const DOORS = ['Front door', 'Back door', 'Garage side door'];
const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);
const doorId = (name: string) => doors.find((d) => d.name === name)!.id;
const deviceOf = (name: string) => fake.deviceIds[DEMO_CLOUD_DEVICES.findIndex((d) => d.name === name)]!;
const cloudCodesWith = (doorName: string, pin: string) => fake.listAllCodes(deviceOf(doorName)).filter((c) => c.code === pin);
const indicator = (state: string) => page.locator(`[data-testid="sync-indicator"][data-state="${state}"]`);
const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');

const expectAccessible = (where: string, include: string) => expectPageAccessible(page, where, include);

/** Moves the keyboard focus to a control and presses Enter on it. */
async function pressWithKeyboard(testId: string): Promise<void> {
  await byTestId(testId).focus();
  await page.keyboard.press('Enter');
}

async function openDoor(name: string): Promise<void> {
  await door(name).click();
  await page.locator(`[data-testid="door-view"][data-door-name="${name}"]`).waitFor(WAIT);
}

/** "Sync now" from the keyboard once no sync is running, then waits for the indicator to show `state`. */
async function syncNow(state: 'idle' | 'offline'): Promise<void> {
  await page.locator('[data-testid="sync-now"][aria-disabled="false"]').waitFor(WAIT);
  await pressWithKeyboard('sync-now');
  await page.locator('[data-testid="sync-now"][data-busy="false"]').waitFor(WAIT);
  await indicator(state).waitFor(WAIT);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-cloud-'));
  fake = await startFakeCloud({ devices: DEMO_CLOUD_DEVICES });
  network = await startCloudNetwork(fake.cloud.endpoint);
  host = await startHost(dataDir);
  client = await connectHostClient(host.url);
  doors = await client.call('doors.list', { siteId: 'demo' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor({ timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await host?.stop();
  await network?.close();
  await fake?.close();
  if (dataDir) await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(`${dataDir}.keys`, { recursive: true, force: true })]);
});

describe('cloud sync on the demo site', () => {
  it('sets the account from the keyboard: a wrong key is refused and kept on screen, the right one shows its workspace', async () => {
    await indicator('no_account').waitFor(WAIT);
    await pressWithKeyboard('open-cloud-settings');
    await byTestId('cloud-account-form').waitFor(WAIT);
    expect(await focused()).toBe('cloud-settings-heading');
    await page.keyboard.press('Tab'); // Close
    await page.keyboard.press('Tab'); // the chosen kind: demo
    expect(await focused()).toBe('cloud-kind-demo');
    await page.keyboard.press('ArrowDown');
    expect(await byTestId('cloud-kind-api_key').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('cloud-secret');
    await page.keyboard.type(WRONG_KEY);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('cloud-endpoint');
    await page.keyboard.type(network.url);
    await page.keyboard.press('Enter');

    const error = byTestId('cloud-save-error');
    await error.waitFor(WAIT);
    expect(await error.getAttribute('data-code')).toBe('sync.unauthorized');
    expect(await error.textContent()).not.toContain(WRONG_KEY);
    const typed = [await byTestId('cloud-kind-api_key').isChecked(), await byTestId('cloud-secret').inputValue(), await byTestId('cloud-endpoint').inputValue()];
    expect(typed, 'what was typed stays').toEqual([true, WRONG_KEY, network.url]);
    await expectAccessible('the cloud settings with a refused key', '[data-testid="cloud-settings"]');

    await byTestId('cloud-secret').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(fake.cloud.apiKey);
    await page.keyboard.press('Enter');
    const summary = page.locator('[data-testid="cloud-account-summary"][data-kind="api_key"]');
    await summary.waitFor(WAIT);
    expect(await summary.textContent()).toContain((await fake.gateway.workspace()).name);
    expect(await summary.textContent()).toContain(network.url);
    expect(await page.content()).not.toContain(fake.cloud.apiKey); // the key never comes back to the renderer
    await expectAccessible('the cloud settings with an account', '[data-testid="cloud-settings"]');
  });

  it('pre-fills the three demo doors by name in the link wizard, links them, and each door says so', async () => {
    await pressWithKeyboard('open-link-wizard');
    await page.locator('[data-testid="link-wizard"][data-step="choose"]').waitFor(WAIT);
    expect(await focused()).toBe('link-heading');
    for (const name of DOORS) {
      expect(await byTestId(`link-select-${doorId(name)}`).inputValue(), name).toBe(deviceOf(name));
      expect(await byTestId(`link-note-${doorId(name)}`).textContent()).toBe('Suggested by the cloud: matched by name');
    }
    await expectAccessible('the link wizard', '[data-testid="link-wizard"]');
    expect(await byTestId('link-submit').textContent()).toMatch(/^\s*Link 3 doors\s*$/);
    await pressWithKeyboard('link-submit');
    await byTestId('link-result').waitFor(WAIT);
    for (const name of DOORS) {
      expect(await byTestId(`link-result-${doorId(name)}`).getAttribute('data-device-id')).toBe(deviceOf(name));
    }
    await byTestId('cloud-panel-close').click();
    for (const name of DOORS) {
      await openDoor(name);
      expect(await byTestId('door-cloud-link').getAttribute('data-linked'), name).toBe('true');
      expect(await byTestId('door-cloud-link').textContent()).toContain(`Linked to cloud device ${name}`);
    }
    await indicator('idle').waitFor(WAIT); // the sync that follows a link
  });

  it('keeps a code made offline on the laptop and the lock, then brings it into the cloud once when online', async () => {
    network.mode = 'refuse';
    await openDoor('Front door');
    await byTestId('code-name').fill('Resident 4B');
    await byTestId('code-pin').fill(RESIDENT_PIN);
    await byTestId('code-pin').press('Enter');
    await page.locator('[data-testid="code-row"][data-name="Resident 4B"][data-status="set"]').waitFor({ timeout: 60_000 });
    residentId = (await row('Resident 4B').getAttribute('data-code-id'))!;
    // Test-only stand-in for Seam reading the lock through its hub: the code Lockbench put on the lock shows up in the
    // cloud as unmanaged (with an API key account nothing in the app plays the cloud's side).
    fake.addCodeInCloud(deviceOf('Front door'), { code: RESIDENT_PIN, name: 'Seen on lock', managed: false });

    await syncNow('offline');
    expect(Number(await byTestId('sync-pending').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await byTestId('sync-state').textContent()).toContain('Offline');
    expect(cloudCodesWith('Front door', RESIDENT_PIN).filter((c) => c.is_managed)).toEqual([]);
    await expectAccessible('the sync indicator offline', '[data-testid="sync-indicator"]');

    network.mode = 'pass';
    await syncNow('idle');
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor(WAIT);
    expect(await byTestId('sync-last-success').getAttribute('data-at')).not.toBe('');
    await page.locator(`[data-testid="code-cloud-${residentId}"][data-state="set"]`).waitFor(WAIT);
    expect(await byTestId(`code-cloud-${residentId}`).textContent()).toMatch(/Cloud: set/);
    expect(cloudCodesWith('Front door', RESIDENT_PIN).map((c) => [c.is_managed, c.name])).toEqual([[true, 'Resident 4B']]);
  });

  it('sends a guest code on Back door (no schedule of its own) to the cloud, which switches it, with its window', async () => {
    await openDoor('Back door');
    await page.locator('[data-testid="code-kind"][value="time_bound"]').check();
    await byTestId('code-name').fill('Plumber');
    await byTestId('code-pin').fill(GUEST_PIN);
    await byTestId('schedule-next').click(); // the default window: tomorrow 15:00 → in three days 11:00
    const preview = byTestId('schedule-summary');
    await preview.waitFor(WAIT);
    // The door is linked to a cloud device that programs codes online: the cloud switches it, as main decides too.
    expect(await preview.textContent()).toMatch(/the cloud does it.*this laptop need not be there/);
    expect(await byTestId('confirm-lockbench').count(), 'no "Lockbench switches it" confirmation').toBe(0);
    await byTestId('schedule-save').click();
    await row('Plumber').waitFor(WAIT);
    expect(await row('Plumber').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('cloud');

    await syncNow('idle');
    await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor(WAIT);
    const code = (await client.call('codes.list', { doorId: doorId('Back door') })).find((c) => c.code === GUEST_PIN)!;
    const inCloud = cloudCodesWith('Back door', GUEST_PIN).map((c) => ({ ...c, starts_at: Date.parse(String(c.starts_at)), ends_at: Date.parse(String(c.ends_at)) }));
    expect(inCloud).toEqual([expect.objectContaining({ is_managed: true, type: 'time_bound', access_code_id: code.cloud?.access_code_id })]);
    expect([inCloud[0]!.starts_at, inCloud[0]!.ends_at]).toEqual([Date.parse(code.starts_at!), Date.parse(code.ends_at!)]);
  });

  it('shows a code renamed here and in the cloud side by side, and keeps the cloud\'s name when chosen', async () => {
    network.mode = 'refuse'; // both sides change it while the laptop is offline
    await openDoor('Front door');
    await pressWithKeyboard(`code-rename-${residentId}`);
    expect(await focused()).toBe(`code-rename-input-${residentId}`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Laptop name');
    await page.keyboard.press('Enter');
    await row('Laptop name').waitFor(WAIT);
    const codes = await client.call('codes.list', { doorId: doorId('Front door') });
    const cloudId = codes.find((c) => c.access_code_id === residentId)!.cloud!.access_code_id!;
    fake.renameInCloud(cloudId, 'Cloud name');

    network.mode = 'pass';
    await syncNow('idle');
    await page.locator('[data-testid="conflicts-open"][data-count="1"]').waitFor(WAIT);
    expect(await byTestId(`code-cloud-${residentId}`).getAttribute('data-state')).toBe('conflict');
    await pressWithKeyboard('conflicts-open');
    const card = byTestId(`conflict-${residentId}`);
    await card.waitFor(WAIT);
    expect(await focused()).toBe('conflicts-heading');
    const names = card.locator('tr[data-field="name"][data-differs="true"] td');
    expect(await names.allTextContents()).toEqual(['Laptop name', 'Cloud name']); // this laptop's, the cloud's
    expect(await card.locator('tr[data-field="code"]').getAttribute('data-differs')).toBe('false');
    await expectAccessible('the conflicts panel', '[data-testid="conflicts-panel"]');

    await pressWithKeyboard(`keep-cloud-${residentId}`);
    await card.waitFor({ state: 'detached', ...WAIT });
    expect(await byTestId('conflicts-settled').textContent()).toContain('Kept the cloud’s version at Front door');
    await byTestId('conflicts-open').waitFor({ state: 'detached', ...WAIT }); // no conflict left to settle
    await byTestId('cloud-panel-close').click();
    await openDoor('Front door');
    await row('Cloud name').waitFor(WAIT);
    expect([await row('Laptop name').count(), (await client.call('sync.status', {})).conflicts]).toEqual([0, 0]);
    expect(fake.listAllCodes(deviceOf('Front door')).find((c) => c.access_code_id === cloudId)?.name).toBe('Cloud name');
  });

  it('never prints a PIN or the cloud key in the host output', () => {
    for (const secret of [RESIDENT_PIN, GUEST_PIN, WRONG_KEY, fake.cloud.apiKey]) expect(host.output()).not.toContain(secret);
  });
});
