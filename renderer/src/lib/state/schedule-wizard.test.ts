import { describe, expect, it } from 'vitest';
import { DoorCodes } from './door-codes.svelte';
import { ScheduleWizard } from './schedule-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import type { DoorView } from '../../../../shared/domain/door';
import { sampleDoor, sampleLock, sampleTimeBoundCode } from '../testing/sample-data';

const now = new Date('2026-03-10T11:00:00Z'); // 12:00 Tue 10 Mar in Berlin (UTC+1)

function setup(nativeScheduling = true, clockOffsetMinutes: number | null = 60) {
  const bridge = new FakeBridge().answer('codes.list', []);
  const door = sampleDoor({ name: 'Back door', lock: sampleLock({ nativeScheduling, clockOffsetMinutes, readAt: '2026-03-10T10:00:00.000Z' }) });
  const codes = new DoorCodes(bridge, () => door, door.id);
  const changed: DoorView[] = [];
  const wizard = new ScheduleWizard(codes, () => 'Europe/Berlin', { clock: () => now, bridge, onDoorChanged: (d) => changed.push(d) });
  return { bridge, codes, wizard, door, changed };
}

function fill(wizard: ScheduleWizard, codes: DoorCodes) {
  wizard.chooseKind('time_bound');
  codes.name = 'Guest';
  codes.pin = '4829';
  wizard.window = { startDate: '2026-03-14', startTime: '15:00', endDate: '2026-03-16', endTime: '11:00' };
}

