/**
 * A time-bound guest code played out in a real browser, with the host's clock moved forward (`--demo-clock`):
 * the site on New York time → the lock's clock set to it → a code 5 days ahead, loaded 72 h before its start (still
 * `unset`), `set` at the start, removed after the end → a lock without native scheduling needs the installer to confirm
 * that Lockbench switches it (this laptop must reach the lock then).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { addDays, siteMoment, startDemoClockHost, wallTime, zonedInstant } from './support/demo-clock-host';
import type { HostProcess } from './support/host-process';
import { someLockHolds } from './support/lock-memory';
import { connectHostClient, type HostClient } from './support/ws-client';

const ZONE = 'America/New_York';
const HOUR = 3_600_000;
const GUEST_PIN = '731946';
const VISITOR_PIN = '517284';
const WAIT = { timeout: 30_000 };

let dataDir: string;
let host: HostProcess;
let client: HostClient;
let browser: Browser;
let page: Page;
/** How far the host's clock has been moved forward (ms); the host starts at real time. */
let shifted = 0;
let siteId: string;
let frontDoorId: string;
let backDoorId: string;
let guestStart: Date;
let guestEnd: Date;

const hostNow = () => new Date(Date.now() + shifted);
const door = (name: string) => page.locator(`[data-testid="door-item"][data-door-name="${name}"]`);
const row = (name: string) => page.locator(`[data-testid="code-row"][data-name="${name}"]`);
const clockItem = () => page.locator('[data-testid="capability-item"][data-key="clock"]');

/** Moves the host's clock so that it reads `target` (or just after); returns the host's new now. */
async function moveHostClockTo(target: Date): Promise<Date> {
  const minutes = Math.max(1, Math.ceil((target.getTime() - hostNow().getTime()) / 60_000));
  const { now } = await client.call('demo.clock', { advanceMinutes: minutes });
  shifted += minutes * 60_000;
  const reported = new Date(now);
  expect(reported.getTime()).toBeGreaterThanOrEqual(target.getTime());
  return reported;
}

