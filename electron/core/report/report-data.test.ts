import { describe, expect, it } from 'vitest';
import { commissioningReportSchema } from '../../../shared/domain/report';
import { sampleAccessCode, sampleDoor, sampleLockProfile } from '../../../shared/testing/samples';
import { buildReportData } from './report-data';
import { provenCode, REPORT_NOW, sampleBuilding, sampleCheck, sampleOperation, samplePin } from './report-test-support';

const issue = (message: string) => ({ error_code: 'failed_to_set_on_device', message, created_at: '2026-11-29T16:00:00.000Z' });

/** A one-door site (door-1, Berlin) with the given codes and data; the door overridable. */
function oneDoor(over: Parameters<typeof sampleBuilding>[2] = {}, door = sampleDoor({ lastProfile: sampleLockProfile() })) {
  return buildReportData(sampleBuilding(0, 0, { doors: [door], checks: [sampleCheck('door-1')], unmanaged: {}, ...over }));
}

describe('buildReportData', () => {
  it('masks every PIN unless full PINs are asked for, and matches the report schema', () => {
    const input = sampleBuilding(3, 4);
    const masked = buildReportData(input);
    expect(commissioningReportSchema.parse(masked)).toEqual(masked);
    const json = JSON.stringify(masked);
    for (const code of input.codes) expect(json).not.toContain(code.code);
    expect(masked.doors[0]?.codes[0]?.pin).toBe('•••••0');

    const full = buildReportData({ ...input, showPins: true });
    expect(full.show_pins).toBe(true);
    expect(full.doors.flatMap((d) => d.codes.map((c) => c.pin)).sort()).toEqual(input.codes.map((c) => c.code).sort());
  });

  it('keeps codes found on a lock masked even with full PINs, and null when the lock hides them', () => {
    const report = oneDoor({
      showPins: true,
      codes: [
        sampleAccessCode({ access_code_id: 'a', code: '246810', slot: 4, origin: 'adopted', created_at: '2026-11-29T10:00:00.000Z' }),
        sampleAccessCode({ access_code_id: 'c', code: '****', slot: 2, origin: 'cleared', status: 'removing', created_at: '2026-11-29T11:00:00.000Z' }),
      ],
      unmanaged: { 'door-1': [{ door_id: 'door-1', slot: 9, status: 'enabled', code: '975310', is_masked: false }, { door_id: 'door-1', slot: 7, status: 'disabled', code: null, is_masked: true }] },
    });
    const door = report.doors[0];
    expect(door?.from_elsewhere).toEqual([
      { slot: 2, pin: null, decision: 'cleared', decided_at: '2026-11-29T11:00:00.000Z' },
      { slot: 4, pin: '•••••0', decision: 'adopted', decided_at: '2026-11-29T10:00:00.000Z' },
      { slot: 7, pin: null, decision: 'left', decided_at: null },
      { slot: 9, pin: '•••••0', decision: 'left', decided_at: null },
    ]);
    // The adopted code is managed now (listed, in full as asked); the one being cleared is not.
    expect(door?.codes.map((c) => c.pin)).toEqual(['246810']);
    expect(JSON.stringify(report)).not.toContain('975310');
  });

  it('lists codes not removed by slot then name, with their proof and proof of use as stored', () => {
    const report = oneDoor({
      codes: [
        provenCode('door-1', 'b', '111111', 3, 'Zed'),
        sampleAccessCode({ access_code_id: 'n', code: '222222', slot: null, name: 'New' }),
        provenCode('door-1', 'a', '333333', 3, 'Amy'),
        sampleAccessCode({ access_code_id: 'r', code: '444444', slot: 1, is_removed: true }),
        provenCode('door-1', 'x', '555555', 2, null),
      ],
    });
    const codes = report.doors[0]?.codes ?? [];
    expect(codes.map((c) => [c.slot, c.name])).toEqual([[2, null], [3, 'Amy'], [3, 'Zed'], [null, 'New']]);
    expect(codes[0]).toMatchObject({ proven_by: 'read_back', proven_at: '2026-11-29T15:00:00.000Z', last_used_at: '2026-11-30T07:30:00.000Z', status: 'set' });
    expect(codes[3]).toMatchObject({ proven_by: null, proven_at: null, last_used_at: null, status: 'setting' });
  });

  it('takes the latest stored check as it was stored, never recomputed', () => {
    const stale = sampleCheck('door-1', { checked_at: '2026-11-01T10:00:00.000Z', overall: 'fail' });
    // Stored as "pass" overall although an item warns: the report says what the check said then.
    const latest = sampleCheck('door-1', { overall: 'pass', items: [{ key: 'slots', label: 'Slots', verdict: 'warn', finding: 'Only 5 slots.', advice: 'Plan.', source: 'lock' }] });
    const other = sampleCheck('door-2', { checked_at: '2026-11-30T08:00:00.000Z', overall: 'fail' });
    const report = oneDoor({ checks: [stale, latest, other] });
    expect(report.doors[0]?.check).toEqual({ checked_at: latest.checked_at, overall: 'pass', items: [{ label: 'Slots', verdict: 'warn', finding: 'Only 5 slots.' }] });
    expect(report.doors[0]?.problems.map((p) => p.kind)).toEqual([]);
  });

  it('names what is open: failed and waiting codes (never with the PIN), batteries, clock, check, lock not answering', () => {
    const failed = sampleAccessCode({ access_code_id: 'f', code: '918273', name: 'Cleaner', errors: [issue('The lock refused 918273.')] });
    const opFailed = sampleAccessCode({ access_code_id: 'o', code: '564738', slot: 2, name: null });
    const waiting = sampleAccessCode({ access_code_id: 'w', code: '102938', slot: 3, name: 'Guest' });
    const profile = sampleLockProfile({ isBatteryLow: true, batteryLevel: 9, isKeypadBatteryLow: true, clockOffsetMinutes: 0, isOnline: false, offlineSince: '2026-11-30T08:00:00.000Z' });
    const report = oneDoor(
      {
        codes: [failed, opFailed, waiting],
        operations: [
          sampleOperation(opFailed, { state: 'failed', last_error: { code: 'lock.no_answer', message: 'No answer while writing 564738.' } }),
          sampleOperation(waiting, { state: 'waiting' }),
          sampleOperation(failed, { operation_id: 'done', state: 'done' }),
        ],
        checks: [sampleCheck('door-1', { overall: 'fail', items: [{ key: 'security', label: 'Security', verdict: 'fail', finding: 'No S2.', advice: null, source: 'lock' }] })],
      },
      sampleDoor({ lastProfile: profile }),
    );
    const door = report.doors[0];
    expect(door?.problems.map((p) => p.kind)).toEqual(['failed_code', 'failed_code', 'waiting_code', 'low_battery', 'keypad_battery_low', 'clock_off', 'check_failed', 'not_answering']);
    expect(door?.problems[0]?.message).toBe('Code "Cleaner" failed: The lock refused •••••3.');
    expect(door?.problems[1]?.message).toContain('The code in slot 2 failed: No answer while writing •••••8.');
    expect(door?.problems[5]?.message).toContain('UTC+1'); // Berlin in November; the lock is on UTC
    expect(door?.codes.find((c) => c.name === 'Cleaner')?.errors).toEqual(['The lock refused •••••3.']);
    expect(JSON.stringify(report)).not.toMatch(/918273|564738|102938/);
    expect(report.summary).toMatchObject({ doors: 1, doors_without_problems: 0, codes: 3, codes_failed: 2, codes_waiting: 1, problems: 8 });
  });

  it('says a door was never checked, and that a lock clock drifting is off, from the check or the lock', () => {
    const drifting = sampleLockProfile({ clockOffsetMinutes: 60, readAt: '2026-11-30T08:00:00.000Z', lockTime: '2026-11-30T08:05:00.000Z' });
    expect(oneDoor({ checks: [] }, sampleDoor({ lastProfile: drifting })).doors[0]?.problems).toEqual([
      { kind: 'clock_off', message: "The lock's clock is 5 min fast: set the lock's clock." },
      { kind: 'never_checked', message: 'The lock was never checked: run the capability check.' },
    ]);
    const clockWarn = sampleCheck('door-1', { overall: 'warn', items: [{ key: 'clock', label: 'Clock', verdict: 'warn', finding: 'No time zone reported.', advice: null, source: 'lock' }] });
    expect(oneDoor({ checks: [clockWarn] }).doors[0]?.problems).toEqual([{ kind: 'clock_off', message: 'Clock: No time zone reported.' }]);
  });

  it('reports only the chosen doors of the site, by floor (numbers in order, named, none), unit, then name', () => {
    const door = (id: string, floor: string | null, unit: string | null, name = id) => sampleDoor({ id, name, floor, unit });
    const doors = [door('roof', 'Roof', null), door('f10', '10', '10.1'), door('none', null, null), door('f2b', '2', '2.10'), door('f2a', '2', '2.9'), door('base', '-1', null), door('f2c', '2', null, 'A'), door('f2d', '2', null, 'B')];
    const elsewhere = sampleDoor({ id: 'other', siteId: 'site-2' });
    const all = buildReportData(sampleBuilding(0, 0, { doors: [...doors, elsewhere] }));
    expect(all.doors.map((d) => d.door_id)).toEqual(['base', 'f2a', 'f2b', 'f2c', 'f2d', 'f10', 'roof', 'none']);
    const chosen = buildReportData(sampleBuilding(0, 0, { doors, doorIds: ['roof', 'f2a'] }));
    expect(chosen.doors.map((d) => d.door_id)).toEqual(['f2a', 'roof']);
    expect(chosen.summary.doors).toBe(2);
  });

  it('fills the header and the summary of a building', () => {
    const report = buildReportData(sampleBuilding(24, 10));
    expect(report).toMatchObject({ site: { id: 'site-1', name: 'Harbour View Apartments', time_zone: 'Europe/Berlin' }, installer_name: 'Alex Installer', produced_at: REPORT_NOW.toISOString(), app_version: '0.1.0' });
    expect(report.summary).toEqual({ doors: 24, doors_without_problems: 21, codes: 240, codes_proven: 240, codes_failed: 0, codes_waiting: 0, codes_used: 120, problems: 3 });
    expect(report.doors[0]?.lock).toEqual({ manufacturer: 'Virtual', model: 'Deadbolt', firmware: '1.0', serial: 'SN-1001', battery_level: 88 });
    expect(JSON.stringify(report)).not.toContain(samplePin(5, 5));
  });
});