describe('ScheduleWizard', () => {
  it('starts ongoing, with a default window tomorrow 15:00 → in three days 11:00 at the property', () => {
    const { wizard } = setup();
    expect(wizard.kind).toBe('ongoing');
    expect(wizard.canAdvance).toBe(false);
    expect(wizard.window).toEqual({ startDate: '2026-03-11', startTime: '15:00', endDate: '2026-03-13', endTime: '11:00' });
    expect(wizard.zoneLabel).toBe('Europe/Berlin (UTC+1)');
  });

  it('keeps name and PIN when switching kinds', () => {
    const { wizard, codes } = setup();
    codes.name = 'Cleaner';
    codes.pin = '5831';
    wizard.chooseKind('time_bound');
    wizard.chooseKind('ongoing');
    expect([codes.name, codes.pin]).toEqual(['Cleaner', '5831']);
  });

  it('refuses to go on with a window that does not work, saying why', () => {
    const { wizard, codes } = setup();
    fill(wizard, codes);
    wizard.window.endDate = '2026-03-13';
    expect(wizard.problems).toEqual(['The end must be after the start.']);
    expect(wizard.canAdvance).toBe(false);
    wizard.window.startTime = '25:00';
    expect(wizard.problems[0]).toMatch(/^Start: "25:00" is not a time of day/);
  });

  it('takes the current time as the start of a code needed right away, and refuses a start long past', () => {
    const { wizard, codes } = setup();
    fill(wizard, codes);
    wizard.window = { startDate: '2026-03-10', startTime: '11:55', endDate: '2026-03-10', endTime: '18:00' };
    expect(wizard.problems).toEqual([]);
    wizard.window.startTime = '11:30';
    expect(wizard.problems).toEqual(['The start has already passed. Pick a later start, or the current time for a code needed right away.']);
  });

  it('offers the first valid time after a DST gap', () => {
    const { wizard, codes } = setup();
    fill(wizard, codes);
    wizard.window.startDate = '2026-03-29';
    wizard.window.startTime = '02:30';
    wizard.window.endDate = '2026-03-30';
    expect(wizard.start.ok).toBe(false);
    wizard.useSuggestion('start');
    expect([wizard.window.startDate, wizard.window.startTime]).toEqual(['2026-03-29', '03:00']);
    expect(wizard.problems).toEqual([]);
  });

  it('native scheduling: summary in words, then saves the window in site time without a confirmation', async () => {
    const { wizard, codes, bridge } = setup(true);
    bridge.answer('codes.create', sampleTimeBoundCode({ access_code_id: 'new' }));
    fill(wizard, codes);
    wizard.next();
    expect(wizard.step).toBe('summary');
    expect(wizard.needsLockbenchConfirmation).toBe(false);
    expect(wizard.clockCheck).toBeNull();
    expect(wizard.summary?.lines.join(' ')).toContain('Shows “unset” until 15:00 Sat 14 Mar, then “set”.');
    expect(wizard.canSave).toBe(true);
    expect(await wizard.save()).toBe(true);
    expect(bridge.sent('codes.create')).toEqual([
      {
        doorId: 'door-1',
        name: 'Guest',
        code: '4829',
        window: { starts: { date: '2026-03-14', time: '15:00' }, ends: { date: '2026-03-16', time: '11:00' } },
      },
    ]);
    expect(wizard.step).toBe('details');
    expect(codes.codes.map((c) => c.access_code_id)).toEqual(['new']);
  });

  it('no native scheduling: Lockbench switches it while this laptop reaches the lock; save waits for that confirmation', async () => {
    const { wizard, codes, bridge } = setup(false, null);
    bridge.answer('codes.create', sampleTimeBoundCode({ scheduled_by: 'lockbench' }));
    fill(wizard, codes);
    wizard.next();
    expect(wizard.summary?.lines[0]).toBe(
      'Lockbench puts it on at 15:00 Sat 14 Mar and takes it off at 11:00 Mon 16 Mar – this laptop must reach the lock then.',
    );
    expect(wizard.summary?.lines.join(' ')).not.toMatch(/cloud/i);
    expect(wizard.clockCheck).toBeNull();
    expect(wizard.needsLockbenchConfirmation).toBe(true);
    expect(wizard.canSave).toBe(false);
    expect(await wizard.save()).toBe(false);
    wizard.confirmLockbench = true;
    expect(await wizard.save()).toBe(true);
    expect(bridge.sent('codes.create')[0]).toMatchObject({ confirmLockbenchScheduling: true });
    expect(wizard.confirmLockbench).toBe(false);
  });

  it('checks the lock\'s clock in the preview, before Save: Set clock right there, then the preview is judged again', async () => {
    const { wizard, codes, bridge, changed } = setup(true, 0);
    fill(wizard, codes);
    wizard.next();
    expect(wizard.clockCheck).toMatchObject({ blocksSave: true });
    expect(wizard.clockCheck?.message).toBe(
      "The lock's clock is on UTC, the property is on UTC+1 now: the lock would open and close the door at the wrong hours. Set the lock's clock first.",
    );
    expect(wizard.summary?.lines[0]).toMatch(/once the lock's clock is on the site's time/);
    expect(wizard.canSetClock).toBe(true);
    expect(wizard.canSave).toBe(false);

    bridge.answer('doors.setClock', sampleDoor({ name: 'Back door', lock: sampleLock({ clockOffsetMinutes: 60, readAt: '2026-03-10T11:00:00.000Z' }) }));
    expect(await wizard.setLockClock()).toBe(true);
    expect(bridge.sent('doors.setClock')).toEqual([{ doorId: 'door-1' }]);
    expect(changed).toHaveLength(1);
    expect(wizard.clockCheck).toBeNull();
    expect(wizard.canSetClock).toBe(false);
    expect(wizard.summary?.lines[0]).toMatch(/^Loaded into the lock up to 72 hours before the start/);
    expect(wizard.canSave).toBe(true);
  });

  it('keeps a refused Set clock beside the button, and offers it after main refused the code for the clock', async () => {
    const { wizard, codes, bridge } = setup(true, null);
    fill(wizard, codes);
    wizard.next();
    expect(wizard.clockCheck).toMatchObject({ blocksSave: false });
    expect(wizard.canSave).toBe(true);
    bridge.refuse('doors.setClock', 'lock.no_answer');
    expect(await wizard.setLockClock()).toBe(false);
    expect(wizard.clockError?.code).toBe('lock.no_answer');

    const stale = setup(true, 60);
    fill(stale.wizard, stale.codes);
    stale.wizard.next();
    stale.bridge.refuse('codes.create', 'codes.lock_clock_mismatch');
    expect(await stale.wizard.save()).toBe(false);
    expect(stale.wizard.step).toBe('summary');
    expect(stale.wizard.canSetClock).toBe(true);
  });

  it('shows codes.needs_confirmation from main on the summary, with the checkbox, keeping everything typed', async () => {
    const { wizard, codes, bridge } = setup(true);
    bridge.refuse('codes.create', 'codes.needs_confirmation');
    fill(wizard, codes);
    wizard.next();
    expect(await wizard.save()).toBe(false);
    expect(wizard.step).toBe('summary');
    expect(codes.formError?.code).toBe('codes.needs_confirmation');
    expect(wizard.needsLockbenchConfirmation).toBe(true);
    expect([codes.name, codes.pin, wizard.window.startDate]).toEqual(['Guest', '4829', '2026-03-14']);
  });

  it('returns to the details on a refusal about the PIN or the window, keeping the rule', async () => {
    const { wizard, codes, bridge } = setup(true);
    bridge.refuse('codes.create', 'codes.constraint_violated', { rule: 'start_date_in_future' });
    fill(wizard, codes);
    wizard.next();
    await wizard.save();
    expect(wizard.step).toBe('details');
    expect(codes.formError).toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'start_date_in_future' } });
    bridge.refuse('codes.create', 'codes.invalid_window');
    wizard.next();
    await wizard.save();
    expect([wizard.step, codes.formError?.code]).toEqual(['details', 'codes.invalid_window']);
    expect(wizard.window.endDate).toBe('2026-03-16');
  });
});