/** Fills the time-bound form: kind, name, PIN, window (site wall times), then Next. */
async function fillTimeBound(name: string, pin: string, start: { date: string; time: string }, end: { date: string; time: string }): Promise<void> {
  await page.locator('[data-testid="code-kind"][value="time_bound"]').check();
  await page.getByTestId('code-name').fill(name);
  await page.getByTestId('code-pin').fill(pin);
  await page.getByTestId('window-start-date').fill(start.date);
  await page.getByTestId('window-start-time').fill(start.time);
  await page.getByTestId('window-end-date').fill(end.date);
  await page.getByTestId('window-end-time').fill(end.time);
  expect(await page.getByTestId('window-zone').getAttribute('data-zone')).toBe(ZONE);
  await page.getByTestId('schedule-next').click();
  await page.getByTestId('schedule-summary').waitFor(WAIT);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-tb-'));
  host = await startDemoClockHost(dataDir);
  client = await connectHostClient(host.url);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(host.url);
  await page.locator('[data-testid="site-state"][data-state="ready"]').waitFor({ timeout: 60_000 });
  siteId = (await client.call('sites.list', {}))[0]!.id;
  const doors = await client.call('doors.list', { siteId });
  frontDoorId = doors.find((d) => d.name === 'Front door')!.id;
  backDoorId = doors.find((d) => d.name === 'Back door')!.id;
}, 120_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  await host?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('time-bound codes on the demo site, with the clock moved forward', () => {
  it('puts the site on New York time from the site header', async () => {
    expect(await page.getByTestId('site-timezone-label').getAttribute('data-zone')).toBe('UTC');
    await page.getByTestId('site-timezone-edit').click();
    await page.getByTestId('zone-search').fill(ZONE);
    await page.getByTestId('site-timezone-save').click();
    const label = page.locator(`[data-testid="site-timezone-label"][data-zone="${ZONE}"]`);
    await label.waitFor(WAIT);
    expect(await label.textContent()).toMatch(/America\/New_York \(UTC[−-][45]\)/);
  });

  it('warns that the Front door lock is on UTC, sets its clock, and passes the clock on the re-check', async () => {
    await door('Front door').click();
    await page.getByTestId('check-capabilities').click();
    await clockItem().waitFor(WAIT);
    expect(await clockItem().getAttribute('data-verdict')).toBe('warn');
    expect(await clockItem().textContent()).toMatch(/set to UTC, the site is America\/New_York/);

    // While the offsets differ, main refuses a time-bound code on this native-scheduling lock.
    const start = wallTime(new Date(hostNow().getTime() + 5 * 24 * HOUR), ZONE).date;
    const refused = await client.request('codes.create', {
      doorId: frontDoorId,
      name: 'Too early',
      code: '935172',
      window: { starts: { date: start, time: '15:00' }, ends: { date: addDays(start, 2), time: '15:00' } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'codes.lock_clock_mismatch' } });

    await page.getByTestId('set-clock').click();
    await page.locator('[data-testid="capability-item"][data-key="clock"][data-verdict="pass"]').waitFor(WAIT);
    expect(await clockItem().textContent()).toMatch(/matches the site, America\/New_York/);
    expect(await page.getByTestId('set-clock').count()).toBe(0);
  });

  it('creates a guest code 5 days ahead: the lock schedules it, unset, on the timeline, waiting in the queue', async () => {
    const startWall = { date: wallTime(new Date(hostNow().getTime() + 5 * 24 * HOUR), ZONE).date, time: '15:00' };
    const endWall = { date: addDays(startWall.date, 2), time: '15:00' };
    guestStart = zonedInstant(startWall.date, startWall.time, ZONE);
    guestEnd = zonedInstant(endWall.date, endWall.time, ZONE);
    expect(guestEnd.getTime() - guestStart.getTime()).toBe(48 * HOUR);

    await fillTimeBound('Guest', GUEST_PIN, startWall, endWall);
    const summary = page.getByTestId('schedule-summary');
    expect(await summary.getAttribute('data-native')).toBe('true');
    expect(await summary.textContent()).toMatch(/72 hours before the start/);
    expect(await summary.textContent()).toContain(siteMoment(guestStart, ZONE));
    expect(await page.getByTestId('confirm-lockbench').count()).toBe(0);
    await page.getByTestId('schedule-save').click();

    await page.locator('[data-testid="code-row"][data-name="Guest"][data-status="unset"]').waitFor(WAIT);
    expect(await row('Guest').getAttribute('data-error')).toBe('');
    // The window in New York time (15:00 there is 20:00 UTC).
    expect(await row('Guest').getByTestId('code-window').textContent()).toBe(`${siteMoment(guestStart, ZONE)} → ${siteMoment(guestEnd, ZONE)}`);
    expect(await row('Guest').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('lock');

    const bar = page.locator('[data-testid="timeline-bar"][data-name="Guest"]');
    await bar.waitFor(WAIT);
    expect(await bar.getAttribute('data-type')).toBe('time_bound');
    expect(await bar.getAttribute('data-status')).toBe('unset');

    // Main holds one set_code for Front door, not before start − 72 h.
    const queued = await client.call('queue.list', { siteId });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ door_name: 'Front door', code_name: 'Guest', kind: 'set_code', state: 'waiting' });
    expect(Date.parse(queued[0]!.not_before!)).toBe(guestStart.getTime() - 72 * HOUR);

    // The queue panel shows it live, without a reload.
    await expect
      .poll(() => page.getByTestId('queue-panel').getAttribute('data-count'), { timeout: 10_000, message: 'queue panel after saving a code loaded later (no queue.changed pushed?)' })
      .toBe('1');
    const item = page.getByTestId('queue-item');
    expect(await item.getAttribute('data-door-name')).toBe('Front door');
    expect(await item.getAttribute('data-code-name')).toBe('Guest');
    expect(await item.getAttribute('data-kind')).toBe('set_code');
    expect(await item.getAttribute('data-state')).toBe('waiting');
    expect(await item.getAttribute('data-why')).toBe('scheduled');
    expect(await door('Front door').getByTestId('door-waiting').textContent()).toMatch(/1 change waiting for Front door/);
  });

  it('loads the code into the lock once the clock passes start − 72 h, still unset', async () => {
    await moveHostClockTo(new Date(guestStart.getTime() - 72 * HOUR + 10 * 60_000));
    await expect.poll(async () => (await client.call('queue.list', { siteId })).length, WAIT).toBe(0);
    await page.locator('[data-testid="queue-panel"][data-count="0"]').waitFor(WAIT);
    await page.getByTestId('queue-empty').waitFor(WAIT);
    await expect
      .poll(async () => (await client.call('codes.list', { doorId: frontDoorId })).find((c) => c.name === 'Guest')?.events.map((e) => e.event_type), WAIT)
      .toContain('access_code.scheduled_on_device');
    expect(await row('Guest').getAttribute('data-status')).toBe('unset');
    await expect.poll(async () => someLockHolds(dataDir, GUEST_PIN), WAIT).toBe(true);
  });

  it('shows the code set once the clock passes the start', async () => {
    await moveHostClockTo(new Date(guestStart.getTime() + 10 * 60_000));
    await page.locator('[data-testid="code-row"][data-name="Guest"][data-status="set"]').waitFor(WAIT);
    await page.locator('[data-testid="timeline-bar"][data-name="Guest"][data-status="set"]').waitFor(WAIT);
  });

  it('clears the code after the end: it leaves the active list for the removed history', async () => {
    await moveHostClockTo(new Date(guestEnd.getTime() + 10 * 60_000));
    await row('Guest').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('[data-testid="removed-code-row"][data-name="Guest"]').waitFor({ state: 'attached', timeout: 10_000 });
    await expect
      .poll(async () => (await client.call('codes.list', { doorId: frontDoorId })).find((c) => c.name === 'Guest')?.events.map((e) => e.event_type), WAIT)
      .toContain('access_code.removed_from_device');
    await page.locator('[data-testid="queue-panel"][data-count="0"]').waitFor(WAIT);
    await expect.poll(async () => someLockHolds(dataDir, GUEST_PIN), WAIT).toBe(false);
  });

  it('on Back door (no native scheduling) holds a time-bound code at the summary until the installer confirms Lockbench switches it', async () => {
    // The window is judged by the host's (moved) clock: two days after it, at 15:00 in New York.
    const startWall = { date: wallTime(new Date(hostNow().getTime() + 2 * 24 * HOUR), ZONE).date, time: '15:00' };
    const endWall = { date: addDays(startWall.date, 1), time: '11:00' };
    const window = { starts: startWall, ends: endWall };
    // Main refuses it without the confirmation, whatever the screen does.
    const refused = await client.request('codes.create', { doorId: backDoorId, name: 'Visitor', code: VISITOR_PIN, window });
    expect(refused).toMatchObject({ ok: false, error: { code: 'codes.needs_confirmation' } });

    await door('Back door').click();
    await page.locator('[data-testid="door-view"][data-door-name="Back door"]').waitFor(WAIT);
    await fillTimeBound('Visitor', VISITOR_PIN, startWall, endWall);
    const summary = page.getByTestId('schedule-summary');
    expect(await summary.getAttribute('data-native')).toBe('false');
    expect(await summary.textContent()).toMatch(/cannot switch the code on and off by itself/);
    expect(await summary.textContent()).toMatch(/Lockbench puts it on at .* and takes it off at .* – this laptop must reach the lock then/);
    expect(await summary.textContent()).not.toMatch(/cloud/i);
    await page.getByTestId('confirm-lockbench').waitFor(WAIT);
    expect(await page.getByTestId('schedule-save').isDisabled()).toBe(true);
    expect(await row('Visitor').count()).toBe(0);

    await page.getByTestId('confirm-lockbench').check();
    expect(await page.getByTestId('schedule-save').isEnabled()).toBe(true);
    await page.getByTestId('schedule-save').click();
    await row('Visitor').waitFor(WAIT);
    expect(await row('Visitor').getByTestId('code-scheduled-by').getAttribute('data-by')).toBe('lockbench');
    expect(await row('Visitor').getByTestId('code-window').textContent()).toBe(
      `${siteMoment(zonedInstant(startWall.date, startWall.time, ZONE), ZONE)} → ${siteMoment(zonedInstant(endWall.date, endWall.time, ZONE), ZONE)}`,
    );
    expect(await page.getByTestId('schedule-error').count()).toBe(0);
  });

  it('never prints a PIN in the host output', () => {
    expect(host.output()).not.toContain(GUEST_PIN);
    expect(host.output()).not.toContain(VISITOR_PIN);
  });
});
